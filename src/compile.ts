/**
 * The pipeline, one stage per folder:
 *
 *   data/*.yaml ──load──▶ YAML with positions ──validate──▶ Project
 *        │                                                    │
 *        │                         aggregate (per year) ◀─────┘
 *        │                                │ ReportModel
 *        │                 chart ◀────────┤────────▶ open data (CSV, JSON)
 *        │                   │ SVG        │
 *        │                   └──▶ render ◀┘ templates/*.md + data/<jaar>/tekst/*.md
 *        │                          │ HTML page, fragment
 *        │                          └──▶ print ──▶ PDF
 *
 * compile() runs it for each report that needs it, step by step; a report
 * prints the moment its page exists, while the next one is built:
 *
 *   check ──▶ plan ─────────────────▶ build a report ──▶ print ──▶ record ──────────────▶ index
 *             .cache/bouw.json:         model (reads      PDFs      outputs by kind; files   index.html
 *             which reports changed,    recorded), page,            a kind no longer makes
 *             outdated, adopted         charts, open data           are removed
 *
 * Problems in user content are messages on the files (vfile); a build
 * produces its outputs in memory, and the caller writes them staged.
 */
import { existsSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { PACKAGE_ROOT } from './package.js'
import { VFile } from 'vfile'
import { emit, hasErrors, promoteWarnings } from './diagnostics/emit.js'
import { buildReportModel, type ReportModel } from './aggregate/model.js'
import { CACHE_FILE, emptyCache, inputsId, sharedInputs, type BuildCache, type Inputs, type OutputKind, type ReportRecord } from './output/cache.js'
import { earlierPdfPath, pdfPath, reportOutputs, type Output, type OutputContent } from './output/outputs.js'
import { plan, reportsOf, reportView, type Plan, type PlannedReport } from './output/plan.js'
import { record, type Recording } from './output/reads.js'
import { DATASET_NAMES, datasetsOf } from './chart/datasets.js'
import { renderChart, type Theme } from './chart/render.js'
import { CATEGORY_PALETTE } from './chart/palette.js'
import { loadChartSpecs } from './chart/specs.js'
import { compareText } from './domain/order.js'
import { titleOf } from './domain/organisation.js'
import { loadProject, type LoadedProject } from './load/project.js'
import { readText } from './load/read.js'
import { renderIndex, type IndexEntry, type Made } from './render/index-page.js'
import { renderBody } from './render/markdown.js'
import { namesOf } from './render/names.js'
import { loadPhrases } from './render/phrases.js'
import { renderPage } from './render/page.js'
import { revisionNote } from './render/revision.js'
import { validateProject, type Project } from './validate/index.js'
import { hashOf } from './hash.js'
import { checkPlaceholders } from './validate/placeholders.js'

/** The templates that ship with the tool; a project's own templates/ replaces them. */
export const DEFAULT_TEMPLATES = join(PACKAGE_ROOT, 'templates') + sep

export type { Output } from './output/outputs.js'

export interface Printer {
  print(html: string, model: ReportModel): Promise<Uint8Array>
  /** Every page of this build has been handed over. */
  done?(): void
}

export interface StageEvent { stage: 'controleren' | 'html' | 'pdf'; year?: number; ms: number }

export interface CompileOptions {
  /** Only these years (default: all). */
  years?: readonly number[]
  strict?: boolean
  html?: boolean
  /** Prints the PDF; without one no PDF is made. */
  printer?: Printer | undefined
  /** The previous build's cache: reports whose inputs did not change are skipped. */
  cache?: BuildCache | undefined
  /** Rebuild also the reports whose inputs did not change. */
  all?: boolean
  /** The reason for a new version of an adopted report (`--herzien`); without it an adopted report does not change. */
  revise?: string | undefined
  /** The date of a revision (default today), as YYYY-MM-DD. */
  today?: string
  onStage?: (event: StageEvent) => void
  /** The report model (default: the real one); a report depends on whatever it reads. */
  model?: typeof buildReportModel
}

export interface CompileResult {
  files: VFile[]
  outputs: Output
  /** Report keys (the output folder of each report). */
  built: string[]
  /** Reports left as they were because nothing they were made from changed. */
  fresh: string[]
  project: Project | undefined
}

export interface Checked { files: VFile[]; all: VFile[]; project: Project | undefined; loaded: LoadedProject }

/** Validate only: load → validate. With years, messages about other years' files are left out. */
export function check(root: string, strict = false, years?: readonly number[]): Checked {
  const loaded = loadProject(root)
  const { project, files } = validateProject(loaded)
  if (project) checkPlaceholders(project)
  if (strict) promoteWarnings(files)
  let shown = files
  if (years?.length) {
    const available = loaded.years.map((y) => y.year)
    const other = loaded.years.filter((y) => !years.includes(y.year)).map((y) => y.dir + sep)
    shown = files.filter((f) => !other.some((dir) => f.path?.startsWith(dir)))
    const missing = years.filter((y) => !available.includes(y))
    if (missing.length > 0) {
      const file = new VFile()
      for (const year of missing) emit(file, 'jaar-ontbreekt', { year, available: available.join(', ') || 'geen' })
      shown = [...shown, file]
    }
  }
  return { files: shown, all: files, project: hasErrors(shown) ? undefined : project, loaded }
}

export function themeOf(project: Project): Theme {
  return { primary: project.config.thema?.hoofdkleur ?? '#1d4f91', secondary: project.config.thema?.steunkleur ?? '#5f6b7a', categories: CATEGORY_PALETTE, font: 'Noto Sans' }
}

const templateDir = (root: string) => (existsSync(join(root, 'templates', 'verslag.md')) ? join(root, 'templates') : DEFAULT_TEMPLATES)
/** The standard charts, then the project's own: an own chart adds one or replaces the one with its name. */
const chartDirs = (root: string) => [join(DEFAULT_TEMPLATES, 'charts'), ...(existsSync(join(root, 'templates', 'charts')) ? [join(root, 'templates', 'charts')] : [])]

const since = (start: number) => Math.round(performance.now() - start)

/** Build the reports of a project in memory. */
export async function compile(root: string, options: CompileOptions = {}): Promise<CompileResult> {
  const start = performance.now()
  const { files, project, loaded } = check(root, options.strict, options.years)
  if (!project) return { files, outputs: new Map(), built: [], fresh: [], project }
  options.onStage?.({ stage: 'controleren', ms: since(start) })
  const kinds = outputKinds(options)
  const previous = options.cache ?? emptyCache()
  const shared = sharedInputs([templateDir(root), join(root, 'templates'), DEFAULT_TEMPLATES], chartDirs(root))
  const planned = plan(project, loaded, root, previous, shared, { years: options.years, kinds, all: options.all ?? false, revise: options.revise, today: options.today ?? today() })
  files.push(...planned.files)
  if (hasErrors(files)) return { files, outputs: new Map(), built: [], fresh: [], project }
  if (planned.build.length === 0) return { files, outputs: new Map(), built: [], fresh: planned.fresh, project }

  const printing = printQueue(options.printer, options.onStage)
  const made = await buildReports(planned.build, project, root, shared, files, options, printing.add)
  const failed = await printing.finish()
  if (hasErrors(files)) return { files, outputs: new Map(), built: [], fresh: [], project }
  if (failed) throw failed.reason
  const { outputs, cache } = recordOutputs(made, previous, kinds, planned.outdated)
  outputs.set('index.html', indexPage(project, cache, planned.outdated))
  return { files, outputs, built: made.map((m) => m.report.key), fresh: planned.fresh, project }
}

const outputKinds = (options: CompileOptions): OutputKind[] =>
  [...(options.html !== false ? ['html' as const] : []), ...(options.printer ? ['pdf' as const] : []), 'data']

const today = () => new Date().toISOString().slice(0, 10)

/** A report made in memory, with what it was made from. */
interface MadeReport {
  report: PlannedReport
  model: ReportModel
  html: string
  outputs: Record<OutputKind, Map<string, OutputContent>>
  inputs: Inputs
  recording: Recording<Project>
}

/** Model, charts, page and open data of each report; the model sees the project through a recording view. */
async function buildReports(reports: readonly PlannedReport[], project: Project, root: string, shared: Record<string, string>, files: VFile[], options: CompileOptions, print: (made: MadeReport) => void): Promise<MadeReport[]> {
  const template = readText(join(templateDir(root), 'verslag.md'))
  files.push(template)
  const charts = loadChartSpecs(chartDirs(root), DATASET_NAMES)
  files.push(...charts.files)
  const { phrases, files: phraseFiles } = loadPhrases(DEFAULT_TEMPLATES, join(root, 'templates'))
  files.push(...phraseFiles)
  const made: MadeReport[] = []
  if (hasErrors(phraseFiles)) return made
  for (const report of reports) {
    const start = performance.now()
    const recording = record(reportView(project, report))
    const view = recording.view
    const model = (options.model ?? buildReportModel)(view, report.year)
    const theme = themeOf(view)
    const ctx = {
      model, names: namesOf(model, phrases), specs: charts.specs, broken: charts.broken, datasets: datasetsOf(model),
      renderChart: (spec: Parameters<typeof renderChart>[0], dataset: Parameters<typeof renderChart>[1]) => renderChart(spec, dataset, theme),
      texts: view.years.find((y) => y.year === report.year)!.texts, root, files: [] as VFile[], blocks: [], stack: [],
    }
    const body = await renderBody(template, ctx)
    files.push(...ctx.files)
    if (hasErrors(files)) break
    if (report.revisions.length > 0) body.children.unshift(revisionNote(report.revisions))
    const page = renderPage(model, body, theme)
    const included = Object.fromEntries(ctx.files.map((f) => [`file:${relative(root, f.path)}`, hashOf(String(f.value))]))
    const one: MadeReport = { report, model, html: page.html, outputs: reportOutputs(report.key, model, page, view.config.publicatie), inputs: { files: { ...shared, ...included }, reads: recording.reads }, recording }
    made.push(one)
    options.onStage?.({ stage: 'html', year: report.year, ms: since(start) })
    print(one)
  }
  return made
}

/** Each report goes to the printer the moment its HTML exists, while the next one is made. */
function printQueue(printer: Printer | undefined, onStage: CompileOptions['onStage']) {
  const printing: Promise<void>[] = []
  return {
    add(made: MadeReport): void {
      if (!printer) return
      const begin = performance.now()
      const done = printer.print(made.html, made.model).then((pdf) => {
        made.outputs.pdf.set(pdfPath(made.report.key), pdf)
        onStage?.({ stage: 'pdf', year: made.report.year, ms: since(begin) })
      })
      done.catch(() => undefined)
      printing.push(done)
    },
    /** Waits for every print; a failure is the first report's in order, whatever finished first. */
    async finish(): Promise<PromiseRejectedResult | undefined> {
      printer?.done?.()
      const printed = await Promise.allSettled(printing)
      return printed.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    },
  }
}

/**
 * The outputs of the kinds this build made, and the cache that says what
 * they were made from. A file a kind made before and makes no longer is
 * removed; kinds not made now are kept, with their own record.
 */
function recordOutputs(made: readonly MadeReport[], previous: BuildCache, kinds: readonly OutputKind[], outdated: Plan['outdated']): { outputs: Output; cache: BuildCache } {
  const outputs: Output = new Map()
  const cache: BuildCache = { version: 2, reports: { ...previous.reports } }
  for (const m of made) {
    m.recording.stop()
    const { key } = m.report
    const before = m.report.previous
    const id = inputsId(m.inputs)
    const record: ReportRecord = { outputs: { ...before?.outputs }, inputs: {} }
    const lastPdf = before?.outputs.pdf && m.report.revision && kinds.includes('pdf') ? pdfPath(key) : undefined
    if (lastPdf) outputs.set(earlierPdfPath(key, before!.revisions?.at(-1)?.date ?? before!.adopted!), { copyOf: lastPdf })
    for (const kind of kinds) {
      for (const path of before?.outputs[kind]?.files ?? []) if (!m.outputs[kind].has(path)) outputs.set(path, null)
      for (const [path, content] of m.outputs[kind]) outputs.set(path, content)
      record.outputs[kind] = { inputs: id, files: [...m.outputs[kind].keys()].sort(compareText) }
      outdated.get(key)?.delete(kind)
    }
    for (const { inputs } of Object.values(record.outputs)) record.inputs[inputs] = inputs === id ? m.inputs : before!.inputs[inputs]!
    const meta = m.model
    if (meta.status === 'definitief' && meta.date) record.adopted = meta.date
    if (m.report.revisions.length > 0) record.revisions = m.report.revisions
    cache.reports[key] = record
  }
  outputs.set(CACHE_FILE, JSON.stringify(cache) + '\n')
  return { outputs, cache }
}

/** The index lists every report with the outputs its record says exist, outdated ones marked. */
function indexPage(project: Project, cache: BuildCache, outdated: Plan['outdated']): string {
  const title = titleOf(project.config)
  const entries: IndexEntry[] = reportsOf(project).map(({ key, label, year }) => {
    const made = (kind: OutputKind): Made => (cache.reports[key]?.outputs[kind] ? (outdated.get(key)?.has(kind) ? 'outdated' : 'current') : undefined)
    return { key, label, title: `${title} ${label}`, status: project.years.find((y) => y.year === year)!.meta.status, html: made('html'), pdf: made('pdf'), data: made('data') }
  })
  return renderIndex(project.config.organisatie, title, entries, themeOf(project))
}
