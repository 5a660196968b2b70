import { BREAKDOWNS, BREAKDOWN_IDS, type BreakdownId } from '../domain/breakdowns.js'
import { figuresOf, vpSections, type Unit } from '../domain/figures.js'
import { getPath, isKnown } from '../domain/values.js'
import { dutch } from '../domain/order.js'
import { titleOf } from '../domain/organisation.js'
import { listText } from '../format/nl.js'
import { compare, rulesOf, type ComparisonRules } from './compare.js'
import { periodBefore, periodEnding, type ReportPeriod } from './period.js'
import { comparable, knownYears, partialUntil, pointFrom, pointOf, rangeOf, yearData, yearRange } from './series.js'
import type { Project } from '../domain/project.js'
import type { Change, Point, Range } from '../domain/series.js'

export interface Figure {
  key: string
  label: string
  unit: Unit
  current: Point
  previous: Point
  change: Change
  /** Share of the figure named in its definition, 0..1. */
  share: number | null
  /** The comparison window N−(venster−1)…N. */
  window: Point[]
  /** Min/max/average over the window's earlier years that count the same way as this one (no series break between). */
  before: Range | undefined
  /** Each year of the report period, side by side (one point for a report over one year). */
  years: Point[]
  /** The figure over the whole period (summed, except percentages: the last year), and over the period before. */
  periodTotal: Point
  previousPeriodTotal: Point
  /** The period against the period before; for a report over one year the same as `change`. */
  periodChange: Change
}

export interface BreakdownRow {
  category: string
  /** The previous year's figure this row compares with: of the same category, or of the ones it was renamed from or merged out of. */
  current: Point
  previous: Point
  change: Change
  /** Of the total meldingen, or for multi-label breakdowns of the number of cases. */
  share: number | null
  /** The recorded change of the list (meta.yaml, indelingswijzigingen) that made this category what it is. */
  relisted?: CategoryChange
}

/** A change of a breakdown's list (indeling) recorded in the year's meta.yaml. */
export interface CategoryChange {
  kind: 'gesplitst' | 'samengevoegd' | 'hernoemd' | 'toegevoegd' | 'vervallen'
  /** Last year's categories, and this year's. */
  from: string[]
  to: string[]
  reason: string | undefined
}

/** Categories split out of one of last year's, compared together with it: 'Gegrond, met maatregelen' and 'Gegrond' against 'Gegrond'. */
export interface BreakdownGroup {
  change: CategoryChange
  current: Point
  previous: Point
  comparison: Change
}

export interface Breakdown {
  id: BreakdownId
  title: string
  multiLabel: boolean
  /** What shares are taken of: the total, or the number of cases for multi-label breakdowns. */
  base: Point
  /** The same base in the year before, for the previous year's column. */
  previousBase: Point
  rows: BreakdownRow[]
  /** Sum of the known parts; for multi-label breakdowns the number of mentions. */
  sum: number
  rising: BreakdownRow[]
  falling: BreakdownRow[]
  present: boolean
  /** Both years have the breakdown, but a category listed in one is missing from the other: the list (indeling) changed. */
  listChanged: boolean
  /** The changes of the list recorded for this year. */
  changes: CategoryChange[]
  /** Split categories compared with the one they came from; its rows follow each other. */
  groups: BreakdownGroup[]
  /** Every category's figures as the data has them, before any mapping: for open data. */
  recorded: { category: string; points: Point[] }[]
}

export interface VpTableRow { key: string; label: string; kind: 'onderdeel' | 'subtotaal' | 'totaal'; points: Point[] }
/** A section by id ('casussen', 'meldingen', 'uren.<group>') and unit, so charts find it by name. */
export interface VpTableSection { id: string; title: string; unit: 'aantal' | 'uren'; rows: VpTableRow[] }
export interface VpTable { years: number[]; sections: VpTableSection[]; grandTotal: VpTableRow }

