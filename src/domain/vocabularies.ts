import type { Organisatie } from '../types/data.js'

export const VOCABULARY_KINDS = ['type', 'status', 'regeling', 'soort_kwestie', 'relatie'] as const
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number]

/** The status of meldingen that the melder asked to register only as a signal: what `signalen` counts too. */
export const SIGNAL_STATUS = 'Alleen als signaal geregistreerd'

/** An activity the vertrouwenspersonen spend hours on; `id` is its key under `uren.<group>` in the data. */
export interface HourActivity { id: string; label: string }
/** A group of activities with its own subtotal, `uren.<id>.totaal`. */
export interface HourGroup { id: string; label: string; activities: readonly HourActivity[] }

/** The category lists of the breakdowns, and the groups of hour activities. */
export type Vocabularies = Record<VocabularyKind, readonly string[]> & { uren: readonly HourGroup[] }

/**
 * National defaults. Types of schending follow the landelijke omschrijving
 * used in municipal reports; the VP lists follow the usual registration of
 * vertrouwenspersonen. An organisation extends or replaces each list.
 */
export const NATIONAL: Vocabularies = {
  uren: [
    {
      id: 'contacten', label: 'Contacten', activities: [
        { id: 'gesprekken', label: 'Gesprekken, incl. mailwisseling' },
        { id: 'begeleiding', label: 'Begeleiding in (klacht)traject' },
      ],
    },
    {
      id: 'overig', label: 'Overige activiteiten', activities: [
        { id: 'afstemming', label: 'Intern afstemmingsoverleg en verslaglegging' },
        { id: 'kwalificatie', label: 'Cursus, intervisie e.d. voor kwalificatie' },
        { id: 'voorlichting', label: 'Aanwezigheid bij informatiebijeenkomsten' },
        { id: 'onboarding', label: 'Begeleiding onboarding en themadagen' },
      ],
    },
  ],
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
    SIGNAL_STATUS,
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
  const result = { uren: resolveHours(own.uren) } as Vocabularies
  for (const kind of VOCABULARY_KINDS) {
    const v = own[kind]
    if (!v) result[kind] = NATIONAL[kind]
    else if (v.uitgangspunt === 'eigen') result[kind] = v.waarden
    else result[kind] = [...NATIONAL[kind], ...v.waarden.filter((w) => !NATIONAL[kind].includes(w))]
  }
  return result
}

/** Own hour groups replace the national ones, or extend them: a group with a national id adds its new activities. */
function resolveHours(own: NonNullable<Organisatie['vocabulaires']>['uren']): readonly HourGroup[] {
  if (!own) return NATIONAL.uren
  const groups = own.groepen.map((g): HourGroup => ({ id: g.id, label: g.naam, activities: g.activiteiten.map((a) => ({ id: a.id, label: a.naam })) }))
  if (own.uitgangspunt === 'eigen') return groups
  const merged = NATIONAL.uren.map((n) => {
    const extra = groups.find((g) => g.id === n.id)?.activities.filter((a) => !n.activities.some((b) => b.id === a.id)) ?? []
    return { ...n, activities: [...n.activities, ...extra] }
  })
  return [...merged, ...groups.filter((g) => !NATIONAL.uren.some((n) => n.id === g.id))]
}
