import { readFileSync } from 'node:fs'
import { Document, isMap, type YAMLMap } from 'yaml'
import { BREAKDOWNS } from '../domain/breakdowns.js'
import { NATIONAL, type HourGroup } from '../domain/vocabularies.js'
import { SCHEMA_DIR } from '../package.js'
import { SCHEMA_FOR } from '../validate/schemas.js'

interface Schema { $ref?: string; title?: string; description?: string; type?: string; properties?: Record<string, Schema> }

const FIGURE_DEFS = ['aantal', 'uren', 'procent', 'euro']
const load = (kind: keyof typeof SCHEMA_FOR) => JSON.parse(readFileSync(SCHEMA_DIR + SCHEMA_FOR[kind], 'utf8')) as Schema
const defOf = (s: Schema) => s.$ref?.split('/$defs/')[1]
const note = (s: Schema | undefined) => [s?.title, s?.description].filter(Boolean).join(': ')

/** The categories a breakdown at this place in a file is counted in (national list), if it is one. */
function categoriesAt(file: string, path: readonly string[]): readonly string[] | undefined {
  const found = Object.values(BREAKDOWNS).find((b) => b.file === file && b.path.join('.') === path.join('.'))
  return found ? NATIONAL[found.vocabulary] : undefined
}

/** Every figure of the schema as 'onbekend', every breakdown with the national categories. */
function skeletonOf(file: string, schema: Schema, path: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const def = defOf(prop)
    if (def && FIGURE_DEFS.includes(def)) out[key] = 'onbekend'
    else if (def === 'verdeling') out[key] = Object.fromEntries((categoriesAt(file, [...path, key]) ?? []).map((c) => [c, 'onbekend']))
    else if (prop.type === 'object' && prop.properties) out[key] = skeletonOf(file, prop, [...path, key])
  }
  return out
}

/** The hours of the vertrouwenspersonen: the national groups and activities (a vocabulary, not schema properties). */
function hoursSkeleton(): Record<string, unknown> {
  const value: Record<string, unknown> = {}
  for (const group of NATIONAL.uren) value[group.id] = { ...Object.fromEntries(group.activities.map((a) => [a.id, 'onbekend'])), totaal: 'onbekend' }
  return { ...value, totaal: 'onbekend' }
}

/** The names of the groups and activities of the hours, by dotted path, to say above each. */
function hoursNotes(groups: readonly HourGroup[]): Map<string, string> {
  const notes = new Map<string, string>()
  for (const group of groups) {
    notes.set(`uren.${group.id}`, group.label)
    for (const a of group.activities) notes.set(`uren.${group.id}.${a.id}`, a.label)
    notes.set(`uren.${group.id}.totaal`, `Subtotaal ${group.label.toLowerCase()}`)
  }
  return notes
}

/** Comments from the schema's title and description, or from the notes by dotted path. */
function annotate(map: YAMLMap, schema: Schema | undefined, notes: Map<string, string>, path: string[] = []): void {
  for (const pair of map.items) {
    const name = String((pair.key as { value: unknown }).value)
    const prop = schema?.properties?.[name]
    const text = notes.get([...path, name].join('.')) ?? note(prop)
    // A comment already there (the coördinator's own, or the year before's) stays as it is.
    const key = pair.key as { commentBefore?: string | null }
    if (text && !key.commentBefore) key.commentBefore = ` ${text}`
    if (isMap(pair.value)) annotate(pair.value, prop, notes, [...path, name])
  }
}

/** The schema's explanation above each field that has no comment yet (and the names of the hour activities). */
export function annotateDocument(doc: Document, kind: 'meldingen' | 'vertrouwenspersonen', hours: readonly HourGroup[] = NATIONAL.uren): Document {
  if (isMap(doc.contents)) annotate(doc.contents, load(kind), kind === 'vertrouwenspersonen' ? hoursNotes(hours) : new Map())
  return doc
}

/** A year file's data as YAML text, with the schema's explanation above each field. */
export const annotatedYaml = (kind: 'meldingen' | 'vertrouwenspersonen', data: unknown): string =>
  annotateDocument(new Document(data), kind).toString({ lineWidth: 0 })

/** A data file of a new year, as YAML text: every field of the schema, every figure 'onbekend', with the schema's explanations. */
export function yearFileSkeleton(kind: 'meldingen' | 'vertrouwenspersonen'): string {
  const schema = load(kind)
  const data = skeletonOf(kind, schema)
  if (kind === 'vertrouwenspersonen' && schema.properties?.uren) data.uren = hoursSkeleton()
  return annotatedYaml(kind, data)
}