export interface ReportModel {
  organisation: string
  title: string
  /** The last year of the report period. */
  year: number
  period: ReportPeriod
  previousPeriod: ReportPeriod
  status: 'concept' | 'definitief'
  source: string
  date: string | undefined
  partial: { until: string; note: string | undefined } | undefined
  /** The year's notes (toelichting) by where they stand: 'meldingen', 'meldingen.onderzoeken', 'kengetallen.<id>', … */
  notes: Record<string, string>
  /** The last day counted, for every year whose figures cover only part of it. */
  partialYears: Record<number, string>
  window: number[]
  figures: Record<string, Figure>
  breakdowns: Record<BreakdownId, Breakdown>
  /** The meldingen total over every known year up to this one. */
  history: Point[]
  vpTable: VpTable
  keyFigures: Figure[]
  /** For the PDF's metadata. */
  keywords: readonly string[]
  logo: { src: string; alt: string } | undefined
}

export const DEFAULT_WINDOW = 5

/**
 * Build the model of the report that ends in this year from validated data:
 * one year, or the period its meta.yaml declares. Pure: no I/O.
 */
export function buildReportModel(project: Project, year: number): ReportModel {
  const data = yearData(project, year)
  if (!data) throw new Error(`buildReportModel: jaar ${year} ontbreekt in het project`)
  const size = project.config.vergelijking?.venster ?? DEFAULT_WINDOW
  const period = periodEnding(project, year)
  const window = yearRange(Math.min(year - size + 1, period.from), year)

  const rules = rulesOf(project.config)
  const defs = figuresOf(project.vocabularies.uren)
  const figures: Record<string, Figure> = {}
  for (const [key, def] of defs) {
    figures[key] = makeFigure(key, def.label, def.unit, (y) => pointOf(project, key, y), window, period, rules)
  }
  for (const [key, def] of defs) {
    if (def.shareOf) figures[key]!.share = share(figures[key]!.current, figures[def.shareOf]!.current)
  }

  // Hours are a sum of the activities registered: a total over other activities than the year before does not
  // compare. (Cases and meldingen are counted as a whole; their split is only a split.)
  const hourSections = vpSections(project.vocabularies.uren).filter((s) => s.unit === 'uren')
  for (const s of hourSections) guardParts(figures, s.total, s.rows)
  guardParts(figures, 'vp.uren', hourSections.flatMap((s) => s.rows))

  const keyFigures = keyFiguresOf(project, window, period, rules)
  for (const f of keyFigures) figures[f.key] = f

  const breakdowns = Object.fromEntries(
    BREAKDOWN_IDS.map((id) => [id, makeBreakdown(project, id, year, rules)]),
  ) as Record<BreakdownId, Breakdown>

  const first = knownYears(project)[0] ?? year
  const history = yearRange(first, year).map((y) => pointOf(project, 'meldingen.totaal', y))

  return {
    organisation: project.config.organisatie,
    title: titleOf(project.config),
    year,
    period,
    previousPeriod: periodBefore(period),
    status: data.meta.status,
    source: periodSource(project, period),
    date: data.meta.vastgesteld,
    partial: data.meta.deelperiode ? { until: data.meta.deelperiode.tot, note: data.meta.deelperiode.toelichting } : undefined,
    partialYears: partialYears(project),
    notes: periodNotes(project, period),
    window,
    figures,
    breakdowns,
    history,
    vpTable: makeVpTable(project, year),
    keyFigures,
    keywords: project.config.publicatie?.trefwoorden ?? [],
    logo: project.logo,
  }
}

/** The source of every year of the period: one when they agree, else each with its year. */
function periodSource(project: Project, period: ReportPeriod): string {
  const sources = period.years.flatMap((y) => {
    const bron = yearData(project, y)?.meta.bron
    return bron ? [{ year: y, bron }] : []
  })
  if (new Set(sources.map((s) => s.bron)).size <= 1) return sources[0]?.bron ?? ''
  return sources.map((s) => `${s.year}: ${s.bron}`).join('; ')
}

