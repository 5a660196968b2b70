import type { DataRef } from './paths.js'
import type { HourGroup } from './vocabularies.js'

/** Units of a figure; they decide how it is written in Dutch. */
export type Unit = 'aantal' | 'uren' | 'procent' | 'euro'

/** A single figure: where it is in the data (a path tsc checks against the schemas' types) and how it reads. */
export type FigureDef = DataRef & {
  label: string
  unit: Unit
  /** The key in historie.yaml that holds this figure for years before the tool. */
  history?: 'meldingen' | 'adviesvragen' | 'vp_casussen'
  /** The figure a share of this one is taken of. */
  shareOf?: string
}

/**
 * Every single figure a template can name, e.g. {{ meldingen.totaal }}.
 * Key figures from kengetallen.yaml join as kengetallen.<id>, the hours per
 * activity and group of the organisation's vocabulary as vp.uren_<id>.
 */
export const FIGURES = {
  'meldingen.totaal': { label: 'Meldingen', unit: 'aantal', file: 'meldingen', path: ['totaal'], history: 'meldingen' },
  'meldingen.intern': { label: 'Interne meldingen', unit: 'aantal', file: 'meldingen', path: ['herkomst', 'intern'], shareOf: 'meldingen.totaal' },
  'meldingen.extern': { label: 'Externe meldingen', unit: 'aantal', file: 'meldingen', path: ['herkomst', 'extern'], shareOf: 'meldingen.totaal' },
  'meldingen.onderzoeken': { label: '(Voor)onderzoeken', unit: 'aantal', file: 'meldingen', path: ['onderzoeken', 'totaal'] },
  'meldingen.onderzoeken_lijn': { label: 'Onderzoeken door de lijn', unit: 'aantal', file: 'meldingen', path: ['onderzoeken', 'lijn'] },
  'meldingen.onderzoeken_intern': { label: 'Interne onderzoeken', unit: 'aantal', file: 'meldingen', path: ['onderzoeken', 'intern'] },
  'meldingen.onderzoeken_extern': { label: 'Externe onderzoeken', unit: 'aantal', file: 'meldingen', path: ['onderzoeken', 'extern'] },
  'meldingen.onderzoeken_afgerond': { label: 'Afgeronde onderzoeken', unit: 'aantal', file: 'meldingen', path: ['onderzoeken', 'afgerond'] },
  'meldingen.gegrond': { label: 'Gegronde meldingen', unit: 'aantal', file: 'meldingen', path: ['uitkomst', 'gegrond'] },
  'meldingen.ongegrond': { label: 'Ongegronde meldingen', unit: 'aantal', file: 'meldingen', path: ['uitkomst', 'ongegrond'] },
  'meldingen.maatregelen': { label: 'Meldingen met maatregelen', unit: 'aantal', file: 'meldingen', path: ['maatregelen'] },
  'meldingen.disciplinaire_ontslagen': { label: 'Disciplinaire ontslagen', unit: 'aantal', file: 'meldingen', path: ['disciplinaire_ontslagen'] },
  'meldingen.adviesvragen': { label: 'Adviesvragen', unit: 'aantal', file: 'meldingen', path: ['adviesvragen'], history: 'adviesvragen' },
  'meldingen.signalen': { label: 'Signalen', unit: 'aantal', file: 'meldingen', path: ['signalen'] },
  'meldingen.websiteberichten': { label: 'Berichten via de website', unit: 'aantal', file: 'meldingen', path: ['websiteberichten'] },
  'vp.casussen_lopend': { label: 'Lopende casussen (uit eerdere jaren)', unit: 'aantal', file: 'vertrouwenspersonen', path: ['casussen', 'lopend'] },
  'vp.casussen_nieuw': { label: 'Nieuwe casussen', unit: 'aantal', file: 'vertrouwenspersonen', path: ['casussen', 'nieuw'] },
  'vp.casussen': { label: 'Casussen', unit: 'aantal', file: 'vertrouwenspersonen', path: ['casussen', 'totaal'], history: 'vp_casussen' },
  'vp.meldingen_lopend': { label: 'Lopende meldingen (uit eerdere jaren)', unit: 'aantal', file: 'vertrouwenspersonen', path: ['meldingen', 'lopend'] },
  'vp.meldingen_via_vp': { label: 'Meldingen via vertrouwenspersoon', unit: 'aantal', file: 'vertrouwenspersonen', path: ['meldingen', 'via_vp'] },
  'vp.meldingen_door_vp': { label: 'Meldingen rechtstreeks door vertrouwenspersoon', unit: 'aantal', file: 'vertrouwenspersonen', path: ['meldingen', 'door_vp'] },
  'vp.meldingen': { label: 'Meldingen via vertrouwenspersonen', unit: 'aantal', file: 'vertrouwenspersonen', path: ['meldingen', 'totaal'] },
  'vp.uren': { label: 'Totaal aantal uren', unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', 'totaal'] },
} as const satisfies Record<string, FigureDef>

export type FigureKey = keyof typeof FIGURES

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
    const fixed = Object.entries(FIGURES) as [string, FigureDef][]
    const at = fixed.findIndex(([key]) => key === 'vp.uren')
    found = new Map([...fixed.slice(0, at), ...hourFigures(groups), ...fixed.slice(at)])
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
