import { resolve } from 'node:path'
import { check } from '../compile.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { summarize } from '../diagnostics/reporter.js'
import type { CliOptions } from './args.js'
import { exitCodeOf, report, type Console } from './report.js'

export function runValidate(options: CliOptions, io: Console): number {
  const root = resolve(options.root)
  const { files } = check(root, options.strict, options.years)
  report(files, root, io, options.json)
  const code = exitCodeOf(files)
  if (code === EXIT.ok && !options.quiet && !options.json) {
    const s = summarize(files)
    io.out(s.warnings ? `Geen fouten; ${s.warnings} ${s.warnings === 1 ? 'waarschuwing' : 'waarschuwingen'}.` : 'Geen fouten of waarschuwingen.')
  }
  return code
}
