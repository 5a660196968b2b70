import { join, resolve } from 'node:path'
import { VFile } from 'vfile'
import { compile, type CompileResult } from '../compile.js'
import { emit } from '../diagnostics/emit.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { overlappingInput, writeStaged } from '../output/stage.js'
import { findBrowser, launchBrowser, type OpenBrowser } from '../print/browser.js'
import { browserPrinter } from '../print/index.js'
import { PrintError } from '../print/pdf.js'
import type { CliOptions } from './args.js'
import { openBrowsers } from './browsers.js'
import { exitCodeOf, report, type Console } from './report.js'

export const outDirOf = (options: Pick<CliOptions, 'root' | 'out'>) => resolve(options.root, options.out ?? 'output')


export async function runBuild(options: CliOptions, io: Console): Promise<number> {
  const root = resolve(options.root)
  const outDir = outDirOf(options)
  const problems: VFile[] = []
  const overlap = overlappingInput(root, outDir)
  if (overlap) {
    const file = new VFile()
    emit(file, 'uitvoer-in-invoer', { output: outDir, input: overlap })
    report([file], root, io, options.json)
    return EXIT.usage
  }

  // The browser starts while the data is loaded, checked and charted.
  const wantPdf = options.only !== 'html'
  let opening: Promise<OpenBrowser> | undefined
  if (wantPdf) {
    const found = findBrowser()
    if (found.path) opening = launchBrowser(found.path).then((b) => (openBrowsers.add(b), b))
    else {
      const file = new VFile()
      emit(file, 'browser-ontbreekt', { tried: found.tried.join(', ') })
      problems.push(file)
    }
  }
  opening?.catch(() => undefined)

  let result: CompileResult
  let open: OpenBrowser | undefined
  try {
    const printer = opening ? await opening.then((b) => { open = b; return browserPrinter(b.browser, []) }).catch((error: unknown) => {
      const file = new VFile()
      emit(file, 'browser-fout', { report: 'alle verslagen', detail: error instanceof Error ? error.message.split('\n')[0]! : String(error) })
      problems.push(file)
      return undefined
    }) : undefined
    result = await compile(root, { ...(options.years.length ? { years: options.years } : {}), strict: options.strict, html: options.only !== 'pdf', printer }).catch((error: unknown) => {
      if (!(error instanceof PrintError)) throw error
      const file = new VFile()
      emit(file, 'browser-fout', { report: 'het verslag', detail: error.message })
      problems.push(file)
      return { files: [], outputs: new Map(), built: [], project: undefined }
    })
  } finally {
    if (open) { openBrowsers.delete(open); await open.close() }
    else if (opening) await opening.then((b) => { openBrowsers.delete(b); return b.close() }).catch(() => undefined)
  }

  const files = [...result.files, ...problems]
  report(files, root, io, options.json)
  const dataCode = exitCodeOf(result.files)
  if (dataCode !== EXIT.ok || result.outputs.size === 0) return Math.max(dataCode, exitCodeOf(problems), EXIT.data)
  try {
    writeStaged(outDir, result.outputs)
  } catch (error) {
    const file = new VFile()
    emit(file, 'uitvoer-schrijven', { output: outDir, detail: (error as NodeJS.ErrnoException).code ?? String(error) })
    report([file], root, io, options.json)
    return EXIT.data
  }
  if (!options.quiet && !options.json) {
    io.out(`Klaar: ${result.built.map((y) => String(y)).join(', ')} in ${join(options.out ?? 'output')}/ (${result.outputs.size} bestanden).`)
  }
  // The HTML is written even without a browser; the run still says what failed.
  return exitCodeOf(problems)
}
