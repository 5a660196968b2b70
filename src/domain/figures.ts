import { readFileSync } from 'node:fs'
import type { FigureKey } from '../types/data.js'
import { SCHEMA_DIR } from '../package.js'
import type { DataFile, DataRef } from './paths.js'
import type { HourGroup } from './vocabularies.js'

/** Units of a figure; they decide how it is written in Dutch. */
export type Unit = 'aantal' | 'uren' | 'procent' | 'euro'

/** The keys in historie.yaml that hold a figure for years before the tool. */
type HistoryKey = 'meldingen' | 'adviesvragen' | 'vp_casussen'

/** A single figure: where it is in the data (a path in the schemas' types) and how it reads. */
export type FigureDef = DataRef & {
  label: string
  unit: Unit
  /** The key in historie.yaml that holds this figure for years before the tool. */
  history?: HistoryKey
  /** The figure a share of this one is taken of. */
  shareOf?: string
}

/** What a schema property says of itself when it is a figure: "x-cijfer" beside its title. */
interface FigureMark { naam: string; label?: string; historie?: HistoryKey; aandeel_van?: string }
interface SchemaNode { $ref?: string; title?: string; properties?: Record<string, SchemaNode>; 'x-cijfer'?: FigureMark }

/**
 * The figures of a year file, in the schema's order. The schema is the one
 * place that says which fields are figures: their name in templates, their
 * label (the field's title unless the report names it otherwise), their unit
 * (the field's type: aantal or uren) and their path.
 */
function figuresInSchema(file: DataFile): [string, FigureDef][] {
  const found: [string, FigureDef][] = []
  const visit = (node: SchemaNode, path: string[]): void => {
    for (const [key, property] of Object.entries(node.properties ?? {})) {
      const mark = property['x-cijfer']
      if (mark) {
        // The path is where the mark stands in the schema, so the generated types have it too.
        const ref = { file, path: [...path, key] } as unknown as DataRef
        found.push([mark.naam, {
          ...ref, label: mark.label ?? property.title!, unit: property.$ref!.split('/').pop() as Unit,
          ...(mark.historie ? { history: mark.historie } : {}), ...(mark.aandeel_van ? { shareOf: mark.aandeel_van } : {}),
        }])
      }
      visit(property, [...path, key])
    }
  }
  visit(JSON.parse(readFileSync(`${SCHEMA_DIR}${file}.schema.json`, 'utf8')) as SchemaNode, [])
  return found
}

let fixed: Readonly<Record<FigureKey, FigureDef>> | undefined

/**
 * Every single figure a template can name, e.g. {{ meldingen.totaal }}, read
 * from the schemas on first use. Key figures from kengetallen.yaml join as
 * kengetallen.<id>, the hours per activity and group of the organisation's
 * vocabulary as vp.uren_<id>. `npm run types` writes their names into FigureKey.
 */
export const fixedFigures = (): Readonly<Record<FigureKey, FigureDef>> =>
  (fixed ??= Object.fromEntries([...figuresInSchema('meldingen'), ...figuresInSchema('vertrouwenspersonen')]) as Record<FigureKey, FigureDef>)
export type { FigureKey }

/** The figures of the hour activities and their group subtotals, in the vocabulary's order. */
function hourFigures(groups: readonly HourGroup[]): [string, FigureDef][] {
  return groups.flatMap((g): [string, FigureDef][] => [
    ...g.activities.map((a): [string, FigureDef] => [`vp.uren_${a.id}`, { label: a.label, unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', g.id, a.id] }]),
    [`vp.uren_${g.id}`, { label: `Uren ${g.label.toLowerCase()}`, unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', g.id, 'totaal'] }],
  ])
}

const byGroups = new WeakMap<readonly HourGroup[], ReadonlyMap<string, FigureDef>>()

/** Every figure of an organisation, in report order: the hours of its own activities before their grand total. */
export function figuresOf(groups: readonly HourGroup[]): ReadonlyMap<string, FigureDef> {
  let found = byGroups.get(groups)
  if (!found) {
    const all = Object.entries(fixedFigures()) as [string, FigureDef][]
    const at = all.findIndex(([key]) => key === 'vp.uren')
    found = new Map([...all.slice(0, at), ...hourFigures(groups), ...all.slice(at)])
    byGroups.set(groups, found)
  }
  return found
}

/** A section of the VP table: its items, closed by the (sub)total; `id` names it for charts and tests. */
export interface VpSection { id: string; title: string; unit: 'aantal' | 'uren'; rows: readonly string[]; total: string }

/** The VP table as the reports show it: cases, meldingen, then one section per group of hour activities. */
export function vpSections(groups: readonly HourGroup[]): VpSection[] {
  return [
    { id: 'casussen', title: 'Casussen (aantal)', unit: 'aantal', rows: ['vp.casussen_lopend', 'vp.casussen_nieuw'], total: 'vp.casussen' },
    { id: 'meldingen', title: 'Meldingen (aantal)', unit: 'aantal', rows: ['vp.meldingen_lopend', 'vp.meldingen_via_vp', 'vp.meldingen_door_vp'], total: 'vp.meldingen' },
    ...groups.map((g): VpSection => ({
      id: `uren.${g.id}`, title: `${g.label} (aantal uren)`, unit: 'uren', rows: g.activities.map((a) => `vp.uren_${a.id}`), total: `vp.uren_${g.id}`,
    })),
  ]
}
