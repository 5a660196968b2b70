import type { Point } from './series.js'

/** The change of a figure against the year before, with the cases that have no number kept apart. */
export type Change =
  | { kind: 'waarde'; absolute: number; /** null when the previous value was 0 */ percent: number | null; partial: boolean }
  | { kind: 'geen-vorige' }
  | { kind: 'onbekend' }

export function compare(current: Point, previous: Point | undefined): Change {
  if (current.state !== 'bekend') return { kind: 'onbekend' }
  if (!previous || previous.state === 'ontbreekt') return { kind: 'geen-vorige' }
  if (previous.state === 'onbekend') return { kind: 'onbekend' }
  const absolute = current.value! - previous.value!
  const percent = previous.value === 0 ? null : (absolute / previous.value!) * 100
  return { kind: 'waarde', absolute, percent, partial: current.partial || previous.partial }
}
