import { relative, resolve } from 'node:path'
import { VFile } from 'vfile'
import { EXIT } from '../diagnostics/catalogue.js'
import { emit } from '../diagnostics/emit.js'
import type { Lifecycle } from './lifecycle.js'
import { mergeShares } from '../output/shares.js'
import type { CliOptions } from './args.js'
import { outDirOf } from './build.js'
import { exitCodeOf, report, type Console } from './report.js'

/** `jaarverslag samenvoegen <map>...`: the outputs of `build --deel` shares as one output with one index. */
export function runMerge(options: CliOptions, io: Console, run: Lifecycle): number {
  const outDir = outDirOf(options)
  const shown = (path: string) => relative(process.cwd(), path) || '.'
  const dirs = options.positionals.map((p) => resolve(options.root, p))
  const file = new VFile()
  const merged = dirs.length === 0 ? { problem: { missing: '' } } : mergeShares(dirs)
  if ('problem' in merged) {
    const p = merged.problem
    if ('missing' in p) emit(file, 'samenvoegen-geen-deel', { dir: p.missing ? shown(p.missing) : '(geen map genoemd)' })
    else emit(file, 'samenvoegen-dubbel', { file: p.file, first: shown(p.first), second: shown(p.second) })
    report([file], process.cwd(), io, options.json)
    return exitCodeOf([file])
  }
  try {
    run.staging.write(outDir, merged.output)
  } catch (error) {
    emit(file, 'uitvoer-schrijven', { output: shown(outDir), detail: (error as NodeJS.ErrnoException).code ?? String(error) })
    report([file], process.cwd(), io, options.json)
    return EXIT.data
  }
  if (!options.quiet && !options.json) io.out(`Samengevoegd: ${dirs.length} ${dirs.length === 1 ? 'deel' : 'delen'}. Uitvoer in ${shown(outDir)}/.`)
  return EXIT.ok
}
