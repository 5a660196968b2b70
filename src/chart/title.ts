import { drawnRows } from './datasets.js'
import type { ChartSpec } from './specs.js'
import type { Dataset } from '../domain/dataset.js'

/**
 * The chart as drawn with this data: its title promises only what is drawn.
 * A spec names in `usermeta.titelZonder` the title to use when nothing of a
 * value is drawn ({"Regeling": "Meldingen naar herkomst"}: no regeling drawn,
 * so no "herkomst en regeling" above it); the first value missing counts.
 * A series break between the years drawn is said under the title, unless
 * the spec draws it itself (it reads the field `reeksbreuk`).
 */
export function asDrawn(chart: ChartSpec, dataset: Dataset): ChartSpec {
  const without = (chart.spec.usermeta as { titelZonder?: unknown } | undefined)?.titelZonder
  const drawn = drawnRows(dataset)
  const values = new Set(drawn.flatMap((r) => Object.values(r)))
  const title = without !== null && typeof without === 'object'
    ? Object.entries(without).find(([value, text]) => typeof text === 'string' && !values.has(value))?.[1] as string | undefined
    : undefined
  const note = breakNote(chart.spec, drawn)
  if (title === undefined && note === undefined) return chart
  const old = chart.spec.title
  const specTitle = { ...(old !== null && typeof old === 'object' ? old : { text: old }), ...(title === undefined ? {} : { text: title }), ...(note === undefined ? {} : { subtitle: note, subtitleFontStyle: 'italic', subtitleColor: '#1a1a1a' }) }
  return { ...chart, title: title ?? chart.title, spec: { ...chart.spec, title: specTitle } }
}

/** "Vanaf 2024 anders geteld …" when a drawn year after the first starts a series break. */
function breakNote(spec: Record<string, unknown>, drawn: Dataset['rows']): string | undefined {
  if (JSON.stringify(spec).includes('reeksbreuk')) return undefined
  const years = drawn.map((r) => r.jaar).filter((y): y is string => typeof y === 'string').sort()
  const year = drawn.find((r) => typeof r.reeksbreuk === 'string' && typeof r.jaar === 'string' && r.jaar > years[0]!)?.jaar
  return year === undefined ? undefined : `Vanaf ${String(year)} anders geteld, niet vergelijkbaar met eerdere jaren`
}
