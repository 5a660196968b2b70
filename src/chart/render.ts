import { join } from 'node:path'
import { hashOf } from '../hash.js'
import { within } from '../load/inside.js'
import { PACKAGE_ROOT, toolFingerprint } from '../package.js'
import { readCachedChart, writeCachedChart } from './cache.js'
import type { Dataset } from '../domain/dataset.js'
import type { Theme } from '../domain/theme.js'
import type { ChartSpec } from './specs.js'
import { asDrawn } from './title.js'
import { ChartError, drawInWorker } from './worker.js'

export interface RenderedChart {
  name: string
  title: string
  description: string
  /** Static, self-contained SVG text with role="img", a Dutch <title> and <desc>, ids prefixed by the chart name. */
  svg: string
  dataset: Dataset
  /** Labels that do not fit: cut with "…" by the spec, or longer than MAX_LINES lines. */
  unfit: string[]
}

const cache = new Map<string, RenderedChart>()

/** The tool's own chart specs: its code, drawn in this process. */
const TOOL_CHARTS = join(PACKAGE_ROOT, 'templates', 'charts')

/** A chart of the tool's own spec; vega loads only when one has to be drawn. */
async function drawHere(chart: Parameters<typeof drawInWorker>[0], dataset: Dataset, theme: Theme) {
  const { drawChart } = await import('./draw.js')
  return drawChart(chart, dataset, theme).catch((error: unknown) => { throw new ChartError('fout', error instanceof Error ? error.message : String(error)) })
}

/**
 * Render one chart: vega-lite compile → vega View (no renderer) → SVG text.
 * Kept by spec, data, theme and the tool's own code: in memory for this
 * run, on disk for the next.
 */
export async function renderChart(spec: ChartSpec, dataset: Dataset, theme: Theme): Promise<RenderedChart> {
  const chart = asDrawn(spec, dataset)
  const key = hashOf(toolFingerprint(), JSON.stringify([chart.name, chart.title, chart.spec, dataset, theme]))
  const hit = cache.get(key)
  if (hit) return hit
  let drawn = readCachedChart(key)
  if (!drawn) {
    // A project's own spec (any spec not known to be the tool's) is drawn in a process of its own, with a time and memory limit (worker.ts).
    const ours = typeof spec.file.path === 'string' && within(TOOL_CHARTS, spec.file.path)
    drawn = ours ? await drawHere(chart, dataset, theme) : await drawInWorker(chart, dataset, theme)
    writeCachedChart(key, drawn)
  }
  const rendered: RenderedChart = { name: chart.name, title: chart.title, description: dataset.describe, dataset, ...drawn }
  cache.set(key, rendered)
  return rendered
}

