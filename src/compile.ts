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
 * Problems in user content are messages on the files (vfile); a build
 * produces its outputs in memory, and the caller writes them staged.
 */
import { existsSync } from 'node:fs'
import { join, sep } from 'node:path'
import { PACKAGE_ROOT } from './package.js'
import { VFile } from 'vfile'
import { emit } from './diagnostics/emit.js'
import { buildReportModel, DEFAULT_WINDOW, type ReportModel } from './aggregate/model.js'
import { reportPeriods } from './aggregate/period.js'
import { CACHE_FILE, yearKeys, type BuildCache } from './output/cache.js'
import { dataTables, metadata, toCsv } from './aggregate/opendata.js'
import { DATASET_NAMES, datasetsOf } from './chart/datasets.js'
import { renderChart, type Theme } from './chart/render.js'
import { loadChartSpecs } from './chart/specs.js'
import { hasErrors, promoteWarnings } from './diagnostics/emit.js'
import { loadProject } from './load/project.js'
import { readText } from './load/read.js'
import { renderIndex, pdfName, type IndexEntry } from './render/index-page.js'
import { renderBody } from './render/markdown.js'
import { namesOf } from './render/names.js'
import { loadPhrases } from './render/phrases.js'
import { renderPage } from './render/page.js'
import { validateProject, type Project } from './validate/index.js'

/** The templates that ship with the tool; a project's own templates/ replaces them. */
export const DEFAULT_TEMPLATES = join(PACKAGE_ROOT, 'templates') + sep

/** Output files by path relative to the output folder; null removes a stale file. */
export type Output = Map<string, string | Uint8Array | null>

export interface Printer { print(html: string, model: ReportModel): Promise<Uint8Array> }

export interface StageEvent { stage: 'controleren' | 'html' | 'pdf'; year?: number; ms: number }

export interface CompileOptions {
  /** Only these years (default: all). */
  years?: readonly number[]
  strict?: boolean
  html?: boolean
  /** Prints the PDF; without one no PDF is made. */
  printer?: Printer | undefined
  /** The previous build's cache: years whose inputs did not change are skipped. */
  cache?: BuildCache | undefined
  onStage?: (event: StageEvent) => void
}

export interface CompileResult {
  files: VFile[]
  outputs: Output
  built: number[]
  /** Years left as they were because nothing they depend on changed. */
  fresh: number[]
  project: Project | undefined
}

export interface Checked { files: VFile[]; all: VFile[]; project: Project | undefined }

/** Validate only: load → validate. With years, messages about other years' files are left out. */
export function check(root: string, strict = false, years?: readonly number[]): Checked {
  const loaded = loadProject(root)
  const { project, files } = validateProject(loaded)
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
  return { files: shown, all: files, project: hasErrors(shown) ? undefined : project }
}

export function themeOf(project: Project): Theme {
  return { primary: project.config.thema?.hoofdkleur ?? '#1d4f91', secondary: project.config.thema?.steunkleur ?? '#5f6b7a', font: 'Noto Sans' }
}

const templateDir = (root: string) => (existsSync(join(root, 'templates', 'verslag.md')) ? join(root, 'templates') : DEFAULT_TEMPLATES)
const chartDir = (root: string) => (existsSync(join(root, 'templates', 'charts')) ? join(root, 'templates', 'charts') : join(DEFAULT_TEMPLATES, 'charts'))

const since = (start: number) => Math.round(performance.now() - start)

