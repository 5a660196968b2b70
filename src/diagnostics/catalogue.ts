// Every message a user can see has one home: a permanent rule id here, with
// its severity, the stage that raises it (which decides the exit code) and
// the names of its arguments; its words (title, message with slots, hint)
// in meldingen.json, the only place they are written. docs/foutmeldingen.md
// is generated from both (npm run docs); a test keeps the slots of each
// message equal to the arguments declared here, and tsc checks every call.

import wording from './meldingen.json' with { type: 'json' }
import { fill, type Value } from './fill.js'

export type Severity = 'fout' | 'waarschuwing'

/** Exit codes of the CLI, by kind of failure; signals end the run with 128 + the signal number. */
export const EXIT = { ok: 0, data: 1, usage: 2, environment: 3, unexpected: 70, interrupted: 130, terminated: 143 } as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export type Stage = 'laden' | 'valideren' | 'sjabloon' | 'grafiek' | 'afdrukken' | 'uitvoer' | 'gebruik' | 'omgeving' | 'intern'

/** The exit code of a fatal message follows from the stage that raised it. */
export const STAGE_EXIT: Record<Stage, ExitCode> = {
  laden: EXIT.data, valideren: EXIT.data, sjabloon: EXIT.data, grafiek: EXIT.data, uitvoer: EXIT.data,
  gebruik: EXIT.usage, afdrukken: EXIT.environment, omgeving: EXIT.environment, intern: EXIT.unexpected,
}

/** A rule without its stage: how bad it is, and the arguments its message takes. */
interface Kind<S extends string> { severity: Severity; slots: readonly S[] }

const error = <const S extends string[]>(...slots: S): Kind<S[number]> => ({ severity: 'fout', slots })
const warning = <const S extends string[]>(...slots: S): Kind<S[number]> => ({ severity: 'waarschuwing', slots })

/** The rules a stage raises; the stage decides the exit code of the fatal ones. */
const inStage = <const T extends Record<string, Kind<string>>>(stage: Stage, rules: T): { [R in keyof T]: T[R] & { stage: Stage } } =>
  Object.fromEntries(Object.entries(rules).map(([id, kind]) => [id, { ...kind, stage }])) as { [R in keyof T]: T[R] & { stage: Stage } }

