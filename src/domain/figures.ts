/** Units of a figure; they decide how it is written in Dutch. */
export type Unit = 'aantal' | 'uren' | 'procent' | 'euro'

export interface FigureDef {
  label: string
  unit: Unit
  file: 'meldingen' | 'vertrouwenspersonen'
  path: readonly string[]
  /** The key in historie.yaml that holds this figure for years before the tool. */
  history?: 'meldingen' | 'adviesvragen' | 'vp_casussen'
  /** The figure a share of this one is taken of. */
  shareOf?: string
}

/**
 * Every single figure a template can name, e.g. {{ meldingen.totaal }}.
 * Key figures from kengetallen.yaml join as kengetallen.<id>.
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
  'vp.uren_gesprekken': { label: 'Gesprekken, incl. mailwisseling', unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', 'contacten', 'gesprekken'] },
  'vp.uren_begeleiding': { label: 'Begeleiding in (klacht)traject', unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', 'contacten', 'begeleiding'] },
  'vp.uren_contacten': { label: 'Uren contacten', unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', 'contacten', 'totaal'] },
  'vp.uren_afstemming': { label: 'Intern afstemmingsoverleg en verslaglegging', unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', 'overig', 'afstemming'] },
  'vp.uren_kwalificatie': { label: 'Cursus, intervisie e.d. voor kwalificatie', unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', 'overig', 'kwalificatie'] },
  'vp.uren_voorlichting': { label: 'Aanwezigheid bij informatiebijeenkomsten', unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', 'overig', 'voorlichting'] },
  'vp.uren_onboarding': { label: 'Begeleiding onboarding en themadagen', unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', 'overig', 'onboarding'] },
  'vp.uren_overig': { label: 'Uren overige activiteiten', unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', 'overig', 'totaal'] },
  'vp.uren': { label: 'Totaal aantal uren', unit: 'uren', file: 'vertrouwenspersonen', path: ['uren', 'totaal'] },
} as const satisfies Record<string, FigureDef>

export type FigureKey = keyof typeof FIGURES

/** The VP table as the reports show it: sections of items, each closed by its (sub)total. */
export const VP_TABLE: readonly { title: string; rows: readonly FigureKey[]; total: FigureKey }[] = [
  { title: 'Casussen (aantal)', rows: ['vp.casussen_lopend', 'vp.casussen_nieuw'], total: 'vp.casussen' },
  { title: 'Meldingen (aantal)', rows: ['vp.meldingen_lopend', 'vp.meldingen_via_vp', 'vp.meldingen_door_vp'], total: 'vp.meldingen' },
  { title: 'Contacten (aantal uren)', rows: ['vp.uren_gesprekken', 'vp.uren_begeleiding'], total: 'vp.uren_contacten' },
  { title: 'Overige activiteiten (aantal uren)', rows: ['vp.uren_afstemming', 'vp.uren_kwalificatie', 'vp.uren_voorlichting', 'vp.uren_onboarding'], total: 'vp.uren_overig' },
]
