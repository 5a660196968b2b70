import { join, relative, resolve } from 'node:path'
import { VFile } from 'vfile'
import { compile, type CompileResult, type Output, type StageEvent } from '../compile.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { titleOf } from '../domain/organisation.js'
import { seconds } from '../format/nl.js'
import { emit } from '../diagnostics/emit.js'
import { readCache } from '../output/cache.js'
import type { Lifecycle } from './lifecycle.js'
import { organisationsOutput, shareOf } from '../output/shares.js'
import type { OrganisationEntry } from '../render/index-page.js'
import { overlappingInput, recoverSwap, type Recovery } from '../output/stage.js'
import { ADOPTION_DIR } from '../load/adoption.js'
import { PrintError, STEP_TIMEOUT_MS } from '../print/pdf.js'
import { printTimeoutMs } from '../print/session.js'
import type { CliOptions } from './args.js'
import { progress } from './progress.js'
import { organisationsFor, type Organisation } from './project.js'
import { exitCodeOf, report, type Console } from './report.js'

export const outDirOf = (options: Pick<CliOptions, 'root' | 'out'>) => resolve(options.root, options.out ?? 'output')

/** `jaarverslag build`: the browser, if a PDF is wanted, is the lifecycle's (already starting). */
export async function runBuild(options: CliOptions, io: Console, run: Lifecycle): Promise<number> {
  const root = resolve(options.root)
  const outDir = outDirOf(options)
  const recovered = recoveredOutput(outDir, relative(root, outDir) || '.')
  const { share } = options
  const inShare = (org: Organisation) => !share || org.name === '' || shareOf(org.name, share.count) === share.index
  const organisations = organisationsFor(options, io, 'Verslagen van', inShare)
  if (typeof organisations === 'number') return organisations
  const usage = new VFile()
  if (share && organisations.some((org) => org.name === '')) emit(usage, 'deel-een-organisatie', { root: relative(options.cwd, root) || '.' })
  const shown = (path: string) => relative(root, path) || '.'
  // A build killed while writing an adoption folder left it as it leaves the output.
  const recoveredAdoptions = organisations.map((org) => recoveredOutput(join(org.root, ADOPTION_DIR), shown(join(org.root, ADOPTION_DIR))))
  for (const org of organisations) {
    const overlap = overlappingInput(org.root, outDir)
    if (overlap) emit(usage, 'uitvoer-in-invoer', { output: shown(outDir), input: shown(overlap) })
  }
  if (Number.isNaN(printTimeoutMs())) emit(usage, 'afdruktijd-ongeldig', { found: process.env.JAARVERSLAG_AFDRUKTIJD! })
  if (usage.messages.length > 0) {
    report([usage], root, io, options.json)
    return exitCodeOf([usage])
  }

  const show = progress(options, io)
  const session = options.only === 'html' ? undefined : run.browser()
  const problems = [...(session?.missing ? [session.missing] : []), recovered, ...recoveredAdoptions]
  const files: VFile[] = []
  const results: { org: Organisation; built: string[]; fresh: string[]; index?: OrganisationEntry }[] = []
  // What each organisation's adoption folder gets, written only once the output is in place.
  const adoptions: { org: Organisation; outputs: Output }[] = []
  let printFailed = false
  // Each organisation's outputs go to the staging folder when it is done, so memory does not grow with their number.
  let writeFailed: unknown
  const stage = (outputs: Output) => {
    if (outputs.size === 0 || writeFailed !== undefined) return
    try {
      const start = performance.now()
      if (!run.staging.open) run.staging.begin(outDir)
      run.staging.add(outputs)
      run.steps('schrijven', start)
    } catch (error) {
      writeFailed = error
    }
  }
  // When the last organisation has handed over its pages, the browser ends as soon as it has printed them.
  let handedOver = 0
  const done = () => { if (++handedOver === organisations.length) run.printed() }
  const build = async (org: Organisation): Promise<CompileResult> => {
      const printing = session?.printer()
      const printer = printing && { print: printing.print, done }
      const prefix = org.name ? `${org.name}/` : ''
      return compile(org.root, {
        ...(options.years.length ? { years: options.years } : {}),
        strict: options.strict,
        html: options.only !== 'pdf',
        printer,
        cache: readCache(join(outDir, prefix)),
        all: options.all,
        revise: options.revise,
        ci: options.ci,
        onStage: (e: StageEvent) => {
          show.stage(org.name, e)
          run.steps([org.name, e.stage, e.report].filter(Boolean).join(' '), performance.now() - e.ms)
        },
      }).catch((error: unknown) => {
        if (!(error instanceof PrintError)) throw error
        printFailed = true
        run.printFailed()
        const file = new VFile()
        if (error.timedOut) emit(file, 'browser-te-traag', { report: error.report, limit: seconds((printTimeoutMs() ?? STEP_TIMEOUT_MS) / 1000) })
        else emit(file, 'browser-fout', { report: error.report, detail: error.message })
        // What the hint of browser-fout asks for: the browser's own words, for a bug report.
        if (options.debug) io.err(`${error.step}: ${error.cause instanceof Error ? error.cause.stack ?? error.cause.message : String(error.cause)}`)
        problems.push(file)
        return { files: [], outputs: new Map(), adoption: new Map(), built: [], fresh: [], project: undefined } satisfies CompileResult
      })
  }
  try {
    // Two organisations at a time: the next one is checked and rendered while the browser prints the last one.
    const building = organisations.map(() => undefined as Promise<CompileResult> | undefined)
    for (const [i, org] of organisations.entries()) {
      building[i] ??= build(org)
      if (organisations[i + 1]) building[i + 1] = build(organisations[i + 1]!)
      const result = await building[i]!
      building[i] = undefined
      files.push(...result.files)
      const { project } = result
      if (result.adoption.size > 0) adoptions.push({ org, outputs: result.adoption })
      results.push({ org, built: result.built, fresh: result.fresh, ...(project ? { index: { folder: org.name, name: project.config.organisatie, title: titleOf(project.config) } } : {}) })
      const prefix = org.name ? `${org.name}/` : ''
      stage(new Map([...result.outputs].map(([path, content]) => [prefix + path, content])))
    }
  } finally {
    run.printed()
  }
  // Several organisations get one index over all of them (as `samenvoegen` makes it from shares).
  if (organisations.every((org) => org.name !== '')) stage(organisationsOutput(results.flatMap((r) => (r.index ? [r.index] : []))))

  const all = [...files, ...problems]
  // With --json everything goes out as one object at the end.
  if (!options.json) report(all, root, io, false)
  const dataCode = exitCodeOf(files)
  // All or nothing: a report that failed leaves the whole previous output as it was.
  if (dataCode !== EXIT.ok || printFailed) {
    run.staging.abandon()
    if (options.json) report(all, root, io, true)
    return Math.max(dataCode, exitCodeOf(problems))
  }

  if (writeFailed === undefined && run.staging.open) {
    try {
      const start = performance.now()
      run.staging.commit()
      run.steps('uitvoer vervangen', start)
    } catch (error) {
      writeFailed = error
    }
  }
  let failedAt = outDir
  for (const { org, outputs } of writeFailed === undefined ? adoptions : []) {
    try {
      // The run's staging: a signal ends the run without a half-written adoption folder.
      run.staging.write(join(org.root, ADOPTION_DIR), outputs)
    } catch (error) {
      writeFailed = error
      failedAt = join(org.root, ADOPTION_DIR)
      break
    }
  }
  if (writeFailed !== undefined) {
    const file = new VFile()
    emit(file, 'uitvoer-schrijven', { output: shown(failedAt), detail: (writeFailed as NodeJS.ErrnoException).code ?? String(writeFailed) })
    report([...all, file], root, io, options.json)
    return EXIT.data
  }
  show.done(results.map(({ org, built, fresh }) => ({ name: org.name, built, fresh })), relative(options.cwd, outDir) || '.', all, root)
  for (const { org, outputs } of adoptions) show.recorded(relative(options.cwd, join(org.root, ADOPTION_DIR)) || '.', [...outputs.keys()].filter((p) => !p.includes('/') && p.endsWith('.json')).map((p) => p.slice(0, -5)))
  // The HTML is written even without a browser; the run still says what failed.
  return exitCodeOf(problems)
}

const RECOVERED: Record<Recovery, string> = {
  voltooid: 'de nieuwe uitvoer die hij al had geschreven is alsnog op zijn plaats gezet',
  teruggezet: 'de vorige uitvoer is teruggezet',
  opgeruimd: 'zijn half geschreven map ernaast is opgeruimd',
  afgerond: 'de vorige uitvoer die hij nog bewaarde is opgeruimd (de uitvoer zelf was al compleet)',
}

/** Before anything reads the output: what a killed build left half-swapped is put right, and said. */
function recoveredOutput(outDir: string, shown: string): VFile {
  const file = new VFile()
  for (const { pid, recovery } of recoverSwap(outDir)) emit(file, 'uitvoer-hersteld', { output: shown, pid, action: RECOVERED[recovery] })
  return file
}
