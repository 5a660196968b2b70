import type { Element, ElementContent } from 'hast'
import type { VFile } from 'vfile'
import type { ReportModel } from '../aggregate/model.js'
import type { RenderedChart } from '../chart/render.js'
import type { ChartSpec } from '../chart/specs.js'
import type { Named } from './names.js'
import type { Dataset } from '../domain/dataset.js'

/** One year's text of a given name. */
export interface YearText { year: number; file: VFile }

/** Everything a template needs while it is turned into a page. */
export interface RenderContext {
  model: ReportModel
  names: ReadonlyMap<string, Named>
  specs: ReadonlyMap<string, ChartSpec>
  /** Charts whose spec has errors, already reported on the spec file. */
  broken: ReadonlySet<string>
  datasets: ReadonlyMap<string, Dataset>
  renderChart: (spec: ChartSpec, dataset: Dataset) => Promise<RenderedChart>
  /** Prose by name (data/<jaar>/tekst/<naam>.md), of every year of the report's period, oldest first. */
  texts: ReadonlyMap<string, readonly YearText[]>
  /** Project folder: includes may not leave it. */
  root: string
  /** Files read through includes, for the reporter. */
  files: VFile[]
  /** Trusted blocks (tables, charts) waiting for their placeholder; filled in order. */
  blocks: (Element | ElementContent[])[]
  /** Includes being expanded, to stop a file including itself. */
  stack: string[]
}
