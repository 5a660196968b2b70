import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { VFile } from 'vfile'
import { compile, type CompileResult, type Output, type StageEvent } from '../compile.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { emit } from '../diagnostics/emit.js'
import { readCache } from '../output/cache.js'
import type { Lifecycle } from '../output/lifecycle.js'
import { overlappingInput } from '../output/stage.js'
import { PrintError } from '../print/pdf.js'
import type { CliOptions } from './args.js'
import { progress } from './progress.js'
import { exitCodeOf, report, type Console } from './report.js'

export const outDirOf = (options: Pick<CliOptions, 'root' | 'out'>) => resolve(options.root, options.out ?? 'output')

/** One organisation: its folder, and its place in the output ('' when the project is the organisation). */
export interface Organisation { name: string; root: string }

/** A folder with data/ is one organisation; a folder of such folders builds them all (a shared service). */
export function organisationsIn(root: string): Organisation[] {
  if (existsSync(join(root, 'data'))) return [{ name: '', root }]
  if (!existsSync(root) || !statSync(root).isDirectory()) return []
  return readdirSync(root).sort()
    .filter((n) => !n.startsWith('.') && statSync(join(root, n)).isDirectory() && existsSync(join(root, n, 'data', 'organisatie.yaml')))
    .map((name) => ({ name, root: join(root, name) }))
}

/** `jaarverslag build`: the browser, if a PDF is wanted, is the lifecycle's (already starting). */
export async function runBuild(options: CliOptions, io: Console, run: Lifecycle): Promise<number> {
  const root = resolve(options.root)
  const outDir = outDirOf(options)
  const organisations = organisationsIn(root)
  const usage = new VFile()
  if (organisations.length === 0) emit(usage, 'config-ontbreekt', { file: join(relative(process.cwd(), root) || '.', 'data', 'organisatie.yaml') })
  const shown = (path: string) => relative(root, path) || '.'
  for (const org of organisations) {
    const overlap = overlappingInput(org.root, outDir)
    if (overlap) emit(usage, 'uitvoer-in-invoer', { output: shown(outDir), input: shown(overlap) })
  }
  if (usage.messages.length > 0) {
    report([usage], root, io, options.json)
    return exitCodeOf([usage])
  }

  const show = progress(options, io)
  const session = options.only === 'html' ? undefined : run.browser()
  const problems = session?.missing ? [session.missing] : []
  const outputs: Output = new Map()
  const files: VFile[] = []
  const results: { org: Organisation; result: CompileResult }[] = []
  let printFailed = false
  try {
    const printer = session?.printer()
    for (const org of organisations) {
      const prefix = org.name ? `${org.name}/` : ''
      const result = await compile(org.root, {
        ...(options.years.length ? { years: options.years } : {}),
        strict: options.strict,
        html: options.only !== 'pdf',
        printer,
        cache: options.all ? undefined : readCache(join(outDir, prefix)),
        onStage: (e: StageEvent) => {
          show.stage(org.name, e)
          run.steps([org.name, e.stage, e.year].filter(Boolean).join(' '), performance.now() - e.ms)
        },
      }).catch((error: unknown) => {
        if (!(error instanceof PrintError)) throw error
        printFailed = true
        const file = new VFile()
        emit(file, 'browser-fout', { report: error.report, detail: error.message })
        problems.push(file)
        return { files: [], outputs: new Map(), built: [], fresh: [], project: undefined } satisfies CompileResult
      })
      files.push(...result.files)
      results.push({ org, result })
      for (const [path, content] of result.outputs) outputs.set(prefix + path, content)
    }
  } finally {
    run.printed()
  }

  const all = [...files, ...problems]
  // With --json everything goes out as one object at the end.
  if (!options.json) report(all, root, io, false)
  const dataCode = exitCodeOf(files)
  // All or nothing: a report that failed leaves the whole previous output as it was.
  if (dataCode !== EXIT.ok || printFailed) {
    if (options.json) report(all, root, io, true)
    return Math.max(dataCode, exitCodeOf(problems))
  }

  if (outputs.size > 0) {
    try {
      const start = performance.now()
      run.staging.write(outDir, outputs)
      run.steps('schrijven', start)
    } catch (error) {
      const file = new VFile()
      emit(file, 'uitvoer-schrijven', { output: shown(outDir), detail: (error as NodeJS.ErrnoException).code ?? String(error) })
      report([...all, file], root, io, options.json)
      return EXIT.data
    }
  }
  show.done(results.map(({ org, result }) => ({ name: org.name, built: result.built, fresh: result.fresh })), relative(process.cwd(), outDir) || '.', all, root)
  // The HTML is written even without a browser; the run still says what failed.
  return exitCodeOf(problems)
}
