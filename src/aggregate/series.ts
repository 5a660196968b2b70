import { FIGURES, type FigureKey } from '../domain/figures.js'
import { getPath, isKnown } from '../domain/values.js'
import type { Project, YearData } from '../validate/index.js'

/**
 * Whether a figure has a number: known, recorded as 'onbekend' in the data
 * (unknown), or not in the data at all (absent). A gap is never a zero.
 */
export type PointState = 'known' | 'unknown' | 'absent'

/** The Dutch word for a state, as open data and chart data write it. */
export const STATE_WORDS: Record<PointState, string> = { known: 'bekend', unknown: 'onbekend', absent: 'ontbreekt' }

/** A change in a figure's definition: from this year on it counts something else than before. */
export interface SeriesBreak { from: number; reason: string }

/** One year of a figure: the state that tables, sentences, charts and open data all read. */
export interface Point {
  year: number
  value: number | null
  state: PointState
  /** The year's figures cover only part of the year. */
  partial: boolean
  /** The latest change of definition at or before this year; points under different breaks are not comparable. */
  break?: SeriesBreak
}

export const yearData = (project: Project, year: number): YearData | undefined =>
  project.years.find((y) => y.year === year)

export function isPartial(project: Project, year: number): boolean {
  return Boolean(yearData(project, year)?.meta.deelperiode ?? project.history[String(year)]?.deelperiode)
}

/** A figure for one year: from the year folder, else from the history. */
export function pointOf(project: Project, key: FigureKey, year: number): Point {
  const def = FIGURES[key]
  const data = yearData(project, year)
  let raw = getPath(data?.[def.file], def.path)
  if (raw === undefined && 'history' in def) raw = project.history[String(year)]?.[def.history]
  return toPoint(year, raw, isPartial(project, year))
}

export function toPoint(year: number, raw: unknown, partial: boolean): Point {
  if (isKnown(raw)) return { year, value: raw, state: 'known', partial }
  return { year, value: null, state: raw === 'onbekend' ? 'unknown' : 'absent', partial }
}

/** Every year the project knows of, from the history and the year folders. */
export function knownYears(project: Project): number[] {
  const years = new Set<number>([...Object.keys(project.history).map(Number), ...project.years.map((y) => y.year)])
  return [...years].sort((a, b) => a - b)
}

/** Years first..last inclusive, so missing years show as gaps. */
export const yearRange = (first: number, last: number): number[] =>
  first > last ? [] : Array.from({ length: last - first + 1 }, (_, i) => first + i)

export interface Range { min: number; max: number; average: number; count: number; from: number; to: number }

/** Minimum, maximum and average of the known, whole years among the points. */
export function rangeOf(points: readonly Point[]): Range | undefined {
  const known = points.filter((p): p is Point & { value: number } => p.state === 'known' && !p.partial)
  if (known.length === 0) return undefined
  const values = known.map((p) => p.value)
  return {
    min: Math.min(...values),
    max: Math.max(...values),
    average: values.reduce((a, b) => a + b, 0) / values.length,
    count: values.length,
    from: known[0]!.year,
    to: known[known.length - 1]!.year,
  }
}
