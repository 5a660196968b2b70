import { comparable, type Point, type SeriesBreak } from './series.js'

/** The change of a figure against the year before, with the cases that have no number kept apart. */
export type Change =
  | { kind: 'value'; absolute: number; /** null when the previous value was 0 */ percent: number | null; partial: boolean }
  | { kind: 'no-previous' }
  | { kind: 'unknown' }
  /** The figure's definition changed between the two years. */
  | { kind: 'not-comparable'; break: SeriesBreak }

export function compare(current: Point, previous: Point | undefined): Change {
  if (current.state !== 'known') return { kind: 'unknown' }
  if (!previous || previous.state === 'absent') return { kind: 'no-previous' }
  // A break between the years outweighs an unknown previous year: even a known figure would not compare.
  if (!comparable(current, previous)) return { kind: 'not-comparable', break: (current.break ?? previous.break)! }
  if (previous.state === 'unknown') return { kind: 'unknown' }
  const absolute = current.value! - previous.value!
  const percent = previous.value === 0 ? null : (absolute / previous.value!) * 100
  return { kind: 'value', absolute, percent, partial: current.partial || previous.partial }
}
