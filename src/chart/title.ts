import { listText } from '../format/nl.js'
import { drawnRows } from './datasets.js'
import type { ChartSpec } from './specs.js'
import type { Dataset } from '../domain/dataset.js'

/**
 * The chart as drawn with this data: its title promises only what is drawn.
 * A spec names in `usermeta.titelZonder` the title to use when nothing of a
 * value is drawn ({"Regeling": "Meldingen naar herkomst"}: no regeling drawn,
 * so no "herkomst en regeling" above it); the first value missing counts.
 * Under the title, what the spec does not draw itself: a series break
 * between the years drawn (unless the spec reads the field `reeksbreuk`),
 * and the period of a part of a year (unless a field it draws is `periode`).
 */
export function asDrawn(chart: ChartSpec, dataset: Dataset): ChartSpec {
  const without = (chart.spec.usermeta as { titelZonder?: unknown } | undefined)?.titelZonder
  const drawn = drawnRows(dataset)
  const values = new Set(drawn.flatMap((r) => Object.values(r)))
  const title = without !== null && typeof without === 'object'
    ? Object.entries(without).find(([value, text]) => typeof text === 'string' && !values.has(value))?.[1] as string | undefined
    : undefined
  const notes = [breakNote(chart.spec, drawn), periodNote(chart.spec, drawn)].filter((n): n is string => n !== undefined)
  if (title === undefined && notes.length === 0) return chart
  const old = chart.spec.title
  const specTitle = { ...(old !== null && typeof old === 'object' ? old : { text: old }), ...(title === undefined ? {} : { text: title }), ...(notes.length ? { subtitle: notes, subtitleFontStyle: 'italic', subtitleColor: '#1a1a1a' } : {}) }
  return { ...chart, title: title ?? chart.title, spec: { ...chart.spec, title: specTitle } }
}

/** "Vanaf 2024 anders geteld …" when a drawn year after the first starts a series break. */
function breakNote(spec: Record<string, unknown>, drawn: Dataset['rows']): string | undefined {
  if (JSON.stringify(spec).includes('reeksbreuk')) return undefined
  const years = drawn.map((r) => r.jaar).filter((y): y is string => typeof y === 'string').sort()
  const year = drawn.find((r) => typeof r.reeksbreuk === 'string' && typeof r.jaar === 'string' && r.jaar > years[0]!)?.jaar
  return year === undefined ? undefined : `Vanaf ${String(year)} anders geteld, niet vergelijkbaar met eerdere jaren`
}

/** "Open staven: 2024 t/m sep." when a drawn year is a part of a year and no axis or legend names its period. */
function periodNote(spec: Record<string, unknown>, drawn: Dataset['rows']): string | undefined {
  if (JSON.stringify(spec).includes('"field":"periode"')) return undefined
  const periods = [...new Set(drawn.filter((r) => typeof r.periode === 'string' && r.periode !== r.jaar).map((r) => String(r.periode)))]
  return periods.length ? `Open staven: ${listText(periods)}` : undefined
}
