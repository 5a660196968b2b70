import { yearData, yearRange } from './series.js'
import type { Project } from '../domain/project.js'

/** What one report covers: a year, or several years published together (Huizen 2021/2022). */
export interface ReportPeriod {
  from: number
  to: number
  years: number[]
  /** As readers see it: "2024", "2021/2022", "2019–2021". */
  label: string
  /** As files and folders are named: "2024", "2021-2022". */
  slug: string
}

export function periodOf(from: number, to: number): ReportPeriod {
  const years = yearRange(from, to)
  const label = years.length === 1 ? String(to) : years.length === 2 ? `${from}/${to}` : `${from}–${to}`
  return { from, to, years, label, slug: years.length === 1 ? String(to) : `${from}-${to}` }
}

/** The period of the report that ends in this year: declared in its meta.yaml, else the year alone. */
export function periodEnding(project: Project, year: number): ReportPeriod {
  return periodOf(yearData(project, year)?.meta.verslagperiode?.van ?? year, year)
}

/** The period of the same length just before. */
export const periodBefore = (period: ReportPeriod): ReportPeriod =>
  periodOf(period.from - period.years.length, period.from - 1)

/** Every report of a project, oldest first: a year inside a later report's period has no report of its own. */
export function reportPeriods(project: Project): ReportPeriod[] {
  const periods = project.years.map((y) => periodEnding(project, y.year))
  return periods.filter((p) => !periods.some((q) => q !== p && q.from <= p.to && p.to < q.to))
}
