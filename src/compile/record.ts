import { compareText } from '../domain/order.js'
import { inputsId, type BuildCache, type OutputKind, type ReportRecord } from '../output/cache.js'
import type { Output } from '../output/outputs.js'
import type { Plan } from '../output/plan.js'
import type { MadeReport } from './build.js'

/**
 * The outputs of the kinds this build made, and the cache that says what
 * they were made from. A file a kind made before and makes no longer is
 * removed; kinds not made now are kept, with their own record.
 */
export function recordOutputs(made: readonly MadeReport[], previous: BuildCache, kinds: readonly OutputKind[], outdated: Plan['outdated']): { outputs: Output; cache: BuildCache } {
  const outputs: Output = new Map()
  const cache: BuildCache = { version: 2, reports: { ...previous.reports } }
  for (const m of made) {
    m.recording.stop()
    const { key } = m.report
    const before = m.report.previous
    const id = inputsId(m.inputs)
    const record: ReportRecord = { outputs: { ...before?.outputs }, inputs: {} }
    for (const kind of kinds) {
      for (const path of before?.outputs[kind]?.files ?? []) if (!m.outputs[kind].has(path)) outputs.set(path, null)
      for (const [path, content] of m.outputs[kind]) outputs.set(path, content)
      record.outputs[kind] = { inputs: id, files: [...m.outputs[kind].keys()].sort(compareText) }
      outdated.get(key)?.delete(kind)
    }
    for (const { inputs } of Object.values(record.outputs)) record.inputs[inputs] = inputs === id ? m.inputs : before!.inputs[inputs]!
    cache.reports[key] = record
  }
  return { outputs, cache }
}
