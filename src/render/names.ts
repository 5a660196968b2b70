import type { Figure, ReportModel } from '../aggregate/model.js'
import { changeText, countedWords, countWord, dateText, listText, number, organisationInText, percent, plural, pointText, rangeText, sentenceCase, signed, trendWord, valueIn } from '../format/nl.js'
import { say, type PhraseBook, type Said } from './phrases.js'

export type Named = { kind: 'figuur'; figure: Figure } | { kind: 'tekst'; value: string } | { kind: 'zin'; said: Said | undefined }

/** Every name a template can use in {{ … }}: the figures, the sentences of the phrase book, and facts about the report. */
export function namesOf(model: ReportModel, phrases: PhraseBook = new Map()): Map<string, Named> {
  const names = new Map<string, Named>([
    ['organisatie', { kind: 'tekst', value: model.organisation }],
    ['de_organisatie', { kind: 'tekst', value: organisationInText(model.organisation) }],
    ['titel', { kind: 'tekst', value: model.title }],
    ['jaar', { kind: 'tekst', value: String(model.year) }],
    ['vorig_jaar', { kind: 'tekst', value: String(model.year - 1) }],
    ['periode', { kind: 'tekst', value: model.period.label }],
    ['vorige_periode', { kind: 'tekst', value: model.previousPeriod.label }],
    ['eerste_jaar', { kind: 'tekst', value: String(model.history[0]?.year ?? model.year) }],
    ['status', { kind: 'tekst', value: model.status }],
    // A year that stops on 30 September has no stand "at the end of the year".
    ['peilmoment', { kind: 'tekst', value: model.partial ? `op ${dateText(model.partial.until)}` : 'aan het einde van het jaar' }],
  ])
  for (const [name, value] of Object.entries(headings(model))) names.set(`kop.${name}`, { kind: 'tekst', value })
  for (const [key, figure] of Object.entries(model.figures)) names.set(key, { kind: 'figuur', figure })
  for (const [name, phrase] of phrases) names.set(`zin.${name}`, { kind: 'zin', said: say(phrase, model, phrases) })
  return names
}

/**
 * Headings over two subjects name only the ones the section has figures of,
 * so "Herkomst en regeling" never heads a section without a regeling.
 */
function headings(model: ReportModel): Record<string, string> {
  const known = (key: string) => model.figures[key]?.current.state === 'known'
  const named = (parts: [string, boolean][], none: string) => {
    const shown = parts.filter(([, has]) => has).map(([word]) => word)
    return shown.length ? sentenceCase(listText(shown)) : none
  }
  return {
    herkomst_en_regeling: named([
      ['herkomst', known('meldingen.intern') || known('meldingen.extern')],
      ['regeling', model.breakdowns['meldingen.regeling'].rows.some((r) => r.current.state === 'known')],
    ], 'Herkomst en regeling'),
    adviesvragen_en_signalen: named([['adviesvragen', known('meldingen.adviesvragen')], ['signalen', known('meldingen.signalen')]], 'Berichten aan het meldpunt'),
  }
}

type Filter = (f: Figure, arg: string | undefined) => string

const known = (f: Figure) => (f.current.state === 'known' ? f.current.value! : undefined)

/**
 * Filters turn a figure into words: {{ meldingen.totaal | verschil }}.
 * A gap stays a gap: "onbekend" or "–", never 0.
 */
export const FILTERS: Record<string, Filter> = {
  waarde: (f) => pointText(f.current, f.unit).replace(/\*$/, ''),
  vorig: (f) => pointText(f.previous, f.unit).replace(/\*$/, ''),
  verschil: (f) => (f.change.kind === 'value' ? (f.unit === 'aantal' || f.unit === 'uren' ? signed(f.change.absolute) : changeText(f.change, f.unit)) : changeText(f.change)),
  verschil_procent: (f) => (f.change.kind === 'value' && f.change.percent !== null ? `${f.change.percent > 0 ? '+' : ''}${percent(f.change.percent / 100)}` : 'niet te berekenen'),
  trend: (f) => trendWord(f.change),
  aandeel: (f) => (f.share === null ? 'onbekend' : percent(f.share)),
  bereik: (f) => (f.before ? rangeText(f.before) : 'onbekend'),
  gemiddelde: (f) => (f.before ? number(Math.round(f.before.average * 10) / 10) : 'onbekend'),
  hoogste: (f) => (f.before ? number(f.before.max) : 'onbekend'),
  laagste: (f) => (f.before ? number(f.before.min) : 'onbekend'),
  meervoud: (f, arg) => { const v = known(f); return v === undefined ? 'onbekend' : plural(v, arg ?? 'melding') },
  // Counts up to twenty in words, as Dutch running text writes them ("drie meldingen", "geen meldingen"); other units as figures.
  woorden: (f, arg) => {
    const v = known(f)
    if (v === undefined) return 'onbekend'
    if (f.unit !== 'aantal') return valueIn(f.unit, v)
    return arg === undefined ? countWord(v) : countedWords(v, arg)
  },
  euro: (f) => { const v = known(f); return v === undefined ? 'onbekend' : valueIn('euro', v) },
  procent: (f) => { const v = known(f); return v === undefined ? 'onbekend' : valueIn('procent', v) },
  uren: (f) => { const v = known(f); return v === undefined ? 'onbekend' : valueIn('uren', v) },
}
