import type { Unit } from '../domain/figures.js'
import type { Project } from '../domain/project.js'
import type { Change, Point } from '../domain/series.js'
import { comparable, samePart } from './series.js'

/**
 * How the project compares two years, from organisatie.yaml (`vergelijking`): the one place text, tables and
 * charts take their rules from.
 */
export interface ComparisonRules {
  /** A change in percent only from a previous value of at least this much: 1 → 3 is "+2", not "+200%". */
  percentFrom: number
}

/** Statistical offices print no relative change on small bases; 20 is the project's default. */
export const DEFAULT_PERCENT_FROM = 20

export const rulesOf = (config: Project['config']): ComparisonRules => ({
  percentFrom: config.vergelijking?.procent_vanaf ?? DEFAULT_PERCENT_FROM,
})

export function compare(current: Point, previous: Point | undefined, unit: Unit, rules: ComparisonRules): Change {
  if (current.state !== 'known') return { kind: 'unknown' }
  if (!previous || previous.state === 'absent') return { kind: 'no-previous' }
  // A break between the years outweighs an unknown previous year: even a known figure would not compare.
  if (!comparable(current, previous)) return { kind: 'not-comparable', because: 'break', break: (current.break ?? previous.break)! }
  if (previous.state === 'unknown') return { kind: 'unknown' }
  // Eleven months against twelve is no rise or fall: both figures stay visible, the change does not.
  if (!samePart(current, previous)) return { kind: 'not-comparable', because: 'partial' }
  const absolute = current.value! - previous.value!
  const percent = unit === 'procent' || Math.abs(previous.value!) < rules.percentFrom || previous.value === 0 ? null : (absolute / previous.value!) * 100
  return { kind: 'value', absolute, percent }
}
