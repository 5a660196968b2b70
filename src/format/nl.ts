import type { Unit } from '../domain/figures.js'
import type { Change, Point, Range } from '../domain/series.js'

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

/** A fixed number of decimals, for measurements: fixed(4.5, 2) → "4,50", fixed(1234.56, 1) → "1.234,6". */
export function fixed(n: number, digits: number): string {
  return new Intl.NumberFormat('nl-NL', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n).replace('-', MINUS)
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

/** 'melding' → 'meldingen', 'casus' → 'casussen' */
export const pluralOf = (singular: string): string => PLURALS[singular] ?? `${singular}en`

/** (1, 'melding') → "1 melding"; (2, 'melding') → "2 meldingen" */
export function plural(n: number, singular: string, pluralForm = pluralOf(singular)): string {
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

/** A table cell without a figure, whether not registered or recorded as unknown: one sign, explained under the table. */
export const GAP = '–'

/** A point as table cell text: a gap is "–", never 0. */
export function pointText(p: Point, unit: Unit = 'aantal'): string {
  if (p.state !== 'known') return GAP
  const text = unit === 'uren' ? number(p.value!) : valueIn(unit, p.value!)
  return p.partial ? `${text}*` : text
}

export function trendWord(change: Change): string {
  if (change.kind === 'not-comparable') return 'niet vergelijkbaar'
  if (change.kind !== 'value') return change.kind === 'unknown' ? 'niet te vergelijken' : 'geen vorig jaar'
  return change.absolute > 0 ? 'stijging' : change.absolute < 0 ? 'daling' : 'gelijk gebleven'
}

/** "+8 (+80%)", "−3 (−30%)", "0", "+4 procentpunten"; no percentage when the previous value was 0. */
export function changeText(change: Change, unit: Unit = 'aantal'): string {
  // Without a figure in one of the years there is no difference: the same sign as a missing figure.
  if (change.kind === 'no-previous' || change.kind === 'unknown') return GAP
  if (change.kind === 'not-comparable') return change.because === 'partial' ? 'niet vergelijkbaar (deel van het jaar)' : 'niet vergelijkbaar'
  if (change.absolute === 0) return '0'
  // A percentage moves in procentpunten: 27% → 31% is +4 procentpunten, not +14,8%.
  if (unit === 'procent') return `${change.absolute > 0 ? '+' : MINUS}${amountText(change.absolute, unit)}`
  const abs = unit === 'euro' ? (change.absolute > 0 ? '+' : '') + euro(change.absolute) : signed(change.absolute)
  const pct = change.percent === null ? '' : ` (${change.percent > 0 ? '+' : ''}${percent(change.percent / 100)})`
  return `${abs}${pct}`
}

/** "tussen 7 en 10", "steeds 10" */
export function rangeText(range: Range): string {
  return range.min === range.max ? `steeds ${number(range.min)}` : `tussen ${number(range.min)} en ${number(range.max)}`
}


/** A change without its sign, in the figure's unit: "3", "220 uur", "€ 5.000", "1 procentpunt", "5 procentpunten". */
export function amountText(n: number, unit: Unit): string {
  const size = Math.abs(n)
  switch (unit) {
    case 'procent': return plural(size, 'procentpunt')
    case 'euro': return euro(size)
    case 'uren': return hours(size)
    default: return number(size)
  }
}

const NUMBER_WORDS = ['nul', 'één', 'twee', 'drie', 'vier', 'vijf', 'zes', 'zeven', 'acht', 'negen', 'tien', 'elf', 'twaalf', 'dertien', 'veertien', 'vijftien', 'zestien', 'zeventien', 'achttien', 'negentien', 'twintig']

/** 4 → "vier" (as Dutch writes counts up to twenty in running text), 21 → "21". */
export const countWord = (n: number): string => NUMBER_WORDS[n] ?? number(n)

/**
 * A count with its word as Dutch running text writes it: (3, 'melding') → "drie meldingen", 1 → "één melding",
 * 0 → "geen meldingen", 25 → "25 meldingen".
 */
export function countedWords(n: number, singular: string, pluralForm = pluralOf(singular)): string {
  return n === 0 ? `geen ${pluralForm}` : `${countWord(n)} ${n === 1 ? singular : pluralForm}`
}

/** ["a", "b", "c"] → "a, b en c" */
export function listText(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`
}

/**
 * The years a caption covers, as a span when they are most of it: "2014 t/m 2024 (2015 onbekend)" rather than ten
 * years in a row; a few scattered years stay a list ("2016, 2018 en 2019").
 */
export function spanText(years: readonly number[]): string {
  const first = years[0]
  const last = years.at(-1)
  if (first === undefined || last === undefined) return ''
  const missing = Array.from({ length: last - first + 1 }, (_, i) => first + i).filter((y) => !years.includes(y))
  if (missing.length === 0 || years.length < 3 || missing.length >= years.length - 1) return yearsText(years)
  return `${first} t/m ${last} (${listText(missing.map(String))} onbekend)`
}

/**
 * A parenthesis inside another reads badly ("19 (2023 (tot en met 30 november): 19)"): the inner one becomes a
 * comma-separated aside, "(2023, tot en met 30 november: 19)".
 */
export function flatParentheses(text: string): string {
  const pairs: [number, number][] = []
  const open: number[] = []
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i)
    else if (text[i] === ')' && open.length > 0) pairs.push([open.pop()!, i])
  }
  // An aside inside another: after a space, not part of a word as "(voor)onderzoeken" is.
  const inner = pairs.filter(([a, b]) => /\s/.test(text[a - 1] ?? '') && !/[\p{L}\d]/u.test(text[b + 1] ?? '') && pairs.some(([c, d]) => c < a && d > b))
  let out = text
  for (const [a, b] of inner.sort((x, y) => y[0] - x[0])) out = `${out.slice(0, a).replace(/\s+$/, '')}, ${out.slice(a + 1, b)}${out.slice(b + 1)}`
  return out
}

/** Years as a reader says them: "2019 t/m 2022" when consecutive, else "2016, 2018 en 2019". */
export function yearsText(years: readonly number[]): string {
  const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1)
  return consecutive && years.length > 2 ? `${years[0]} t/m ${years.at(-1)}` : listText(years.map(String))
}

/** Kinds of organisation whose name is a common noun in running text: "de gemeente Huizen". */
const ORGANISATION_NOUNS = ['gemeente', 'provincie', 'waterschap', 'hoogheemraadschap', 'veiligheidsregio', 'omgevingsdienst', 'ggd', 'regio']

/** "Gemeente Huizen" → "de gemeente Huizen"; a bare name ("Huizen") stays as it is. */
export function organisationInText(name: string): string {
  const [first = '', ...rest] = name.trim().split(/\s+/)
  if (!ORGANISATION_NOUNS.includes(first.toLowerCase()) || rest.length === 0) return name.trim()
  const noun = first.toLowerCase() === 'ggd' ? 'GGD' : first.toLowerCase()
  return `de ${noun} ${rest.join(' ')}`
}

/**
 * A sentence as it continues after a colon, in lower case as Dutch writes it ("MTO: het onderzoek …"); a word that
 * is capitalised throughout or inside (an abbreviation, "MTO", "WhatsApp") keeps its capitals.
 */
export const afterColon = (s: string): string => (/^\p{Lu}[\p{Ll}\s]/u.test(s) && !/^\p{Lu}\p{Ll}*\p{Lu}/u.test(s) ? s.charAt(0).toLocaleLowerCase('nl-NL') + s.slice(1) : s)

/** The first letter of a sentence in capitals. */
export const sentenceCase = (s: string): string => s.charAt(0).toLocaleUpperCase('nl-NL') + s.slice(1)

/** "1 december 2020" */
export function dateText(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number)
  return new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y!, m! - 1, d!)))
}

/** A time limit: 60 → "60 seconden", 1 → "1 seconde", 0.5 → "0,5 seconde" (up to a millisecond). */
export function seconds(s: number): string {
  return `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 3 }).format(s)} ${s <= 1 ? 'seconde' : 'seconden'}`
}