const RULES = {
  ...inStage('laden', {
    'bestand-ontbreekt': error('file'),
    'bestand-onleesbaar': error('detail'),
    'bestand-te-groot': error('size', 'max'),
    'bestand-binair': error(),
    'bestand-codering': error('found'),
    'bestand-buiten-project': error('link', 'target'),
    'tekst-onzichtbaar-teken': error('what', 'code'),
    'bestand-leeg': error(),
    'yaml-syntaxis': error('detail'),
    'yaml-niet-gesloten': error('kind', 'open', 'close'),
    'yaml-niet-geopend': error('close', 'kind', 'open'),
    'yaml-inspringing': error('found', 'expected', 'like'),
    'yaml-dubbele-punt-ontbreekt': error('found', 'expected'),
    'yaml-leeg-met-regels': error('key', 'empty'),
    'yaml-spatie-na-dubbele-punt': error('found', 'expected'),
    'yaml-lijstitem-in-groep': error('found', 'expected'),
    'yaml-dubbele-punt-in-waarde': error('key', 'value'),
    'yaml-vaste-spatie': error(),
    'yaml-hekje-in-waarde': warning('key', 'value'),
    'yaml-tab': error(),
    'yaml-dubbele-sleutel': error('key'),
    'yaml-versie': error('found'),
    'yaml-tag': error('tag'),
    'yaml-alias': error(),
    'yaml-diepte': error('max'),
    'getal-ongeldig': error('found'),
    'getal-duizendtal': error('field', 'found', 'read', 'fixed'),
    'getal-schrijfwijze': error('found', 'fixed'),
    'map-geen-jaar': error('name'),
    'bestand-niet-gelezen': warning('file', 'suggestion'),
    'geen-jaren': error(),
    'config-ontbreekt': error('file'),
    'eerst-herstellen': error(),
  }),
  ...inStage('valideren', {
    'getal-komma': error('field', 'found', 'fixed'),
    'getal-met-tekst': error('field', 'found', 'fixed'),
    'schema-type': error('field', 'found', 'expected'),
    'onbekend-gespeld': error('field', 'found'),
    'datum-volgorde': error('field', 'found', 'fixed'),
    'procent-te-groot': error('field', 'found'),
    'procent-als-fractie': warning('field', 'found', 'year', 'count', 'fixed'),
    'schema-verplicht': error('field', 'missing', 'description'),
    'schema-onbekend-veld': error('field', 'key', 'suggestion', 'allowed'),
    'schema-bereik': error('field', 'found', 'expected'),
    'schema-keuze': error('field', 'found', 'suggestion', 'allowed'),
    'schema-vorm': error('field', 'found', 'expected'),
    'categorie-onbekend': error('field', 'key', 'vocabulary', 'suggestion', 'allowed'),
    'reeksbreuk-cijfer-onbekend': error('name', 'suggestion'),
    'verslagperiode-ongeldig': error('from', 'year', 'problem'),
    'verslagperiode-concept': error('year', 'from', 'to'),
    'verslag-vastgesteld': error('key', 'date', 'record', 'what', 'before', 'now'),
    'vastlegging-onleesbaar': error('file', 'detail'),
    'vastlegging-beschadigd': error('file', 'record'),
    'kengetal-dubbel': error('id', 'line'),
    'kengetal-eenheid-veranderd': error('id', 'year', 'unit', 'previousYear', 'previousUnit'),
    'kengetal-id-verschilt': warning('id', 'year', 'near', 'previousYear'),
    'jaar-klopt-niet': error('found', 'folder'),
    'som-verschil': warning('what', 'parts', 'sum', 'total'),
    'totaal-verschil': warning('what', 'year', 'here', 'there', 'where'),
    'signalen-verschil': warning('signals', 'category', 'status'),
    'thema-contrast': error('field', 'colour', 'ratio', 'use', 'needed'),
    'thema-logo': error('file', 'problem'),
    'privacy-klein-aantal': warning('what', 'category', 'value', 'threshold'),
  }),
  ...inStage('sjabloon', {
    'sjabloon-naam-onbekend': error('name', 'suggestion'),
    'sjabloon-filter-onbekend': error('name', 'suggestion', 'allowed'),
    'sjabloon-expressie': error('found'),
    'sjabloon-niet-gesloten': error('found'),
    'sjabloon-niet-geopend': error('found'),
    'sjabloon-blok-onbekend': error('name', 'suggestion', 'allowed'),
    'sjabloon-figuur-onbekend': error('name', 'suggestion', 'allowed'),
    'sjabloon-verdeling-onbekend': error('name', 'suggestion', 'allowed'),
    'tekst-voorbeeld': warning('name'),
    'tekst-voorbeeld-definitief': error('name'),
    'sjabloon-blok-ongeldig': error('name', 'problem'),
    'sjabloon-grafiek-onbekend': error('name', 'suggestion', 'allowed'),
    'sjabloon-invoegen': error('target', 'problem'),
    'sjabloon-html': error('found'),
    'sjabloon-link-onveilig': error('url'),
    'sjabloon-afbeelding': error('url'),
    'zinnen-cijfer-onbekend': error('name', 'suggestion', 'allowed'),
    'zinnen-variant-onbekend': error('phrase', 'variant', 'kind', 'suggestion', 'allowed'),
    'zinnen-plek-onbekend': error('variant', 'phrase', 'slot', 'suggestion', 'allowed'),
    'zinnen-plek-niet-beschikbaar': error('variant', 'phrase', 'slot', 'when', 'own'),
  }),
  ...inStage('grafiek', {
    'grafiek-json': error('detail'),
    'grafiek-schema': error('detail'),
    'grafiek-extern': error('what'),
    'grafiek-expressie': error('expression', 'problem'),
    'grafiek-te-groot': error('field', 'found', 'max'),
    'grafiek-stijl': error('field', 'found'),
    'grafiek-te-zwaar': error('chart', 'what'),
    'grafiek-gegevens-onbekend': error('name', 'suggestion', 'allowed'),
    'grafiek-render': error('detail'),
    'grafiek-label-past-niet': warning('chart', 'year', 'label'),
  }),
  ...inStage('afdrukken', {
    'browser-ontbreekt': error('tried'),
    'browser-fout': error('report', 'detail'),
    'browser-te-traag': error('report', 'limit'),
  }),
  ...inStage('uitvoer', {
    'uitvoer-schrijven': error('output', 'detail'),
    'uitvoer-verouderd': warning('kind', 'key', 'changed'),
    'uitvoer-hersteld': warning('output', 'pid', 'action'),
    'vastlegging-ontbreekt': error('key', 'date', 'record'),
    'herzien-zonder-pdf': error('key'),
    'open-data-adres-ontbreekt': warning(),
  }),
  ...inStage('gebruik', {
    'jaar-ontbreekt': error('year', 'available'),
    'project-niet-gevonden': error('folder'),
    'afdruktijd-ongeldig': error('found'),
    'uitvoer-in-invoer': error('output', 'input'),
    'deel-een-organisatie': error('root'),
    'samenvoegen-geen-deel': error('dir'),
    'samenvoegen-dubbel': error('file', 'first', 'second'),
    'gebruik-opdracht-onbekend': error('name', 'suggestion', 'allowed'),
    'gebruik-optie-onbekend': error('option', 'suggestion'),
    'gebruik-jaar': error('option', 'found'),
    'gebruik-alleen': error('found'),
    'gebruik-herzien': error(),
    'gebruik-herzien-ci': error(),
    'gebruik-poort': error('found'),
    'gebruik-deel': error('found'),
    'map-niet-leeg': error('folder'),
    'jaar-bestaat-al': error('folder'),
  }),
  ...inStage('omgeving', {
    'poort-bezet': error('port', 'detail'),
  }),
  ...inStage('intern', {
    'onverwachte-fout': error('detail'),
  }),
}

