import type { Unit } from '../domain/figures.js'
import type { Change, Point } from '../domain/series.js'
import { comparable, samePart } from './series.js'

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
