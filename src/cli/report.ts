import { VFile } from 'vfile'
import { catalogue, EXIT, STAGE_EXIT, type ArgsOf, type RuleId } from '../diagnostics/catalogue.js'
import { emit } from '../diagnostics/emit.js'
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

/** The exit code the worst error asks for: unexpected over environment over usage over data. */
export function exitCodeOf(files: readonly VFile[]): number {
  let code: number = EXIT.ok
  for (const f of files) {
    for (const m of f.messages) {
      const entry = catalogue[m.ruleId as RuleId]
      if (m.fatal && entry) code = Math.max(code, STAGE_EXIT[entry.stage])
    }
  }
  return code
}

/**
 * A problem with the run itself rather than with a file (misuse, a busy
 * port): catalogued like every other message, shown without a summary.
 */
export function fail<R extends RuleId>(io: Console, rule: R, args: ArgsOf<R>, json = false): number {
  const file = new VFile()
  emit(file, rule, args)
  if (json) io.out(JSON.stringify({ meldingen: toJson([file], ''), samenvatting: summarize([file]) }, null, 2))
  else io.err(formatMessages([file], { cwd: '' }))
  return exitCodeOf([file])
}
