import { join, relative } from 'node:path'
import type { VFile } from 'vfile'
import { hasErrors } from '../diagnostics/emit.js'
import { buildReportModel, type ReportModel } from '../aggregate/model.js'
import type { Inputs, OutputKind } from '../output/cache.js'
import { reportOutputs, type OutputContent } from '../output/outputs.js'
import { reportView, type PlannedReport } from '../output/plan.js'
import { record, type Recording } from '../output/reads.js'
import { DATASET_NAMES, datasetsOf } from '../chart/datasets.js'
import { renderChart } from '../chart/render.js'
import { checkExpressions, loadChartSpecs } from '../chart/specs.js'
import type { Project } from '../domain/project.js'
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

/** Model, charts, page and open data of each report; the model sees the project through a recording view. */
export async function buildReports(reports: readonly PlannedReport[], project: Project, root: string, shared: Record<string, string>, files: VFile[], options: CompileOptions, print: (made: MadeReport) => void): Promise<MadeReport[]> {
  const boundary = boundaryOf(root)
  const template = readText(join(templateDir(root), 'verslag.md'), boundary)
  files.push(template)
  const charts = loadChartSpecs(chartDirs(root), DATASET_NAMES, boundary)
  await checkExpressions(charts, join(root, 'templates', 'charts'))
  files.push(...charts.files)
  const { phrases, files: phraseFiles } = loadPhrases(DEFAULT_TEMPLATES, join(root, 'templates'), boundary)
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
      texts: textsOf(view, report.years), root, files: [] as VFile[], blocks: [], stack: [],
    }
    const body = await renderBody(template, ctx)
    files.push(...ctx.files)
    if (hasErrors(files)) break
    if (report.revisions.length > 0) body.children.unshift(revisionNote(report.revisions))
    const page = renderPage(model, body, theme)
    const included = Object.fromEntries(ctx.files.map((f) => [`file:${relative(root, f.path)}`, hashOf(String(f.value))]))
    const one: MadeReport = { report, model, html: page.html, outputs: reportOutputs(report.key, model, page, view.config.publicatie), inputs: { files: { ...shared, ...included }, reads: recording.reads }, recording }
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