/** The notes of every year of the period: a note of another year than the last is named by its year. */
function periodNotes(project: Project, period: ReportPeriod): Record<string, string> {
  const perYear = period.years.flatMap((y) => {
    const data = yearData(project, y)
    return data ? [{ year: y, notes: notesOf(data) }] : []
  })
  const keys = [...new Set(perYear.flatMap((p) => Object.keys(p.notes)))]
  return Object.fromEntries(keys.map((key) => {
    // The same note in several years is said once, with the years it holds for.
    const byText = new Map<string, number[]>()
    for (const p of perYear) if (p.notes[key] !== undefined) byText.set(p.notes[key]!, [...(byText.get(p.notes[key]!) ?? []), p.year])
    const [[text, years]] = [...byText] as [[string, number[]]]
    if (byText.size === 1 && years.includes(period.to)) return [key, text]
    return [key, [...byText].map(([t, ys]) => `${listText(ys.map(String))}: ${t}`).join(' ')]
  }))
}

function notesOf(data: NonNullable<ReturnType<typeof yearData>>): Record<string, string> {
  const notes: Record<string, string> = {}
  const walk = (node: unknown, path: string) => {
    if (node === null || typeof node !== 'object') return
    for (const [key, value] of Object.entries(node)) {
      if (key === 'toelichting' && typeof value === 'string') notes[path] = value
      else walk(value, `${path}.${key}`)
    }
  }
  walk(data.meldingen, 'meldingen')
  walk(data.vertrouwenspersonen, 'vertrouwenspersonen')
  for (const k of data.kengetallen ?? []) if (k.toelichting) notes[`kengetallen.${k.id}`] = k.toelichting
  return notes
}

function partialYears(project: Project): Record<number, string> {
  const out: Record<number, string> = {}
  for (const [year, h] of Object.entries(project.history)) if (h.deelperiode) out[Number(year)] = h.deelperiode
  for (const y of project.years) if (y.meta.deelperiode) out[y.year] = y.meta.deelperiode.tot
  return out
}

function makeFigure(key: string, label: string, unit: Unit, at: (year: number) => Point, window: number[], period: ReportPeriod, rules: ComparisonRules): Figure {
  const points = window.map(at)
  const current = points[points.length - 1]!
  const previous = points[points.length - 2] ?? at(current.year - 1)
  const change = compare(current, previous, unit, rules)
  const before = rangeOf(points.slice(0, -1).filter((p) => comparable(p, current)))
  if (period.years.length === 1) {
    return { key, label, unit, current, previous, change, share: null, window: points, before, years: [current], periodTotal: current, previousPeriodTotal: previous, periodChange: change }
  }
  const years = period.years.map(at)
  const periodTotal = totalOf(years, unit)
  const previousPeriodTotal = totalOf(periodBefore(period).years.map(at), unit)
  return {
    key, label, unit, current, previous, change, share: null, window: points, before,
    years, periodTotal, previousPeriodTotal, periodChange: compare(periodTotal, previousPeriodTotal, unit, rules),
  }
}

/**
 * A figure over several years (or several categories of one year), as one point in the last of them: the sum, or
 * for a percentage the last year (shares do not add up). Known only when
 * every year is; the latest break of definition goes with it. A sum with a
 * part of a year in it has no single last day, so it compares with nothing.
 */
function totalOf(points: readonly Point[], unit: Unit): Point {
  const last = points[points.length - 1]!
  if (unit === 'procent') return last
  const flags = { partial: points.some((p) => p.partial), ...(last.break ? { break: last.break } : {}) }
  if (points.every((p) => p.state === 'absent')) return { year: last.year, value: null, state: 'absent', ...flags }
  if (points.some((p) => p.state !== 'known')) return { year: last.year, value: null, state: 'unknown', ...flags }
  return { year: last.year, value: points.reduce((a, p) => a + p.value!, 0), state: 'known', ...flags }
}