/** Build the reports of a project in memory. */
export async function compile(root: string, options: CompileOptions = {}): Promise<CompileResult> {
  let start = performance.now()
  const { files, all, project } = check(root, options.strict, options.years)
  const outputs: Output = new Map()
  if (!project) return { files, outputs, built: [], fresh: [], project }
  options.onStage?.({ stage: 'controleren', ms: since(start) })
  // One report per period, known by its last year; asking for any year of a period builds that period's report.
  const periods = reportPeriods(project).filter((p) => !options.years || p.years.some((y) => options.years!.includes(y)))
  const wanted = periods.map((p) => p.to)
  const folder = (year: number) => periods.find((p) => p.to === year)!.slug
  const theme = themeOf(project)
  const wantHtml = options.html !== false
  const wantPdf = Boolean(options.printer)

  const keys = yearKeys(project, all, [templateDir(root), chartDir(root), DEFAULT_TEMPLATES, join(root, 'templates')], wanted, project.config.vergelijking?.venster ?? DEFAULT_WINDOW, '')
  const previous = options.cache?.jaren ?? {}
  const isFresh = (year: number) => {
    const entry = previous[year]
    return entry !== undefined && entry.sleutel === keys.get(year) && (!wantHtml || entry.html) && (!wantPdf || entry.pdf)
  }
  const years = wanted.filter((y) => !isFresh(y))
  const fresh = wanted.filter(isFresh)
  if (years.length === 0) return { files, outputs, built: [], fresh, project }

  const template = readText(join(templateDir(root), 'verslag.md'))
  files.push(template)
  const charts = loadChartSpecs(chartDir(root), DATASET_NAMES)
  files.push(...charts.files)
  const { phrases, files: phraseFiles } = loadPhrases(DEFAULT_TEMPLATES, join(root, 'templates'))
  files.push(...phraseFiles)
  if (hasErrors(phraseFiles)) return { files, outputs, built: [], fresh: [], project }
  // Each report goes to the printer the moment its HTML exists, while the next year is made.
  const printing: Promise<void>[] = []
  const print = (printer: Printer, model: ReportModel, html: string) => {
    const begin = performance.now()
    const done = printer.print(html, model).then((pdf) => {
      outputs.set(`${model.period.slug}/${pdfName(model.period.slug)}`, pdf)
      options.onStage?.({ stage: 'pdf', year: model.year, ms: since(begin) })
    })
    done.catch(() => undefined)
    printing.push(done)
  }

  for (const year of years) {
    start = performance.now()
    const model = buildReportModel(project, year)
    const datasets = datasetsOf(model)
    const ctx = {
      model, names: namesOf(model, phrases), specs: charts.specs, broken: charts.broken, datasets,
      renderChart: (spec: Parameters<typeof renderChart>[0], dataset: Parameters<typeof renderChart>[1]) => renderChart(spec, dataset, theme),
      texts: project.years.find((y) => y.year === year)!.texts, root, files: [] as VFile[], blocks: [], stack: [],
    }
    const body = await renderBody(template, ctx)
    files.push(...ctx.files)
    if (hasErrors(files)) break
    const page = renderPage(model, body, theme)
    if (wantHtml) {
      outputs.set(`${folder(year)}/index.html`, page.html)
      outputs.set(`${folder(year)}/fragment.html`, page.fragment)
    }
    const tables = dataTables(model)
    for (const t of tables) {
      outputs.set(`${folder(year)}/data/${t.name}.csv`, toCsv(t))
      outputs.set(`${folder(year)}/data/${t.name}.json`, JSON.stringify({ titel: t.title, kolommen: t.columns, rijen: t.rows }, null, 2) + '\n')
    }
    const pub = project.config.publicatie
    outputs.set(`${folder(year)}/data/metadata.json`, JSON.stringify(metadata(model, tables, { licence: pub?.licentie ?? 'CC0 1.0', contact: pub?.contact, keywords: pub?.trefwoorden ?? [] }), null, 2) + '\n')
    options.onStage?.({ stage: 'html', year, ms: since(start) })
    if (options.printer) print(options.printer, model, page.html)
  }
  // A failure is reported for the first report in order, whatever finished first.
  const printed = await Promise.allSettled(printing)
  if (hasErrors(files)) return { files, outputs: new Map(), built: [], fresh: [], project }
  const failed = printed.find((r): r is PromiseRejectedResult => r.status === 'rejected')
  if (failed) throw failed.reason

  // What a rebuilt year did not make again is stale: its inputs changed.
  const cache: BuildCache = { versie: 1, jaren: { ...previous } }
  for (const year of years) {
    const same = previous[year]?.sleutel === keys.get(year)
    const html = wantHtml || (same && Boolean(previous[year]?.html))
    const pdf = wantPdf || (same && Boolean(previous[year]?.pdf))
    if (!html) { outputs.set(`${folder(year)}/index.html`, null); outputs.set(`${folder(year)}/fragment.html`, null) }
    if (!pdf) outputs.set(`${folder(year)}/${pdfName(folder(year))}`, null)
    cache.jaren[year] = { sleutel: keys.get(year)!, html, pdf }
  }
  outputs.set(CACHE_FILE, JSON.stringify(cache, null, 2) + '\n')

  const entries: IndexEntry[] = reportPeriods(project).map((p) => ({
    year: p.to, folder: p.slug, label: p.label, title: `${project.config.titel ?? 'Jaarverslag Integriteit'} ${p.label}`,
    status: project.years.find((y) => y.year === p.to)!.meta.status, html: Boolean(cache.jaren[p.to]?.html), pdf: Boolean(cache.jaren[p.to]?.pdf),
  }))
  outputs.set('index.html', renderIndex(project.config.organisatie, project.config.titel ?? 'Jaarverslag Integriteit', entries, theme))
  return { files, outputs, built: years, fresh, project }
}
