import { VFile } from 'vfile'
import { reportPeriods } from '../aggregate/period.js'
import { emit } from '../diagnostics/emit.js'
import { describeInput } from '../diagnostics/catalogue.js'
import { changesOf, unchanged, type BuildCache, type Changes, type OutputKind, type ReportRecord } from './cache.js'
import type { Project } from '../domain/project.js'
import type { Revision } from '../domain/report.js'

/**
 * One report: its folder in the output (`key`), its period as readers see
 * it, and the years it covers; its model is built for the last. Everything
 * after planning speaks of reports by key.
 */
export interface ReportUnit { key: string; label: string; year: number; years: number[] }

export const reportsOf = (project: Project): ReportUnit[] =>
  reportPeriods(project).map((p) => ({ key: p.slug, label: p.label, year: p.to, years: p.years }))

/**
 * The project as a report sees it: its own year and the years before. A
 * year added later never changes (or unfreezes) an earlier report.
 */
export function reportView(project: Project, report: ReportUnit): Project {
  const history = Object.fromEntries(Object.entries(project.history).filter(([y]) => Number(y) <= report.year))
  return { ...project, years: project.years.filter((y) => y.year <= report.year), history }
}

export interface PlannedReport extends ReportUnit {
  previous: ReportRecord | undefined
  /** Every revision of an adopted report, the one asked for now last: the page shows them, with the earlier PDFs. */
  revisions: Revision[]
  /** Set when this build makes a new revision of an adopted report. */
  revision: Revision | undefined
}

export interface Plan {
  build: PlannedReport[]
  /** Reports left as they were because nothing they were made from changed. */
  fresh: string[]
  /** Output that stays but no longer matches its inputs, by report key. */
  outdated: Map<string, Set<OutputKind>>
  /** Warnings about outdated output. */
  files: VFile[]
}

export interface PlanOptions {
  years: readonly number[] | undefined
  /** The kinds of output this build makes; other kinds are kept as they are. */
  kinds: readonly OutputKind[]
  /** Rebuild also what is up to date. */
  all: boolean
  /** Adopted reports published from their record (vastgesteld/), unchanged: not built. */
  archived: ReadonlySet<string>
  /** Reports to build and record as adopted, with their revisions. */
  adopting: ReadonlyMap<string, Pick<PlannedReport, 'revisions' | 'revision'>>
}

/** What the new data, template and tool change in each report, from the previous build's record. */
export function plan(project: Project, root: string, cache: BuildCache, shared: Record<string, string>, options: PlanOptions): Plan {
  const result: Plan = { build: [], fresh: [], outdated: new Map(), files: [] }
  const warnings = new VFile()
  for (const report of reportsOf(project)) {
    const previous = cache.reports[report.key]
    const view = reportView(project, report)
    const changes = new Map<OutputKind, Changes>()
    for (const [kind, made] of Object.entries(previous?.outputs ?? {}) as [OutputKind, { inputs: string }][]) {
      const inputs = previous!.inputs[made.inputs]
      changes.set(kind, inputs ? changesOf(inputs, shared, view, root) : { files: ['tool'], reads: [] })
    }
    const outdated = new Set([...changes].filter(([, c]) => !unchanged(c)).map(([kind]) => kind))
    if (outdated.size > 0) result.outdated.set(report.key, outdated)
    // Asking for any year of a period builds that period's report.
    if (options.years && !report.years.some((y) => options.years!.includes(y))) continue
    // An adopted report is published from its record; one to record now is built whatever the cache says.
    if (options.archived.has(report.key)) continue

    for (const kind of outdated) {
      if (!options.kinds.includes(kind)) emit(warnings, 'uitvoer-verouderd', { key: report.key, kind: describeInput(kind), changed: namesOf(changes.get(kind)!, view).join(', ') })
    }
    const upToDate = options.kinds.every((kind) => changes.has(kind) && !outdated.has(kind))
    if (upToDate && !options.all && !options.adopting.has(report.key)) {
      result.fresh.push(report.key)
      continue
    }
    const adopting = options.adopting.get(report.key)
    result.build.push({ ...report, previous, revisions: adopting?.revisions ?? [], revision: adopting?.revision })
  }
  if (warnings.messages.length > 0) result.files.push(warnings)
  return result
}

/** Changed inputs as the coördinator knows them: files, with the fields read from them. */
function namesOf(changes: Changes, project: Project): string[] {
  const fields = new Map<string, Set<string>>()
  for (const path of changes.reads) {
    const [file, field] = dataFileOf(path, project)
    const set = fields.get(file) ?? new Set<string>()
    if (field) set.add(field)
    fields.set(file, set)
  }
  return [
    ...changes.files.map((name) => describeInput(name)),
    ...[...fields].map(([file, f]) => (f.size > 0 ? `${file} (${[...f].slice(0, 3).join(', ')}${f.size > 3 ? ', …' : ''})` : file)),
  ]
}

/** The data file behind a path in the project, and the field within it. */
function dataFileOf(path: readonly string[], project: Project): [string, string | undefined] {
  const [top, index, part, ...rest] = path
  if (top === 'history') return ['data/historie.yaml', [index, part].filter(Boolean).join('.') || undefined]
  if (top !== 'years') return ['data/organisatie.yaml', [index, part, ...rest].filter(Boolean).join('.') || undefined]
  const year = project.years[Number(index)]?.year
  if (year === undefined || part === undefined || part === 'year') return ['data/', undefined]
  if (part === 'texts') return [`data/${year}/tekst/`, undefined]
  const fields = part === 'kengetallen' ? [] : rest.filter((s) => !/^\d+$/.test(s))
  return [`data/${year}/${part}.yaml`, fields.join('.') || undefined]
}
