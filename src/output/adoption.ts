import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { VFile } from 'vfile'
import { emit } from '../diagnostics/emit.js'
import { dateText } from '../format/nl.js'
import { getPath } from '../domain/values.js'
import { hashOf } from '../hash.js'
import { ADOPTION_DIR, recordPath, type AdoptionRecord } from '../load/adoption.js'
import type { LoadedProject } from '../load/project.js'
import { locate } from '../load/yaml.js'
import type { Project } from '../domain/project.js'
import { replayRead, type Reads } from './reads.js'

// The adoption record (its format: load/adoption.ts) against the project: what an adopted report read, what changed since.

/** Files of an archive folder that the record does not list (left from an interrupted write): removed when it is written anew. */
export function archiveListing(root: string, key: string): string[] {
  const dir = join(root, ADOPTION_DIR, key)
  const walk = (d: string): string[] => readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? walk(join(d, n)) : [relative(dir, join(d, n)).split('\\').join('/')]))
  return existsSync(dir) ? walk(dir) : []
}

/**
 * What the adoption record protects: the figures and texts of the years, and
 * the history, with years by number instead of their place in the list (a
 * year added before does not shift them). The organisation's settings,
 * templates, charts and the tool's version are not in it: they never change
 * an adopted publication, which is kept as it was.
 */
export function stableReads(reads: Reads, view: Project): Reads {
  const out: Reads = {}
  const years = () => JSON.stringify(view.years.map((y) => String(y.year)))
  for (const [key, value] of Object.entries(reads)) {
    const [op, top, index, part, ...rest] = JSON.parse(key) as string[]
    if (top === 'history') out[JSON.stringify([op, 'historie', ...[index, part, ...rest].filter((p) => p !== undefined)])] = value
    if (top !== 'years') continue
    if (index === undefined || index === 'length') {
      if (op === 'keys' || index === 'length') out[JSON.stringify(['keys', 'jaren'])] = years()
      continue
    }
    const year = view.years[Number(index)]
    if (!year || part === undefined || part === 'year') continue
    const at = ['jaren', String(year.year), part, ...rest]
    if (part === 'texts' && rest.length === 0) {
      // The texts are read as one: each is kept on its own, so a change names the file.
      out[JSON.stringify(['keys', ...at])] = JSON.stringify([...year.texts.keys()])
      for (const [name, file] of year.texts) out[JSON.stringify(['get', ...at, name])] = textFingerprint(file)
      continue
    }
    out[JSON.stringify([op, ...at])] = value
  }
  return out
}

/** A text by content, as the recording view fingerprints a VFile. */
const textFingerprint = (file: VFile) => hashOf(String(file.value))

/** The report's view as the stable reads address it: years by number, texts by name. */
const stableRoot = (view: Project): object => ({
  jaren: Object.fromEntries(view.years.map((y) => [String(y.year), { ...y, texts: Object.fromEntries(y.texts) }])),
  historie: view.history,
})

/** One figure or text that differs from what was adopted: its stable path, the adopted value and the value now, as reads give them. */
export interface AdoptedChange { path: string[]; before: string; now: string }

/** What in the report's view is no longer as it was adopted. */
export function adoptionChanges(record: AdoptionRecord, view: Project): AdoptedChange[] {
  const root = stableRoot(view)
  return Object.entries(record.inputs).flatMap(([key, before]) => {
    const [op, ...path] = JSON.parse(key) as string[]
    const now = replayRead(root, op!, path)
    return now === before ? [] : [{ path, before, now }]
  })
}

/** A value as the coördinator reads it in a message. */
const shown = (fingerprint: string): string => {
  if (fingerprint === 'absent' || fingerprint === 'false') return 'niet ingevuld'
  if (fingerprint === 'true') return 'ingevuld'
  try {
    const value = JSON.parse(fingerprint) as unknown
    return typeof value === 'string' ? `'${value}'` : String(value)
  } catch {
    return fingerprint
  }
}

