import * as vega from 'vega'
import { compile, type TopLevelSpec } from 'vega-lite'
import { chartToHast, svgText } from './svg.js'
import type { CachedChart } from './cache.js'
import { distinctDrawn } from './datasets.js'
import { fits, splitLabel } from './labels.js'
import { paletteFor } from './palette.js'
import { registerExpressionFunctions } from './expressions.js'
import type { ChartSpec } from './specs.js'
import type { Dataset } from '../domain/dataset.js'
import type { Theme } from '../domain/theme.js'

/** What drawing needs of a spec: no file, so it can be handed to the drawing thread. */
export type Drawable = Pick<ChartSpec, 'name' | 'title' | 'spec'>

/** Raised when a spec tries to reach outside the report; the build turns it into a positioned error. */
export class ExternalLoadError extends Error {
  constructor(readonly uri: string) { super(`extern laden geweigerd: ${uri}`) }
}

/** A vega loader that can load nothing: no files, no URLs. */
function refusingLoader(): vega.Loader {
  const loader = vega.loader()
  loader.load = async (uri: string) => { throw new ExternalLoadError(uri) }
  // Never null: vega-scenegraph dereferences the result even for a refused link.
  loader.sanitize = async () => ({ href: '' }) as never
  loader.http = async (uri: string) => { throw new ExternalLoadError(uri) }
  loader.file = async (uri: string) => { throw new ExternalLoadError(uri) }
  return loader
}

const WRAPPED = 'wrapLabel(datum.label)'
/** Line height of an 11px label, and the room one category needs beside its lines. */
const LINE_PX = 13
const BAND_PAD_PX = 8

/** Dutch number format and fonts, pinned so output does not depend on the machine. */
export function vegaConfig(theme: Theme, colours: string[], bandStep?: number) {
  return {
    aria: false,
    font: theme.font,
    background: '#ffffff',
    locale: {
      number: { decimal: ',', thousands: '.', grouping: [3], currency: ['€\u00a0', ''] },
      time: {
        dateTime: '%a %e %B %Y %X', date: '%d-%m-%Y', time: '%H:%M:%S', periods: ['AM', 'PM'],
        days: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
        shortDays: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
        months: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
        shortMonths: ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
      },
    },
    range: { category: colours },
    bar: { color: theme.primary },
    text: { color: '#1a1a1a', fontSize: 11 },
    // Labels and titles are never cut: category labels wrap over lines, the rest takes the room it needs.
    axis: { labelColor: '#1a1a1a', titleColor: '#1a1a1a', labelFontSize: 11, titleFontSize: 11, domainColor: '#595959', tickColor: '#595959', gridColor: '#d9d9d9', labelLimit: 0, titleLimit: 0 },
    axisDiscrete: { labelExpr: WRAPPED, labelLineHeight: LINE_PX },
    // Vega sets a label's first line at the tick; centre the lines of a y label on its band instead.
    axisYDiscrete: { labelOffset: { expr: `-(length(${WRAPPED}) - 1) * ${LINE_PX / 2}` } },
    legend: { labelColor: '#1a1a1a', titleColor: '#1a1a1a', labelLimit: 0, titleLimit: 0 },
    title: { color: '#1a1a1a', fontSize: 14, anchor: 'start', limit: 0 },
    ...(bandStep ? { view: { discreteHeight: { step: bandStep } } } : {}),
    header: { labelColor: '#1a1a1a', labelFontSize: 12 },
  }
}

/** The discrete y fields of a spec (also in layers and facets), with the field that splits each band. */
function discreteY(node: unknown, found: { field: string; offset?: string }[] = []): { field: string; offset?: string }[] {
  if (node === null || typeof node !== 'object') return found
  const encoding = (node as { encoding?: Record<string, { field?: unknown; type?: unknown }> }).encoding
  const y = encoding?.y
  if (typeof y?.field === 'string' && (y.type === 'nominal' || y.type === 'ordinal')) {
    found.push({ field: y.field, ...(typeof encoding?.yOffset?.field === 'string' ? { offset: encoding.yOffset.field } : {}) })
  }
  for (const value of Object.values(node)) discreteY(value, found)
  return found
}

/**
 * The step of a discrete y axis, so the band of each category is as high
 * as its label's lines: the chart's height follows its longest label. With
 * bars per year beside each other (yOffset) the step is per bar.
 */
