import type { Organisatie } from '../types/data.js'

export const VOCABULARY_KINDS = ['type', 'status', 'regeling', 'soort_kwestie', 'relatie'] as const
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number]
export type Vocabularies = Record<VocabularyKind, readonly string[]>

/**
 * National defaults. Types of schending follow the landelijke omschrijving
 * used in municipal reports; the VP lists follow the usual registration of
 * vertrouwenspersonen. An organisation extends or replaces each list.
 */
export const NATIONAL: Vocabularies = {
  type: [
    'Financiële schending',
    'Misbruik positie en belangenverstrengeling',
    'Misbruik bevoegdheden',
    'Lekken en misbruik van informatie',
    'Misbruik bedrijfsmiddelen en overschrijding interne regels',
    'Ongewenste omgangsvormen',
    'Misdraging in privésfeer',
    'Misstanden volgens de klokkenluidersregeling',
  ],
  status: [
    'Gegrond, met maatregelen',
    'Gegrond',
    'Ongegrond',
    'Geen integriteitskwestie',
    'Alleen als signaal geregistreerd',
    'Formeel onderzoek',
    'Lopend',
    'Afgebroken',
  ],
  regeling: ['Zakelijke integriteit', 'Sociale integriteit', 'Misstand'],
  soort_kwestie: [
    'pesten',
    'discriminatie',
    'seksuele intimidatie',
    'agressie en geweld',
    'andere ongewenste omgangsvormen',
    'ongewenste omgangsvormen in relatie tot arbeidsconflict',
    'misbruik positie / belangenverstrengeling',
    'lekken en misbruik van informatie',
    'misbruik van bevoegdheden',
    'financiële schending',
    'misdragingen in privésfeer',
    'overig',
  ],
  relatie: ['collega', 'leidinggevende', 'bestuurder', 'externe', 'privé'],
}

/** The organisation's own lists: national plus additions, or its own only. */
export function resolveVocabularies(config: Organisatie): Vocabularies {
  const own = config.vocabulaires ?? {}
  const result = {} as Record<VocabularyKind, readonly string[]>
  for (const kind of VOCABULARY_KINDS) {
    const v = own[kind]
    if (!v) result[kind] = NATIONAL[kind]
    else if (v.uitgangspunt === 'eigen') result[kind] = v.waarden
    else result[kind] = [...NATIONAL[kind], ...v.waarden.filter((w) => !NATIONAL[kind].includes(w))]
  }
  return result
}
