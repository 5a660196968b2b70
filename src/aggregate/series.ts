import { figuresOf } from '../domain/figures.js'
import { getPath, isKnown } from '../domain/values.js'
import type { Project, YearData } from '../domain/project.js'
import type { Point, PointState, Range, SeriesBreak } from '../domain/series.js'

/** The Dutch word for a state, as open data and chart data write it. */
export const STATE_WORDS: Record<PointState, string> = { known: 'bekend', unknown: 'onbekend', absent: 'ontbreekt' }

export const yearData = (project: Project, year: number): YearData | undefined =>
  project.years.find((y) => y.year === year)

/** The last day counted in a year whose figures cover only part of it; undefined for a whole year. */
export function partialUntil(project: Project, year: number): string | undefined {
  return yearData(project, year)?.meta.deelperiode?.tot ?? project.history[String(year)]?.deelperiode
}

/** A figure for one year: from the year folder, else from the history. */
export function pointOf(project: Project, key: string, year: number): Point {
  const def = figuresOf(project.vocabularies.uren).get(key)
  if (!def) throw new Error(`pointOf: onbekend cijfer ${key}`)
  const data = yearData(project, year)
  let raw = getPath(data?.[def.file], def.path)
  if (raw === undefined && def.history) raw = project.history[String(year)]?.[def.history]
  return pointFrom(project, key, year, raw)
}

/** A raw value of the named figure (a figure, breakdown or key figure) in one year, with the year's flags. */
export function pointFrom(project: Project, name: string, year: number, raw: unknown, source?: string): Point {
  const until = partialUntil(project, year)
  const brk = breakAt(project, name, year)
  const flags = { partial: until !== undefined, ...(until ? { until } : {}), ...(brk ? { break: brk } : {}), ...(source ? { source } : {}) }
  if (isKnown(raw)) return { year, value: raw, state: 'known', ...flags }
  return { year, value: null, state: raw === 'onbekend' ? 'unknown' : 'absent', ...flags }
}

const breaksOf = new WeakMap<Project, { name: string; break: SeriesBreak }[]>()

/** Every recorded series break of a project: from the year folders' meta.yaml and from the history. */
export function seriesBreaks(project: Project): { name: string; break: SeriesBreak }[] {
  // Asked for every point of every figure: gathered once per project (and per recording view of it).
  let found = breaksOf.get(project)
  if (!found) {
    const fromYears = project.years.map((y) => [y.year, y.meta.reeksbreuken] as const)
    const fromHistory = Object.entries(project.history).map(([y, h]) => [Number(y), h.reeksbreuken] as const)
    found = [...fromHistory, ...fromYears].flatMap(([from, list]) =>
      (list ?? []).map((b) => ({ name: b.cijfer, break: { from, reason: b.toelichting } })))
    breaksOf.set(project, found)
  }
  return found
}

/** The latest break of the named figure at or before the year. */
export function breakAt(project: Project, name: string, year: number): SeriesBreak | undefined {
  let found: SeriesBreak | undefined
  for (const b of seriesBreaks(project)) {
    if (b.name === name && b.break.from <= year && (!found || b.break.from > found.from)) found = b.break
  }
  return found
}

/** Two points count the same thing when no break of definition lies between them. */
export const comparable = (a: Point, b: Point): boolean => a.break?.from === b.break?.from

/**
 * Two points cover the same part of their years: both whole years, or both
 * counted up to the same day of the year (1 January to 30 September twice).
 */
export const samePart = (a: Point, b: Point): boolean =>
  !a.partial && !b.partial ? true : a.partial && b.partial && a.until !== undefined && a.until.slice(5) === b.until?.slice(5)

/** Every year the project knows of, from the history and the year folders. */
export function knownYears(project: Project): number[] {
  const years = new Set<number>([...Object.keys(project.history).map(Number), ...project.years.map((y) => y.year)])
  return [...years].sort((a, b) => a - b)
}

/** Years first..last inclusive, so missing years show as gaps. */
export const yearRange = (first: number, last: number): number[] =>
  first > last ? [] : Array.from({ length: last - first + 1 }, (_, i) => first + i)

/** Minimum, maximum and average of the known, whole years among the points (the caller keeps them comparable). */
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
