import { drawnRows } from './datasets.js'
import type { ChartSpec } from './specs.js'
import type { Dataset } from '../domain/dataset.js'

/**
 * The chart as drawn with this data: its title promises only what is drawn.
 * A spec names in `usermeta.titelZonder` the title to use when nothing of a
 * value is drawn ({"Regeling": "Meldingen naar herkomst"}: no regeling drawn,
 * so no "herkomst en regeling" above it); the first value missing counts.
 */
export function asDrawn(chart: ChartSpec, dataset: Dataset): ChartSpec {
  const without = (chart.spec.usermeta as { titelZonder?: unknown } | undefined)?.titelZonder
  if (without === null || typeof without !== 'object') return chart
  const drawn = new Set(drawnRows(dataset).flatMap((r) => Object.values(r)))
  const title = Object.entries(without).find(([value, text]) => typeof text === 'string' && !drawn.has(value))?.[1] as string | undefined
  if (title === undefined) return chart
  const old = chart.spec.title
  const specTitle = old !== null && typeof old === 'object' ? { ...old, text: title } : title
  return { ...chart, title, spec: { ...chart.spec, title: specTitle } }
}
