import type { DataFile, DataPath, DataRef } from './paths.js'
import type { HourGroup, VocabularyKind } from './vocabularies.js'

/**
 * The breakdowns (verdelingen) in the data, declared once for validation,
 * aggregation, charts and templates. `multiLabel` breakdowns count mentions:
 * a case can have several labels, so they never add up to a total and their
 * base is the number of cases.
 */
export const BREAKDOWNS = {
  'meldingen.regeling': { file: 'meldingen', path: ['regeling'], vocabulary: 'regeling', title: 'Meldingen per regeling', multiLabel: false },
  'meldingen.type': { file: 'meldingen', path: ['type'], vocabulary: 'type', title: 'Meldingen per type schending', multiLabel: false },
  'meldingen.status': { file: 'meldingen', path: ['status'], vocabulary: 'status', title: 'Stand van zaken aan het einde van het jaar', partialTitle: 'Stand van zaken', multiLabel: false },
  'vertrouwenspersonen.soort_kwestie': { file: 'vertrouwenspersonen', path: ['soort_kwestie'], vocabulary: 'soort_kwestie', title: 'Soort kwestie bij de vertrouwenspersonen', multiLabel: true },
  'vertrouwenspersonen.relatie': { file: 'vertrouwenspersonen', path: ['relatie'], vocabulary: 'relatie', title: 'Kwestie in relatie tot', multiLabel: true },
} as const satisfies Record<string, DataRef & { vocabulary: VocabularyKind; title: string; /** When the year stops early and the title would say otherwise. */ partialTitle?: string; multiLabel: boolean }>

export type BreakdownId = keyof typeof BREAKDOWNS
export const BREAKDOWN_IDS = Object.keys(BREAKDOWNS) as BreakdownId[]

/**
 * The parts of a sum: named paths, or every key under `each` but its
 * `totaal` (a breakdown's categories, a group's activities) — the data's own
 * keys, so a key outside the vocabulary is reported once, not as a wrong sum
 * too — optionally reading `field` below each.
 */
export type SumParts<F extends DataFile = DataFile> = { paths: readonly DataPath<F>[] } | { each: DataPath<F>; field?: string }

/** Parts that must add up to a declared total; paths are relative to the file and checked by tsc. */
export type SumRule = { [F in DataFile]: { file: F; what: string; parts: SumParts<F>; total: DataPath<F> } }[DataFile]

const FIXED_SUMS: readonly SumRule[] = [
  { file: 'meldingen', what: 'Meldingen naar herkomst', parts: { paths: [['herkomst', 'intern'], ['herkomst', 'extern']] }, total: ['totaal'] },
  { file: 'meldingen', what: 'Meldingen per regeling', parts: { each: ['regeling'] }, total: ['totaal'] },
  { file: 'meldingen', what: 'Meldingen per type schending', parts: { each: ['type'] }, total: ['totaal'] },
  { file: 'meldingen', what: 'Meldingen naar status', parts: { each: ['status'] }, total: ['totaal'] },
  { file: 'meldingen', what: 'Onderzoeken door lijn, intern en extern', parts: { paths: [['onderzoeken', 'lijn'], ['onderzoeken', 'intern'], ['onderzoeken', 'extern']] }, total: ['onderzoeken', 'totaal'] },
  { file: 'vertrouwenspersonen', what: 'Casussen vertrouwenspersonen', parts: { paths: [['casussen', 'lopend'], ['casussen', 'nieuw']] }, total: ['casussen', 'totaal'] },
  { file: 'vertrouwenspersonen', what: 'Meldingen via vertrouwenspersonen', parts: { paths: [['meldingen', 'lopend'], ['meldingen', 'via_vp'], ['meldingen', 'door_vp']] }, total: ['meldingen', 'totaal'] },
]

/**
 * Every sum rule of an organisation, checked in validation and relied on in
 * aggregation: the fixed ones, then per group of hour activities its
 * subtotal, and the subtotals to the grand total of hours.
 */
export function sumsOf(groups: readonly HourGroup[]): SumRule[] {
  return [
    ...FIXED_SUMS,
    ...groups.map((g): SumRule => ({
      file: 'vertrouwenspersonen', what: `Uren ${g.label.toLowerCase()}`, parts: { each: ['uren', g.id] }, total: ['uren', g.id, 'totaal'],
    })),
    { file: 'vertrouwenspersonen', what: 'Totaal aantal uren', parts: { each: ['uren'], field: 'totaal' }, total: ['uren', 'totaal'] },
  ]
}