function bandStep(spec: unknown, dataset: Dataset): number | undefined {
  let step = 0
  for (const { field, offset } of discreteY(spec)) {
    const lines = Math.max(1, ...dataset.rows.map((r) => splitLabel(String(r[field] ?? '')).length))
    const needed = lines * LINE_PX + BAND_PAD_PX
    // Vega leaves out the bars of unknown values, and their place in the band with them.
    const bars = offset ? distinctDrawn(dataset, offset) : 0
    // Vega-Lite's band padding: 0.2 between offset groups, 0.1 otherwise.
    step = Math.max(step, bars > 0 ? (needed * 0.8) / bars : needed / 0.9)
  }
  return step > 20 ? Math.ceil(step) : undefined
}

const LEGEND_CHANNELS = ['color', 'fill', 'stroke', 'shape', 'opacity', 'size'] as const

/**
 * The spec with the labels of its category legends wrapped like axis
 * labels (Vega-Lite has no config for a legend's labelExpr), and without
 * a legend of one entry ("Jaar: 2024" says nothing beside one year's bars).
 * A spec's own legend settings win otherwise; the spec itself is left as it was.
 */
function adjustLegends(node: unknown, dataset: Dataset): unknown {
  if (Array.isArray(node)) return node.map((n) => adjustLegends(n, dataset))
  if (node === null || typeof node !== 'object') return node
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(node)) out[key] = adjustLegends(value, dataset)
  const encoding = out.encoding as Record<string, { field?: unknown; type?: unknown; legend?: unknown }> | undefined
  for (const channel of LEGEND_CHANNELS) {
    const def = encoding?.[channel]
    if (!def || (def.type !== 'nominal' && def.type !== 'ordinal') || def.legend === null) continue
    encoding[channel] = typeof def.field === 'string' && distinctDrawn(dataset, def.field) <= 1
      ? { ...def, legend: null }
      : { ...def, legend: { labelExpr: WRAPPED, ...(def.legend as object | undefined) } }
  }
  return out
}

/**
 * A legend whose spec fills its swatches itself (`symbolFillColor` as an
 * expression: the open swatch of a part of a year, drawn like its bar)
 * keeps that fill: Vega paints every swatch from the legend's fill scale
 * otherwise. The stroke scale still colours the swatch's outline.
 */
function ownSymbolFill(vgSpec: vega.Spec): void {
  for (const legend of vgSpec.legends ?? []) {
    if (legend.fill !== undefined && legend.stroke !== undefined && typeof legend.symbolFillColor === 'object' && legend.symbolFillColor !== null && 'signal' in legend.symbolFillColor) delete legend.fill
  }
}

/** Labels a reader cannot read in full: vega cut them ("…"), or they need more than MAX_LINES lines. */
function unfitLabels(svg: string, spec: unknown, dataset: Dataset): string[] {
  const values = dataset.rows.flatMap((r) => Object.values(r).filter((v): v is string => typeof v === 'string'))
  // Name the whole label, not what is left of it.
  const cut = [...svg.matchAll(/<text[^>]*>([^<]*)…<\/text>/g)].map((m) => values.find((v) => v.startsWith(m[1]!)) ?? `${m[1]!}…`)
  const long = discreteY(spec).flatMap(({ field }) => dataset.rows.map((r) => String(r[field] ?? ''))).filter((l) => !fits(l))
  return [...new Set([...cut, ...long])]
}

// Vega-Lite's layout notes are for chart authors, not for the coördinator's terminal.
const silent = { level: () => silent, error: () => silent, warn: () => silent, info: () => silent, debug: () => silent } as never

/** Draw a chart, whatever was drawn before. */
export async function drawChart(chart: Drawable, dataset: Dataset, theme: Theme): Promise<CachedChart> {
  await registerExpressionFunctions()
  const config = vegaConfig(theme, paletteFor(chart.spec, dataset, theme), bandStep(chart.spec, dataset))
  const { spec: vgSpec } = compile(adjustLegends(chart.spec, dataset) as TopLevelSpec, { config: config as never, logger: silent })
  ownSymbolFill(vgSpec)
  const view = new vega.View(vega.parse(vgSpec), { renderer: 'none', loader: refusingLoader(), logLevel: vega.None })
  view.data(dataset.name, dataset.rows)
  // Ids come from global counters in vega-scenegraph: reset, then prefix per chart.
  vega.resetSVGDefIds()
  let svg: string
  try {
    await view.runAsync()
    svg = await view.toSVG()
  } finally {
    view.finalize()
  }
  return { svg: svgText(chartToHast(svg, `grafiek-${chart.name}`, chart.title, dataset.describe)), unfit: unfitLabels(svg, chart.spec, dataset) }
}
