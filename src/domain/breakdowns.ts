import type { VocabularyKind } from './vocabularies.js'

/**
 * The breakdowns (verdelingen) in the data, declared once for validation,
 * aggregation, charts and templates. `multiLabel` breakdowns count mentions:
 * a case can have several labels, so they never add up to a total and their
 * base is the number of cases.
 */
export const BREAKDOWNS = {
  'meldingen.regeling': { file: 'meldingen', path: ['regeling'], vocabulary: 'regeling', title: 'Meldingen per regeling', multiLabel: false },
  'meldingen.type': { file: 'meldingen', path: ['type'], vocabulary: 'type', title: 'Meldingen per type schending', multiLabel: false },
  'meldingen.status': { file: 'meldingen', path: ['status'], vocabulary: 'status', title: 'Stand van zaken aan het einde van het jaar', multiLabel: false },
  'vertrouwenspersonen.soort_kwestie': { file: 'vertrouwenspersonen', path: ['soort_kwestie'], vocabulary: 'soort_kwestie', title: 'Soort kwestie bij de vertrouwenspersonen', multiLabel: true },
  'vertrouwenspersonen.relatie': { file: 'vertrouwenspersonen', path: ['relatie'], vocabulary: 'relatie', title: 'Kwestie in relatie tot', multiLabel: true },
} as const satisfies Record<string, { file: 'meldingen' | 'vertrouwenspersonen'; path: readonly string[]; vocabulary: VocabularyKind; title: string; multiLabel: boolean }>

export type BreakdownId = keyof typeof BREAKDOWNS
export const BREAKDOWN_IDS = Object.keys(BREAKDOWNS) as BreakdownId[]

/**
 * Parts that must add up to a declared total, per file. Paths are relative
 * to the file; `total` is the declared total. Checked in validation and
 * relied on in aggregation.
 */
export const SUMS = [
  { file: 'meldingen', what: 'Meldingen naar herkomst', parts: [['herkomst', 'intern'], ['herkomst', 'extern']], total: ['totaal'] },
  { file: 'meldingen', what: 'Meldingen per regeling', parts: 'regeling', total: ['totaal'] },
  { file: 'meldingen', what: 'Meldingen per type schending', parts: 'type', total: ['totaal'] },
  { file: 'meldingen', what: 'Meldingen naar status', parts: 'status', total: ['totaal'] },
  { file: 'meldingen', what: 'Onderzoeken door lijn, intern en extern', parts: [['onderzoeken', 'lijn'], ['onderzoeken', 'intern'], ['onderzoeken', 'extern']], total: ['onderzoeken', 'totaal'] },
  { file: 'vertrouwenspersonen', what: 'Casussen vertrouwenspersonen', parts: [['casussen', 'lopend'], ['casussen', 'nieuw']], total: ['casussen', 'totaal'] },
  { file: 'vertrouwenspersonen', what: 'Meldingen via vertrouwenspersonen', parts: [['meldingen', 'lopend'], ['meldingen', 'via_vp'], ['meldingen', 'door_vp']], total: ['meldingen', 'totaal'] },
  { file: 'vertrouwenspersonen', what: 'Uren contacten', parts: [['uren', 'contacten', 'gesprekken'], ['uren', 'contacten', 'begeleiding']], total: ['uren', 'contacten', 'totaal'] },
  { file: 'vertrouwenspersonen', what: 'Uren overige activiteiten', parts: [['uren', 'overig', 'afstemming'], ['uren', 'overig', 'kwalificatie'], ['uren', 'overig', 'voorlichting'], ['uren', 'overig', 'onboarding']], total: ['uren', 'overig', 'totaal'] },
  { file: 'vertrouwenspersonen', what: 'Totaal aantal uren', parts: [['uren', 'contacten', 'totaal'], ['uren', 'overig', 'totaal']], total: ['uren', 'totaal'] },
] as const satisfies readonly { file: 'meldingen' | 'vertrouwenspersonen'; what: string; parts: readonly (readonly string[])[] | 'regeling' | 'type' | 'status'; total: readonly string[] }[]
