import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { VFile } from 'vfile'
import { emit } from '../diagnostics/emit.js'
import { compareText } from '../domain/order.js'
import type { Revision } from '../domain/report.js'
import { sha256 } from '../hash.js'

/**
 * The adoption record: what the raad adopted, kept in the project (in git)
 * so that every build, on any computer, compares against it. For each
 * adopted report `vastgesteld/<report>.json` holds every figure and text
 * the report read, the tool version that made it and the revisions since;
 * `vastgesteld/<report>/` holds the publication itself (page, fragment,
 * PDF, open data, earlier PDFs). That publication is what every later build
 * publishes for the report, byte for byte, until a figure or text it was
 * made from changes: then the build refuses, or with `--herzien` makes a
 * revision and records it.
 *
 * This module is the record's format: `readAdoption` reads every record of
 * a project (with its revisions), for whatever needs to know whether and
 * why a report was revised; output/adoption.ts compares it with the data.
 */

export const ADOPTION_DIR = 'vastgesteld'

export interface AdoptionRecord {
  key: string
  /** The date the raad adopted the report (meta.yaml's vastgesteld). */
  adopted: string
  /** The version of jaarverslag that made the publication in the record. */
  tool: string
  revisions: Revision[]
  /** The publication's files (relative to the report's folder), by sha256. */
  files: Record<string, string>
  /** What the report read of the figures and texts, by stable path (see `stableReads` in output/adoption.ts). */
  inputs: Record<string, string>
}

/** The record as it is written: Dutch keys, one line per figure, so a pull request shows what is touched. */
interface RecordFile {
  $comment: string
  verslag: string
  vastgesteld: string
  hulpmiddel: string
  herzieningen: { datum: string; reden: string }[]
  bestanden: Record<string, string>
  invoer: Record<string, string>
}

const COMMENT = 'Vastgelegd door jaarverslag: wat de raad vaststelde. Niet met de hand veranderen; een herziening maakt u met jaarverslag build --herzien "<reden>".'

export const recordPath = (key: string) => `${ADOPTION_DIR}/${key}.json`

/** A read as the record writes it: `get jaren/2024/kengetallen/0/waarde`, path segments escaped as in a JSON pointer. */
const readKey = (key: string): string => {
  const [op, ...path] = JSON.parse(key) as string[]
  return `${op} ${path.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
}
const fromReadKey = (key: string): string => {
  const space = key.indexOf(' ')
  const path = key.slice(space + 1)
  return JSON.stringify([key.slice(0, space), ...(path ? path.split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')) : [])])
}

export function recordText(record: AdoptionRecord): string {
  const file: RecordFile = {
    $comment: COMMENT,
    verslag: record.key,
    vastgesteld: record.adopted,
    hulpmiddel: record.tool,
    herzieningen: record.revisions.map((r) => ({ datum: r.date, reden: r.reason })),
    bestanden: Object.fromEntries(Object.entries(record.files).sort(([a], [b]) => compareText(a, b))),
    invoer: Object.fromEntries(Object.entries(record.inputs).map(([k, v]) => [readKey(k), v]).sort(([a], [b]) => compareText(a!, b!))),
  }
  return JSON.stringify(file, null, 2) + '\n'
}

export interface Adoption {
  records: Map<string, AdoptionRecord>
  /** The record files, for the reporter; problems with a record are messages on them. */
  files: VFile[]
}

const isText = (v: unknown): v is string => typeof v === 'string'
const isTextMap = (v: unknown): v is Record<string, string> => typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every(isText)

/** Every adoption record of a project, each checked against its archived publication. */
export function readAdoption(root: string): Adoption {
  const dir = join(root, ADOPTION_DIR)
  const adoption: Adoption = { records: new Map(), files: [] }
  if (!existsSync(dir)) return adoption
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name)
    const file = new VFile({ path, value: readFileSync(path, 'utf8') })
    adoption.files.push(file)
    const key = name.slice(0, -'.json'.length)
    let raw: Partial<RecordFile>
    try {
      raw = JSON.parse(String(file.value)) as Partial<RecordFile>
    } catch (error) {
      emit(file, 'vastlegging-onleesbaar', { file: recordPath(key), detail: (error as Error).message })
      continue
    }
    const revisions = Array.isArray(raw.herzieningen) ? raw.herzieningen : undefined
    if (raw.verslag !== key || !isText(raw.vastgesteld) || !isText(raw.hulpmiddel) || !revisions?.every((r) => isText(r?.datum) && isText(r?.reden)) || !isTextMap(raw.bestanden) || !isTextMap(raw.invoer)) {
      emit(file, 'vastlegging-onleesbaar', { file: recordPath(key), detail: 'de velden verslag, vastgesteld, hulpmiddel, herzieningen, bestanden en invoer horen er te zijn zoals jaarverslag ze schreef' })
      continue
    }
    const record: AdoptionRecord = {
      key, adopted: raw.vastgesteld, tool: raw.hulpmiddel,
      revisions: revisions.map((r) => ({ date: r.datum, reason: r.reden })),
      files: raw.bestanden,
      inputs: Object.fromEntries(Object.entries(raw.invoer).map(([k, v]) => [fromReadKey(k), v])),
    }
    const damaged = Object.entries(record.files).find(([f, hash]) => {
      const archived = join(dir, key, f)
      return !existsSync(archived) || sha256(readFileSync(archived)) !== hash
    })
    if (damaged) {
      emit(file, 'vastlegging-beschadigd', { file: `${ADOPTION_DIR}/${key}/${damaged[0]}`, record: recordPath(key) })
      continue
    }
    adoption.records.set(key, record)
  }
  return adoption
}

/** The archived publication of an adopted report, as outputs of its folder. */
export function archivedFiles(root: string, record: AdoptionRecord): Map<string, Uint8Array> {
  const dir = join(root, ADOPTION_DIR, record.key)
  return new Map(Object.keys(record.files).map((f) => [`${record.key}/${f}`, new Uint8Array(readFileSync(join(dir, f)))]))
}