/** The total's change becomes not comparable when a part has a figure in one of the two years only. */
function guardParts(figures: Record<string, Figure>, total: string, parts: readonly string[]): void {
  const f = figures[total]!
  if (f.change.kind !== 'value') return
  const differ = parts.map((k) => figures[k]!).filter((p) => (p.current.state === 'absent') !== (p.previous.state === 'absent'))
  if (differ.length === 0) return
  const reason = `Het totaal telt in ${f.current.year} andere onderdelen dan in ${f.previous.year} (alleen in één van beide jaren: ${listText(differ.map((p) => p.label.toLowerCase()))})`
  const change: Change = { kind: 'not-comparable', because: 'break', break: { from: f.current.year, reason } }
  // A report over one year compares its year; a report over a period compares periods, which this does not touch.
  if (f.periodChange === f.change) f.periodChange = change
  f.change = change
}

const share = (part: Point, whole: Point): number | null =>
  part.state === 'known' && whole.state === 'known' && whole.value! > 0 ? part.value! / whole.value! : null

/** Key figures are matched across years by id; of the period's years the latest one's name and unit lead. */
function keyFiguresOf(project: Project, window: number[], period: ReportPeriod, rules: ComparisonRules): Figure[] {
  const listed = [...period.years].reverse().flatMap((y) => yearData(project, y)?.kengetallen ?? [])
  const current = listed.filter((k, i) => listed.findIndex((o) => o.id === k.id) === i)
  return current.map((k) => {
    const same = (o: { id: string; eenheid: string }) => o.id === k.id && o.eenheid === k.eenheid
    const at = (y: number) => {
      const found = yearData(project, y)?.kengetallen?.find(same)
      if (found) return pointFrom(project, `kengetallen.${k.id}`, y, found.waarde)
      // A year before the tool was used: its figure from historie.yaml, with the source it was taken from.
      const earlier = project.history[String(y)]?.kengetallen?.find(same)
      return pointFrom(project, `kengetallen.${k.id}`, y, earlier?.waarde, earlier && (earlier.bron ?? project.historySource))
    }
    return makeFigure(`kengetallen.${k.id}`, k.naam, k.eenheid, at, window, period, rules)
  })
}

