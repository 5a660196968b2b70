import { join } from 'node:path'
import { VFile } from 'vfile'
import { emit } from '../diagnostics/emit.js'
import { compareText } from '../domain/order.js'
import type { Project } from '../domain/project.js'
import { dateText } from '../format/nl.js'
import { earlierVersions, pdfPath, type AdoptionStatus, type EarlierVersion } from '../domain/report.js'
import { hashOf, sha256 } from '../hash.js'
import type { LoadedProject } from '../load/project.js'
import { locate } from '../load/yaml.js'
import { VERSION } from '../package.js'
import { archivedFiles, readAdoption, recordPath, recordText, type AdoptionRecord } from '../load/adoption.js'
import { adoptionChanges, archiveListing, refuseChanges, stableReads } from '../output/adoption.js'
import { fileInput, type BuildCache, type OutputKind, type ReportRecord } from '../output/cache.js'
import type { Output, OutputContent } from '../output/outputs.js'
import { reportsOf, reportView, type PlannedReport } from '../output/plan.js'
import type { MadeReport } from './build.js'

export interface AdoptionOptions {
  /** `--herzien`: the reason for a new version of each adopted report whose figures or texts changed. */
  revise?: string | undefined
  /** The date of a revision, as YYYY-MM-DD. */
  today?: string
  /** This build makes the PDF, so it can record a report adopted since the last build. */
  record?: boolean
  /** `--ci`: nothing is recorded; an adopted report without a record is an error. */
  ci?: boolean
}

/** What the adoption records say about this build. */
export interface AdoptionPlan {
  /** Adopted reports whose figures and texts are as adopted: published from their record, not built. */
  archived: Map<string, AdoptionRecord>
  /** Reports to build and record: adopted since the last build, or revised now. */
  adopting: Map<string, Pick<PlannedReport, 'revisions' | 'revision'> & { previous: AdoptionRecord | undefined }>
  /** The record files, for the reporter. */
  files: VFile[]
}

/**
 * Compare every adopted report with its record (vastgesteld/): unchanged,
 * it is published from the record; changed, it is refused at each changed
 * figure, unless `--herzien` makes a revision of it. A report adopted since
 * the last build (definitief, with a date) is recorded by a build that
 * makes its PDF.
 */
export function planAdoption(project: Project, loaded: LoadedProject, options: AdoptionOptions): AdoptionPlan {
  const adoption = readAdoption(project.root)
  const result: AdoptionPlan = { archived: new Map(), adopting: new Map(), files: adoption.files }
  for (const report of reportsOf(project)) {
    const record = adoption.records.get(report.key)
    const meta = project.years.find((y) => y.year === report.year)!.meta
    if (record) {
      const changes = adoptionChanges(record, reportView(project, report))
      if (changes.length === 0) result.archived.set(report.key, record)
      else if (options.revise === undefined) result.files.push(...refuseChanges(record, changes, loaded))
      else if (!options.record) emit(result.files.find((f) => f.path === join(project.root, recordPath(report.key)))!, 'herzien-zonder-pdf', { key: report.key })
      else {
        const revision = { date: options.today!, reason: options.revise }
        result.adopting.set(report.key, { previous: record, revisions: [...record.revisions, revision], revision })
      }
      continue
    }
    if (meta.status !== 'definitief' || !meta.vastgesteld) continue
    if (options.ci) {
      const source = loaded.years.find((y) => y.year === report.year)!.sources.meta!
      emit(source.file, 'vastlegging-ontbreekt', { key: report.key, date: dateText(meta.vastgesteld), record: recordPath(report.key) }, locate(source, ['vastgesteld']))
    } else if (options.record) result.adopting.set(report.key, { previous: undefined, revisions: [], revision: undefined })
  }
  return result
}

/**
 * Whether a report is adopted, when, and its revisions: as its record has
 * them, or as this build records them. A report adopted since its last
 * record (definitief with a date; the next build that makes its PDF
 * records it) is adopted on `adopted`, its meta.yaml date, without revisions.
 */
export function adoptionOf(key: string, plan: AdoptionPlan, adopted: string | undefined): AdoptionStatus | undefined {
  const archived = plan.archived.get(key)
  if (archived) return archived
  const adopting = plan.adopting.get(key)
  const since = adopting?.previous?.adopted ?? adopted
  return since ? { adopted: since, revisions: adopting?.revisions ?? [] } : undefined
}

