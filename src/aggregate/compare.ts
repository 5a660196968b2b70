import type { Unit } from '../domain/figures.js'
import { comparable, samePart, type Point, type SeriesBreak } from './series.js'

/** The change of a figure against the year before, with the cases that have no number kept apart. */
export type Change =
  /** percent is null when it means nothing: the previous value was 0, or the figure is itself a percentage (its change is in procentpunten). */
  | { kind: 'value'; absolute: number; percent: number | null }
  | { kind: 'no-previous' }
  | { kind: 'unknown' }
  /** The figure's definition changed between the two years. */
  | { kind: 'not-comparable'; because: 'break'; break: SeriesBreak }
  /** The two years cover different parts of a year (a part of a year against a whole one). */
  | { kind: 'not-comparable'; because: 'partial' }

export function compare(current: Point, previous: Point | undefined, unit: Unit = 'aantal'): Change {
  if (current.state !== 'known') return { kind: 'unknown' }
  if (!previous || previous.state === 'absent') return { kind: 'no-previous' }
  // A break between the years outweighs an unknown previous year: even a known figure would not compare.
  if (!comparable(current, previous)) return { kind: 'not-comparable', because: 'break', break: (current.break ?? previous.break)! }
  if (previous.state === 'unknown') return { kind: 'unknown' }
  // Eleven months against twelve is no rise or fall: both figures stay visible, the change does not.
  if (!samePart(current, previous)) return { kind: 'not-comparable', because: 'partial' }
  const absolute = current.value! - previous.value!
  const percent = previous.value === 0 || unit === 'procent' ? null : (absolute / previous.value!) * 100
  return { kind: 'value', absolute, percent }
}
