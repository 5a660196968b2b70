import { join, relative } from 'node:path'
import type { VFile } from 'vfile'
import { hasErrors } from '../diagnostics/emit.js'
import { buildReportModel, type ReportModel } from '../aggregate/model.js'
import type { Inputs, OutputKind } from '../output/cache.js'
import { reportOutputs, type OutputContent } from '../output/outputs.js'
import { reportsOf, reportView, type PlannedReport, type ReportUnit } from '../output/plan.js'
import { record, type Recording } from '../output/reads.js'
import { DATASET_NAMES, datasetsOf } from '../chart/datasets.js'
import type { Dataset } from '../domain/dataset.js'
import { renderChart, type RenderedChart } from '../chart/render.js'
import { checkExpressions, loadChartSpecs, type ChartSpec } from '../chart/specs.js'
import type { Project } from '../domain/project.js'
import { earlierVersions, type AdoptionStatus } from '../domain/report.js'
import { boundaryOf } from '../load/inside.js'
import { readText } from '../load/read.js'
import { renderBody } from '../render/markdown.js'
import { namesOf } from '../render/names.js'
import { loadPhrases } from '../render/phrases.js'
import { renderPage } from '../render/page.js'
import type { YearText } from '../render/context.js'
import { revisionNote } from '../render/revision.js'
import { hashOf } from '../hash.js'
import { since, type CompileOptions } from './options.js'
import { chartDirs, DEFAULT_TEMPLATES, templateDir } from './templates.js'
import { themeOf } from './theme.js'

/** A report made in memory, with what it was made from. */
export interface MadeReport {
  report: PlannedReport
  model: ReportModel
  html: string
  outputs: Record<OutputKind, Map<string, OutputContent>>
  inputs: Inputs
  recording: Recording<Project>
}

/** What every report reads besides the data: the template, the chart specs and the phrases, each checked. */
interface Assets { template: VFile; charts: ReturnType<typeof loadChartSpecs>; phrases: ReturnType<typeof loadPhrases>['phrases'] }

async function loadAssets(root: string, files: VFile[]): Promise<Assets | undefined> {
  const boundary = boundaryOf(root)
  const template = readText(join(templateDir(root), 'verslag.md'), boundary)
  files.push(template)
  const charts = loadChartSpecs(chartDirs(root), DATASET_NAMES, boundary)
  await checkExpressions(charts, join(root, 'templates', 'charts'))
  files.push(...charts.files)
  const { phrases, files: phraseFiles } = loadPhrases(DEFAULT_TEMPLATES, join(root, 'templates'), boundary)
  files.push(...phraseFiles)
  return hasErrors(phraseFiles) ? undefined : { template, charts, phrases }
}

/** A report's model and body: the template with the texts and figures in it, checked on the way. */
async function renderReport(report: ReportUnit, view: Project, assets: Assets, root: string, draw: (spec: ChartSpec, dataset: Dataset) => Promise<RenderedChart>, makeModel = buildReportModel) {
  const model = makeModel(view, report.year)
  const ctx = {
    model, names: namesOf(model, assets.phrases), specs: assets.charts.specs, broken: assets.charts.broken, datasets: datasetsOf(model),
    renderChart: draw, texts: textsOf(view, report.years), root, files: [] as VFile[], blocks: [], stack: [],
  }
  return { model, body: await renderBody(assets.template, ctx), included: ctx.files }
}

/**
 * Everything a build checks of the reports short of drawing the charts and
 * printing (`validate`): the template and texts of each report with its
 * figures, the chart specs and the phrases. A build stops at the first
 * report with errors; so does this, for the same messages.
 */
export async function checkReports(project: Project, root: string, files: VFile[], years?: readonly number[]): Promise<void> {
  const assets = await loadAssets(root, files)
  if (!assets) return
  const undrawn = async (spec: ChartSpec, dataset: Dataset): Promise<RenderedChart> => ({ name: spec.name, title: '', description: '', svg: '', dataset, unfit: [] })
  // Asking for any year of a period checks that period's report, as a build makes it.
  for (const report of reportsOf(project).filter((r) => !years?.length || r.years.some((y) => years.includes(y)))) {
    const { included } = await renderReport(report, reportView(project, report), assets, root, undrawn)
    files.push(...included)
    if (hasErrors(files)) break
  }
}

/** Model, charts, page and open data of each report; the model sees the project through a recording view. */
export async function buildReports(reports: readonly PlannedReport[], project: Project, root: string, shared: Record<string, string>, files: VFile[], options: CompileOptions, print: (made: MadeReport) => void, adoptionOf: (key: string, adopted: string | undefined) => AdoptionStatus | undefined): Promise<MadeReport[]> {
  const assets = await loadAssets(root, files)
  const made: MadeReport[] = []
  if (!assets) return made
  for (const report of reports) {
    const start = performance.now()
    const recording = record(reportView(project, report))
    const view = recording.view
    const theme = themeOf(view)
    const { model, body, included } = await renderReport(report, view, assets, root, (spec, dataset) => renderChart(spec, dataset, theme), options.model)
    files.push(...included)
    if (hasErrors(files)) break
    const adoption = adoptionOf(report.key, model.status === 'definitief' ? model.date : undefined)
    const note = adoption && adoption.revisions.length > 0 ? revisionNote(adoption.revisions, earlierVersions(report.key, adoption.adopted, adoption.revisions)) : undefined
    const page = renderPage(model, body, theme, report.key, note)
    const includedFiles = Object.fromEntries(included.map((f) => [`file:${relative(root, f.path)}`, hashOf(String(f.value))]))
    const one: MadeReport = { report, model, html: page.html, outputs: reportOutputs(report.key, model, page, adoption, view.config.publicatie), inputs: { files: { ...shared, ...includedFiles }, reads: recording.reads }, recording }
    made.push(one)
    options.onStage?.({ stage: 'html', report: report.key, ms: since(start) })
    print(one)
  }
  return made
}

/** The texts of every year of a report's period, by name, oldest year first: none is left out. */
function textsOf(project: Project, years: readonly number[]): Map<string, YearText[]> {
  const texts = new Map<string, YearText[]>()
  for (const y of project.years.filter((d) => years.includes(d.year))) {
    for (const [name, file] of y.texts) texts.set(name, [...(texts.get(name) ?? []), { year: y.year, file }])
  }
  return texts
}