/**
 * An error for every figure or text of an adopted report that changed, at
 * its place in the data file: the field, what was adopted and what it is now.
 */
export function refuseChanges(record: AdoptionRecord, changes: readonly AdoptedChange[], loaded: LoadedProject): VFile[] {
  const seen = new Set<string>()
  // A place that no longer exists (a year folder or file removed) gets a file of its own, for the reporter.
  const added: VFile[] = []
  const placeFor = (path: string) => {
    const file = new VFile({ path })
    added.push(file)
    return file
  }
  const meta = loaded.years.find((y) => y.year === Number(record.key.split('-').at(-1)))?.sources.meta?.file ?? placeFor(join(loaded.dataDir, record.key))
  const before = meta.messages.length
  for (const change of changes) {
    const [top, yearText, part, ...rest] = change.path
    const year = loaded.years.find((y) => String(y.year) === yearText)
    const args = { key: record.key, date: dateText(record.adopted), record: recordPath(record.key) }
    if (top === 'historie') {
      const path = ['jaren', ...change.path.slice(1)]
      if (!loaded.history) continue
      const field = path.join('.')
      if (!seen.has(`h:${field}`)) emit(loaded.history.file, 'verslag-vastgesteld', { ...args, what: `het cijfer ${field} in data/historie.yaml`, before: shown(change.before), now: shown(change.now) }, locate(loaded.history, path))
      seen.add(`h:${field}`)
      continue
    }
    if (part === 'texts') {
      const name = rest[0]
      const file = (name && year?.texts.get(name)) || year?.sources.meta?.file || placeFor(join(loaded.dataDir, yearText ?? ''))
      const what = name ? `de tekst data/${yearText}/tekst/${name}.md` : `de teksten in data/${yearText}/tekst/`
      if (!seen.has(what)) emit(file, 'verslag-vastgesteld', { ...args, what, before: name ? (change.now === 'absent' ? 'een tekst' : '') : shown(change.before), now: name ? (change.now === 'absent' ? 'geen bestand meer' : '') : shown(change.now) })
      seen.add(what)
      continue
    }
    if (top === 'jaren' && part === undefined) {
      const file = placeFor(loaded.dataDir)
      emit(file, 'verslag-vastgesteld', { ...args, what: 'de jaren in data/', before: shown(change.before), now: shown(change.now) })
      seen.add('jaren')
      continue
    }
    const kind = part as 'meta' | 'meldingen' | 'vertrouwenspersonen' | 'kengetallen'
    const source = year?.sources[kind]
    const path = kind === 'kengetallen' ? ['kengetallen', ...rest] : rest
    // A key figure is named by its id, not its place in the list.
    const id = kind === 'kengetallen' && rest[0] !== undefined ? getPath(source?.value, ['kengetallen', rest[0], 'id']) : undefined
    const named = typeof id === 'string' ? ['kengetallen', id, ...rest.slice(1)] : path
    const field = named.at(-1) === 'length' ? `${named.slice(0, -1).join('.')} (aantal)` : named.join('.')
    const what = field ? `het cijfer ${field} in data/${yearText}/${kind}.yaml` : `data/${yearText}/${kind}.yaml`
    if (seen.has(what) || change.before === 'object' || change.before === 'array' || change.now === 'object' || change.now === 'array') continue
    seen.add(what)
    const file = source?.file ?? year?.sources.meta?.file ?? placeFor(join(loaded.dataDir, yearText ?? ''))
    emit(file, 'verslag-vastgesteld', { ...args, what, before: shown(change.before), now: shown(change.now) }, source ? locate(source, path) ?? locate(source, path.slice(0, -1)) : undefined)
  }
  // Only the shape of the data changed (a list became a group): still refused, never published as adopted.
  if (seen.size === 0 && meta.messages.length === before) {
    emit(meta, 'verslag-vastgesteld', { key: record.key, date: dateText(record.adopted), record: recordPath(record.key), what: `de opbouw van de gegevens (${changes[0]!.path.join('/')})`, before: '', now: '' })
  }
  return added
}
