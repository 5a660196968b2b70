import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { VFile } from 'vfile'
import { compile, type CompileResult, type Output, type Printer, type StageEvent } from '../compile.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { emit } from '../diagnostics/emit.js'
import { readCache } from '../output/cache.js'
import { overlappingInput, writeStaged } from '../output/stage.js'
import type { OpenBrowser } from '../print/browser.js'
import { findBrowser } from '../print/find.js'
import { PrintError, warmUp } from '../print/pdf.js'
import { fontFaces } from '../render/style.js'
import type { CliOptions } from './args.js'
import { openBrowsers } from './browsers.js'
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

/**
 * The browser starts while the data is loaded, checked and charted; the
 * printer waits for it only when the first report is ready to print. It is
 * closed on every path.
 */
class LazyBrowser {
  private readonly opening: Promise<OpenBrowser> | undefined
  private readonly printing: Promise<typeof import('../print/index.js')> | undefined
  readonly problems: VFile[] = []

  constructor(wanted: boolean) {
    if (!wanted) return
    const found = findBrowser()
    if (!found.path) {
      const file = new VFile()
      emit(file, 'browser-ontbreekt', { tried: found.tried.join(', ') })
      this.problems.push(file)
      return
    }
    const path = found.path
    // puppeteer and pdf-lib load only when a PDF is wanted: an HTML build starts faster.
    this.printing = import('../print/index.js')
    this.opening = import('../print/browser.js').then(async ({ launchBrowser }) => {
      const open = await launchBrowser(path)
      openBrowsers.add(open)
      return open
    })
    this.opening.catch(() => undefined)
  }

  printer(): Printer | undefined {
    const { opening, printing } = this
    if (!opening || !printing) return undefined
    // The first print in a fresh browser pays for fonts and the PDF code; warm up while the HTML is made.
    const browser = opening.then(async (o) => {
      await warmUp(o.browser, fontFaces()).catch(() => undefined)
      return o.browser
    })
    return { print: async (html, model) => (await printing).browserPrinter(browser).print(html, model) }
  }

  fail(report: string, detail: string): void {
    const file = new VFile()
    emit(file, 'browser-fout', { report, detail })
    this.problems.push(file)
  }

  async close(): Promise<void> {
    const open = await this.opening?.catch(() => undefined)
    if (open) { openBrowsers.delete(open); await open.close() }
  }
}

export async function runBuild(options: CliOptions, io: Console): Promise<number> {
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
  const browser = new LazyBrowser(options.only !== 'html')
  const outputs: Output = new Map()
  const files: VFile[] = []
  const results: { org: Organisation; result: CompileResult }[] = []
  let printFailed = false
  try {
    const printer = browser.printer()
    for (const org of organisations) {
      const prefix = org.name ? `${org.name}/` : ''
      const result = await compile(org.root, {
        ...(options.years.length ? { years: options.years } : {}),
        strict: options.strict,
        html: options.only !== 'pdf',
        printer,
        cache: options.all ? undefined : readCache(join(outDir, prefix)),
        onStage: (e: StageEvent) => show.stage(org.name, e),
      }).catch((error: unknown) => {
        if (!(error instanceof PrintError)) throw error
        printFailed = true
        browser.fail(error.report, error.message)
        return { files: [], outputs: new Map(), built: [], fresh: [], project: undefined } satisfies CompileResult
      })
      files.push(...result.files)
      results.push({ org, result })
      for (const [path, content] of result.outputs) outputs.set(prefix + path, content)
    }
  } finally {
    await browser.close()
  }

  const all = [...files, ...browser.problems]
  // With --json everything goes out as one object at the end.
  if (!options.json) report(all, root, io, false)
  const dataCode = exitCodeOf(files)
  // All or nothing: a report that failed leaves the whole previous output as it was.
  if (dataCode !== EXIT.ok || printFailed) {
    if (options.json) report(all, root, io, true)
    return Math.max(dataCode, exitCodeOf(browser.problems))
  }

  if (outputs.size > 0) {
    try {
      writeStaged(outDir, outputs)
    } catch (error) {
      const file = new VFile()
      emit(file, 'uitvoer-schrijven', { output: shown(outDir), detail: (error as NodeJS.ErrnoException).code ?? String(error) })
      report([...all, file], root, io, options.json)
      return EXIT.data
    }
  }
  show.done(results.map(({ org, result }) => ({ name: org.name, built: result.built, fresh: result.fresh })), relative(process.cwd(), outDir) || '.', all, root)
  // The HTML is written even without a browser; the run still says what failed.
  return exitCodeOf(browser.problems)
}
