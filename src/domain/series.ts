/** A figure over the years, as aggregation computes it and every stage shows it. */

/**
 * Whether a figure has a number: known, recorded as 'onbekend' in the data
 * (unknown), or not in the data at all (absent). A gap is never a zero.
 */
export type PointState = 'known' | 'unknown' | 'absent'

/** A change in a figure's definition: from this year on it counts something else than before. */
export interface SeriesBreak { from: number; reason: string }

/** One year of a figure: the state that tables, sentences, charts and open data all read. */
export interface Point {
  year: number
  value: number | null
  state: PointState
  /** The year's figures cover only part of the year. */
  partial: boolean
  /** For a partial year: the last day counted (ISO date). */
  until?: string
  /** The latest change of definition at or before this year; points under different breaks are not comparable. */
  break?: SeriesBreak
  /** Where a figure from historie.yaml comes from; a year folder's figures have the year's own source. */
  source?: string
}

/** Minimum, maximum and average of a figure over whole years. */
export interface Range { min: number; max: number; average: number; count: number; from: number; to: number }

/** The change of a figure against the year before, with the cases that have no number kept apart. */
export type Change =
  /** percent is null when it means nothing: the previous value was 0 or below the comparison rules' base (vergelijking.procent_vanaf), or the figure is itself a percentage (its change is in procentpunten). */
  | { kind: 'value'; absolute: number; percent: number | null }
  | { kind: 'no-previous' }
  | { kind: 'unknown' }
  /** The figure's definition changed between the two years. */
  | { kind: 'not-comparable'; because: 'break'; break: SeriesBreak }
  /** The two years cover different parts of a year (a part of a year against a whole one). */
  | { kind: 'not-comparable'; because: 'partial' }
