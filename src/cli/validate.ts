import type { VFile } from 'vfile'
import { check, checkReports } from '../compile.js'
import { promoteWarnings } from '../diagnostics/emit.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { summarize } from '../diagnostics/reporter.js'
import type { CliOptions } from './args.js'
import { organisationsFor } from './project.js'
import { exitCodeOf, report, type Console } from './report.js'

/** `jaarverslag validate`: every check a build makes short of drawing and printing, so a build on main refuses nothing it passed. */
export async function runValidate(options: CliOptions, io: Console): Promise<number> {
  const organisations = organisationsFor(options, io, 'Controle van')
  if (typeof organisations === 'number') return organisations
  const files: VFile[] = []
  for (const org of organisations) {
    const checked = check(org.root, options.strict, options.years, { ci: options.ci })
    files.push(...checked.files)
    if (checked.project) await checkReports(checked.project, org.root, files, options.years)
  }
  if (options.strict) promoteWarnings(files)
  report(files, options.root, io, options.json)
  const code = exitCodeOf(files)
  // With messages, report() has printed the summary already; said once.
  if (code === EXIT.ok && !options.quiet && !options.json && summarize(files).warnings === 0) io.out('Geen fouten of waarschuwingen.')
  return code
}
