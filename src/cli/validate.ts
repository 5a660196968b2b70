import { check } from '../compile.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { summarize } from '../diagnostics/reporter.js'
import type { CliOptions } from './args.js'
import { organisationsFor } from './project.js'
import { exitCodeOf, report, type Console } from './report.js'

export function runValidate(options: CliOptions, io: Console): number {
  const organisations = organisationsFor(options, io, 'Controle van')
  if (typeof organisations === 'number') return organisations
  const files = organisations.flatMap((org) => check(org.root, options.strict, options.years).files)
  report(files, options.root, io, options.json)
  const code = exitCodeOf(files)
  // With messages, report() has printed the summary already; said once.
  if (code === EXIT.ok && !options.quiet && !options.json && summarize(files).warnings === 0) io.out('Geen fouten of waarschuwingen.')
  return code
}
