import type { Change } from '../aggregate/compare.js'
import type { Point, Range } from '../aggregate/series.js'
import type { Unit } from '../domain/figures.js'

// All Dutch number text goes through Intl with nl-NL, so 1.234 and 12,5% are
// written the same way in prose, tables, charts and open data descriptions.
const integer = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 })
const percentFmt = new Intl.NumberFormat('nl-NL', { style: 'percent', maximumFractionDigits: 1 })
const euroFmt = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })

const MINUS = '\u2212'

/** 1234 → "1.234"; fractions keep one decimal: 2.5 → "2,5". */
export function number(n: number): string {
  return (Number.isInteger(n) ? integer : decimal).format(n).replace('-', MINUS)
}

/** 0.125 → "12,5%" (a fraction, as shares are kept). */
export function percent(fraction: number): string {
  return percentFmt.format(fraction).replace(/\s/g, '').replace('-', MINUS)
}

/** 32000 → "€ 32.000" */
export function euro(n: number): string {
  return euroFmt.format(n).replace(/\s/g, '\u00a0').replace('-', MINUS)
}

/** 12 → "12 uur"; 1.5 → "1,5 uur" */
export const hours = (n: number): string => `${number(n)} uur`

/** +8, −3, 0 */
export function signed(n: number): string {
  if (n === 0) return '0'
  return n > 0 ? `+${number(n)}` : number(n)
}

/** Plural forms of the words the reports count. */
const PLURALS: Record<string, string> = {
  melding: 'meldingen', casus: 'casussen', uur: 'uur', adviesvraag: 'adviesvragen', signaal: 'signalen',
  onderzoek: 'onderzoeken', vermelding: 'vermeldingen', bericht: 'berichten', jaar: 'jaar', keer: 'keer',
  gesprek: 'gesprekken', workshop: 'workshops', deelnemer: 'deelnemers', medewerker: 'medewerkers',
}

/** (1, 'melding') → "1 melding"; (2, 'melding') → "2 meldingen" */
export function plural(n: number, singular: string, pluralForm = PLURALS[singular] ?? `${singular}en`): string {
  return `${number(n)} ${n === 1 ? singular : pluralForm}`
}

export function valueIn(unit: Unit, n: number): string {
  switch (unit) {
    case 'procent': return percent(n / 100)
    case 'euro': return euro(n)
    case 'uren': return hours(n)
    default: return number(n)
  }
}

/** A point as table cell text: a gap is "–" (ontbreekt) or "onbekend", never 0. */
export function pointText(p: Point, unit: Unit = 'aantal'): string {
  if (p.state === 'absent') return '–'
  if (p.state === 'unknown') return 'onbekend'
  const text = unit === 'uren' ? number(p.value!) : valueIn(unit, p.value!)
  return p.partial ? `${text}*` : text
}

export function trendWord(change: Change): string {
  if (change.kind === 'not-comparable') return 'niet vergelijkbaar'
  if (change.kind !== 'value') return change.kind === 'unknown' ? 'niet te vergelijken' : 'geen vorig jaar'
  return change.absolute > 0 ? 'stijging' : change.absolute < 0 ? 'daling' : 'gelijk gebleven'
}

/** "+8 (+80%)", "−3 (−30%)", "0", "nieuw" when the previous value was 0. */
export function changeText(change: Change, unit: Unit = 'aantal'): string {
  if (change.kind === 'no-previous') return 'geen vorig jaar'
  if (change.kind === 'unknown') return 'onbekend'
  if (change.kind === 'not-comparable') return 'niet vergelijkbaar'
  const abs = unit === 'euro' ? (change.absolute > 0 ? '+' : '') + euro(change.absolute) : signed(change.absolute)
  if (change.absolute === 0) return '0'
  const pct = change.percent === null ? '' : ` (${change.percent > 0 ? '+' : ''}${percent(change.percent / 100)})`
  return `${abs}${pct}`
}

/** "tussen 7 en 10", "steeds 10" */
export function rangeText(range: Range): string {
  return range.min === range.max ? `steeds ${number(range.min)}` : `tussen ${number(range.min)} en ${number(range.max)}`
}


/** "1 december 2020" */
export function dateText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y!, m! - 1, d!)))
}