export type RuleId = keyof typeof RULES
/** The arguments of a rule's message, one per slot; for a union of rules, the union of their arguments. */
export type ArgsOf<R extends RuleId> = R extends RuleId ? { readonly [S in (typeof RULES)[R]['slots'][number]]: Value } : never

interface Words { title: string; message: string; hint: string }

/** The words of every rule; tsc refuses a rule that has none. */
const WORDS: Record<RuleId, Words> = wording.rules

export interface Entry<R extends RuleId> {
  severity: Severity
  stage: Stage
  title: string
  message: (args: ArgsOf<R>) => string
  hint: string
}

export const catalogue = Object.fromEntries(Object.entries(RULES).map(([id, rule]) => {
  const words = WORDS[id as RuleId]
  return [id, { ...rule, title: words.title, hint: words.hint, message: (args: Readonly<Record<string, Value>>) => fill(words.message, args) }]
})) as unknown as { [R in RuleId]: Entry<R> & (typeof RULES)[R] }

/** Fragments the reporter adds to a message: the second place in a code frame, the follow-on count. */
export const FRAME = {
  noticed: wording.frame.noticed,
  endOfFile: wording.frame.endOfFile,
  firstKey: wording.frame.firstKey,
  followOns: (n: number) => fill(wording.frame.followOns, { n }),
}

/** The inputs and outputs of a report as the coördinator knows them, for the messages above. */
const INPUTS: Record<string, string> = wording.inputs

export const describeInput = (name: string): string => INPUTS[name] ?? name.replace(/^file:/, '')

/** The kinds of mistake in a chart's JSON that grafiek-json names; chart/specs.ts tells them apart. */
export type JsonMistake = keyof typeof wording.jsonMistakes

/** The detail of a JSON mistake, with the text found where it was made. */
export const jsonMistakeText = (kind: JsonMistake, found: string): string => fill(wording.jsonMistakes[kind], { found })

/** The exit code a fatal message of this rule gives. */
export const exitOf = (id: RuleId): ExitCode => STAGE_EXIT[RULES[id].stage]