/** The earlier PDFs a report shows links to: from its record, or from the revision made now. */
export function versionsOf(key: string, plan: AdoptionPlan, adopted: string | undefined): EarlierVersion[] {
  const status = adoptionOf(key, plan, adopted)
  return status ? earlierVersions(key, status.adopted, status.revisions) : []
}

const kindOf = (path: string): OutputKind => (path.endsWith('.pdf') ? 'pdf' : path.includes('/data/') ? 'data' : 'html')

/**
 * The outputs of the reports published from their record, with their place
 * in the build cache: the record's publication replaces whatever the output
 * held for them.
 */
export function archivedOutputs(root: string, plan: AdoptionPlan, cache: BuildCache, outputs: Output): void {
  for (const [key, record] of plan.archived) {
    const files = archivedFiles(root, record)
    for (const kind of Object.values(cache.reports[key]?.outputs ?? {})) for (const path of kind.files) if (!files.has(path)) outputs.set(path, null)
    for (const [path, content] of files) outputs.set(path, content)
    cache.reports[key] = archiveCacheRecord(key, [...files.keys()], fileInput(join(root, recordPath(key))))
  }
}

/** A report published from its record, in the build cache: should the record change or go, the report is built anew. */
function archiveCacheRecord(key: string, files: readonly string[], recordHash: string): ReportRecord {
  const id = archiveId(key)
  // In the order a built report has them, so the cache is the same bytes however the record came to be published.
  const byKind: ReportRecord['outputs'] = {}
  for (const kind of ['html', 'pdf', 'data'] as const) {
    const ofKind = files.filter((path) => kindOf(path) === kind).sort(compareText)
    if (ofKind.length > 0) byKind[kind] = { inputs: id, files: ofKind }
  }
  return { outputs: byKind, inputs: { [id]: { files: { [`file:${recordPath(key)}`]: recordHash }, reads: {} } } }
}

const archiveId = (key: string) => `vastgesteld:${key}`

/** Whether the output already holds this adopted report as its record has it (the last build published it). */
export function published(cache: BuildCache, key: string, root: string): boolean {
  const inputs = cache.reports[key]?.inputs[archiveId(key)]
  return inputs !== undefined && Object.entries(inputs.files).every(([name, hash]) => fileInput(join(root, name.replace(/^file:/, ''))) === hash)
}

/**
 * The record of each report adopted or revised in this build: the figures
 * and texts it read, and its publication (with the earlier PDFs) as the
 * archive. Paths are relative to the adoption folder. A revision also puts
 * the PDF that was current beside the new one in the output.
 */
export function recordAdoptions(root: string, plan: AdoptionPlan, made: readonly MadeReport[], project: Project, outputs: Output, cache: BuildCache): Output {
  const records: Output = new Map()
  for (const m of made) {
    const adopting = plan.adopting.get(m.report.key)
    if (!adopting) continue
    const { key } = m.report
    const adopted = adopting.previous?.adopted ?? m.model.date!
    const published = new Map<string, OutputContent>([...m.outputs.html, ...m.outputs.pdf, ...m.outputs.data])
    if (adopting.previous) {
      const archive = archivedFiles(root, adopting.previous)
      const [replaced] = earlierVersions(key, adopted, adopting.revisions).slice(-1)
      for (const [path, content] of archive) if (/-versie-[\d-]+\.pdf$/.test(path)) published.set(path, content)
      published.set(replaced!.path, archive.get(pdfPath(key))!)
      for (const v of earlierVersions(key, adopted, adopting.revisions)) outputs.set(v.path, published.get(v.path)!)
    }
    const files: Record<string, string> = {}
    for (const [path, content] of published) {
      const inFolder = path.slice(key.length + 1)
      const bytes = content as string | Uint8Array
      files[inFolder] = sha256(bytes)
      records.set(`${key}/${inFolder}`, bytes)
    }
    for (const stale of archiveListing(root, key)) if (!(stale in files)) records.set(`${key}/${stale}`, null)
    const record: AdoptionRecord = {
      key, adopted, tool: VERSION, revisions: adopting.revisions, files,
      inputs: stableReads(m.inputs.reads, reportView(project, m.report)),
    }
    const text = recordText(record)
    records.set(`${key}.json`, text)
    cache.reports[key] = archiveCacheRecord(key, Object.keys(files).map((f) => `${key}/${f}`), hashOf(text))
  }
  return records
}
