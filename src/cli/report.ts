import type { VFile } from 'vfile'
import { catalogue, EXIT, type RuleId } from '../diagnostics/catalogue.js'
import { formatMessages, formatSummary, summarize, toJson } from '../diagnostics/reporter.js'

export interface Console { out: (s: string) => void; err: (s: string) => void }

export const processConsole: Console = {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
}

/** Print every message and the summary; JSON for machines. */
export function report(files: readonly VFile[], cwd: string, io: Console, json: boolean): void {
  if (json) {
    io.out(JSON.stringify({ meldingen: toJson(files, cwd), samenvatting: summarize(files) }, null, 2))
    return
  }
  const text = formatMessages(files, { cwd })
  if (text) io.err(text)
  const summary = summarize(files)
  if (summary.errors + summary.warnings > 0) io.err(formatSummary(summary))
}

/** The exit code the worst error asks for: environment (3) over usage (2) over data (1). */
export function exitCodeOf(files: readonly VFile[]): number {
  let code: number = EXIT.ok
  for (const f of files) {
    for (const m of f.messages) {
      if (!m.fatal) continue
      const stage = catalogue[m.ruleId as RuleId]?.stage
      const c = stage === 'afdrukken' ? EXIT.environment : stage === 'gebruik' ? EXIT.usage : EXIT.data
      code = Math.max(code, c)
    }
  }
  return code
}