function makeBreakdown(project: Project, id: BreakdownId, year: number, rules: ComparisonRules): Breakdown {
  const def = BREAKDOWNS[id]
  const read = (y: number) => getPath(yearData(project, y)?.[def.file], def.path) as Record<string, unknown> | undefined
  const now = read(year)
  const before = read(year - 1)
  const vocabulary = project.vocabularies[def.vocabulary]
  const changes = categoryChanges(project, id, year)
  const into = (c: string) => changes.find((ch) => ch.to.includes(c))
  const outOf = (c: string) => changes.find((ch) => ch.from.includes(c))
  // A category missing from a year's breakdown was not in that year's list (indeling): not registered, never 0.
  const cell = (table: Record<string, unknown> | undefined, y: number, c: string) => pointFrom(project, id, y, table?.[c])
  const listed = vocabulary.filter((c) => (now && c in now) || (before && c in before))
  // Last year's category that was split, merged or renamed lives on in this year's rows; one that lapsed keeps its own.
  const categories = listed.filter((c) => into(c) || !outOf(c) || outOf(c)!.kind === 'vervallen')
  const baseOf = (y: number) => (def.multiLabel ? pointOf(project, 'vp.casussen', y) : pointOf(project, 'meldingen.totaal', y))
  const base = baseOf(year)
  // A category only one year registered has no change: the lists differ, as after a series break.
  const relisted = { from: year, reason: `De indeling van ${def.title.toLowerCase()} is in ${year} gewijzigd` }
  const rows = categories.map((category): BreakdownRow => {
    const current = cell(now, year, category)
    const change = into(category) ?? outOf(category)
    if (change) return { category, current, share: share(current, base), relisted: change, ...comparedAfter(change) }
    const previous = cell(before, year - 1, category)
    const unlisted = now !== undefined && before !== undefined && (current.state === 'absent') !== (previous.state === 'absent')
    return { category, current, previous, change: unlisted ? { kind: 'not-comparable', because: 'break', break: relisted } : compare(current, previous, 'aantal', rules), share: share(current, base) }

    /** A renamed or merged category compares with what it was; a split or new one has nothing of last year of its own. */
    function comparedAfter(ch: CategoryChange): { previous: Point; change: Change } {
      if (ch.kind === 'hernoemd' || ch.kind === 'samengevoegd') {
        const previous = totalOf(ch.from.map((c) => cell(before, year - 1, c)), 'aantal')
        return { previous, change: compare(current, previous, 'aantal', rules) }
      }
      if (ch.kind === 'vervallen') return { previous: cell(before, year - 1, category), change: { kind: 'unknown' } }
      const previous = pointFrom(project, id, year - 1, undefined)
      if (ch.kind === 'toegevoegd') return { previous, change: { kind: 'no-previous' } }
      return { previous, change: { kind: 'not-comparable', because: 'break', break: { from: year, reason: `Samen met ${listText(ch.to.filter((c) => c !== category))} gesplitst uit ${listText(ch.from)}` } } }
    }
  })
  const groups = changes.filter((ch) => ch.kind === 'gesplitst').map((ch): BreakdownGroup => {
    const current = totalOf(ch.to.map((c) => cell(now, year, c)), 'aantal')
    const previous = totalOf(ch.from.map((c) => cell(before, year - 1, c)), 'aantal')
    return { change: ch, current, previous, comparison: compare(current, previous, 'aantal', rules) }
  })
  // The rows of a split follow each other, at the place of the first, so the group they are compared as reads as one.
  const ordered = rows.filter((r) => !(r.relisted?.kind === 'gesplitst' && rows.find((o) => o.relisted === r.relisted) !== r))
    .flatMap((r) => (r.relisted?.kind === 'gesplitst' ? rows.filter((o) => o.relisted === r.relisted) : [r]))
  const sum = ordered.reduce((a, r) => a + (isKnown(r.current.value) ? r.current.value : 0), 0)
  const moved = ordered.filter((r) => r.change.kind === 'value' && r.change.absolute !== 0)
  const by = (r: BreakdownRow) => (r.change.kind === 'value' ? r.change.absolute : 0)
  return {
    id, title: 'partialTitle' in def && partialUntil(project, year) ? def.partialTitle : def.title, multiLabel: def.multiLabel, base, previousBase: baseOf(year - 1), rows: ordered, sum,
    rising: moved.filter((r) => by(r) > 0).sort((a, b) => by(b) - by(a) || dutch.compare(a.category, b.category)).slice(0, 3),
    falling: moved.filter((r) => by(r) < 0).sort((a, b) => by(a) - by(b) || dutch.compare(a.category, b.category)).slice(0, 3),
    present: now !== undefined,
    listChanged: ordered.some((r) => r.change.kind === 'not-comparable' && r.change.because === 'break' && r.change.break === relisted),
    changes,
    groups,
    recorded: listed.map((category) => ({ category, points: [cell(before, year - 1, category), cell(now, year, category)] })),
  }
}

/** The changes of a breakdown's list that the year's meta.yaml records. */
function categoryChanges(project: Project, id: BreakdownId, year: number): CategoryChange[] {
  return (yearData(project, year)?.meta.indelingswijzigingen ?? [])
    .filter((c) => c.verdeling === id)
    .map((c) => ({ kind: c.wijziging, from: c.van ?? [], to: c.naar ?? [], reason: c.toelichting }))
}

/** Three years side by side, newest first, as the VP reports print it. */
function makeVpTable(project: Project, year: number): VpTable {
  const years = [year, year - 1, year - 2]
  const defs = figuresOf(project.vocabularies.uren)
  const row = (key: string, kind: VpTableRow['kind']): VpTableRow => ({
    key, label: defs.get(key)!.label, kind, points: years.map((y) => pointOf(project, key, y)),
  })
  return {
    years,
    sections: vpSections(project.vocabularies.uren).map((s) => ({
      id: s.id, title: s.title, unit: s.unit, rows: [...s.rows.map((k) => row(k, 'onderdeel')), row(s.total, 'subtotaal')],
    })),
    grandTotal: row('vp.uren', 'totaal'),
  }
}
