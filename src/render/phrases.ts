import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { VFile } from 'vfile'
import type { Figure, ReportModel } from '../aggregate/model.js'
import { comparable } from '../aggregate/series.js'
import { emit } from '../diagnostics/emit.js'
import { listValues, suggest } from '../diagnostics/suggest.js'
import { fixedFigures } from '../domain/figures.js'
import { amountText, countedWords, countWord, dateText, flatParentheses, listText, number, organisationInText, percent, plural, sentenceCase, valueIn, yearsText } from '../format/nl.js'
import type { Boundary } from '../load/inside.js'
import { readText } from '../load/read.js'
import { locate, parseYaml, type YamlSource } from '../load/yaml.js'
import { reportSchemaErrors } from '../validate/schema-messages.js'
import { validators } from '../validate/schemas.js'
import type { Point } from '../domain/series.js'

// The sentences the report writes itself live in templates/zinnen.yaml, so a
// coördinator can reword them. A sentence has variants; which one is said
// follows from the state of its figure (known, unknown, absent, partial year,
// series break, zero), never from special cases in code. A variant that is
// not written falls back along a fixed chain, and a slot ({vorig}) may only
// appear in a variant when every state that reaches it has that value: so a
// sentence never says "onbekend" where a number belongs.

export type PhraseKind = 'vergelijking' | 'eerdere-jaren'

export interface Phrase {
  name: string
  kind: PhraseKind
  figure: string
  singular: string | undefined
  pluralForm: string | undefined
  variants: Record<string, string>
}

export type PhraseBook = ReadonlyMap<string, Phrase>

/** A state of a figure: the variants tried in order, and the slots that have a value. */
interface Situation { chain: readonly string[]; slots: readonly string[]; says: string }

const COMPARISON_BASE: Record<string, Situation> = {
  onbekend: { chain: ['onbekend'], slots: [], says: 'het cijfer van dit jaar onbekend is' },
  geen_vorig: { chain: ['geen_vorig', 'bekend'], slots: ['waarde', 'aandeel'], says: 'over het vorige jaar niets is vastgelegd' },
  vorig_onbekend: { chain: ['vorig_onbekend', 'bekend'], slots: ['waarde', 'aandeel'], says: 'het cijfer van het vorige jaar onbekend is' },
  niet_vergelijkbaar: { chain: ['niet_vergelijkbaar', 'bekend'], slots: ['waarde', 'aandeel', 'vorig', 'reden', 'vanaf'], says: 'het cijfer sinds het vorige jaar anders wordt geteld' },
  deeljaar: { chain: ['deeljaar', 'vergeleken', 'bekend'], slots: ['waarde', 'aandeel', 'vorig'], says: 'de twee jaren niet over hetzelfde deel van het jaar gaan' },
  gelijk: { chain: ['gelijk', 'vergeleken', 'bekend'], slots: ['waarde', 'aandeel', 'vorig'], says: 'het cijfer gelijk bleef' },
  gestegen: { chain: ['gestegen', 'veranderd', 'vergeleken', 'bekend'], slots: ['waarde', 'aandeel', 'vorig', 'verschil', 'procent'], says: 'het cijfer steeg' },
  van_nul: { chain: ['van_nul', 'gestegen_zonder_procent', 'gestegen', 'veranderd', 'vergeleken', 'bekend'], slots: ['waarde', 'aandeel', 'vorig', 'verschil'], says: 'het cijfer steeg vanaf 0' },
  // Below the project's base (vergelijking.procent_vanaf) a change is said in numbers only.
  gestegen_zonder_procent: { chain: ['gestegen_zonder_procent', 'gestegen', 'veranderd', 'vergeleken', 'bekend'], slots: ['waarde', 'aandeel', 'vorig', 'verschil'], says: 'het cijfer steeg vanaf minder dan vergelijking.procent_vanaf' },
  gedaald: { chain: ['gedaald', 'veranderd', 'vergeleken', 'bekend'], slots: ['waarde', 'aandeel', 'vorig', 'verschil', 'procent'], says: 'het cijfer daalde' },
  gedaald_zonder_procent: { chain: ['gedaald_zonder_procent', 'gedaald', 'veranderd', 'vergeleken', 'bekend'], slots: ['waarde', 'aandeel', 'vorig', 'verschil'], says: 'het cijfer daalde vanaf minder dan vergelijking.procent_vanaf' },
  // A report over several years whose earlier year has no figure: the sentence must not read as if it spoke of the whole period.
  periode_geen_vorig: { chain: ['geen_vorig', 'deel_periode', 'bekend'], slots: ['waarde', 'aandeel'], says: 'in een verslag over meer jaren alleen het laatste jaar een cijfer heeft' },
  periode_vorig_onbekend: { chain: ['vorig_onbekend', 'deel_periode', 'bekend'], slots: ['waarde', 'aandeel'], says: 'in een verslag over meer jaren alleen het laatste jaar een cijfer heeft' },
}

/** A zero this year is said first by the variant 'nul' ("geen meldingen"), else as the state it is in. */
const withZero = (s: Situation): Situation => ({ chain: ['nul', ...s.chain], slots: s.slots, says: `${s.says} en dit jaar 0 is` })
const ZERO_CAN = ['geen_vorig', 'vorig_onbekend', 'periode_geen_vorig', 'periode_vorig_onbekend', 'niet_vergelijkbaar', 'deeljaar', 'gelijk', 'gedaald', 'gedaald_zonder_procent']

const SITUATIONS: Record<PhraseKind, Record<string, Situation>> = {
  vergelijking: {
    ...COMPARISON_BASE,
    ...Object.fromEntries(ZERO_CAN.map((k) => [`${k}+nul`, withZero(COMPARISON_BASE[k]!)])),
  },
  'eerdere-jaren': {
    een_jaar: { chain: ['een_jaar'], slots: ['jaren', 'waarde'], says: 'er één eerder jaar bekend is' },
    steeds: { chain: ['steeds'], slots: ['jaren', 'aantal_jaren', 'waarde'], says: 'het cijfer in de eerdere jaren steeds gelijk was' },
    twee_jaren: { chain: ['twee_jaren', 'bereik'], slots: ['jaren', 'aantal_jaren', 'laagste', 'hoogste', 'gemiddelde', 'per_jaar'], says: 'er twee eerdere jaren bekend zijn met een verschillend cijfer' },
    bereik: { chain: ['bereik'], slots: ['jaren', 'aantal_jaren', 'laagste', 'hoogste', 'gemiddelde'], says: 'het cijfer in de eerdere jaren verschilde' },
  },
}

/** Slots every variant has. */
const ALWAYS = ['jaar', 'vorig_jaar', 'organisatie']
const ALL_SLOTS = [...new Set([...ALWAYS, ...Object.values(SITUATIONS).flatMap((k) => Object.values(k).flatMap((s) => s.slots))])]

/** The variant names of a kind of sentence, in the order the documentation lists them. */
export const variantNames = (kind: PhraseKind): string[] =>
  [...new Set(Object.values(SITUATIONS[kind]).flatMap((s) => s.chain))]

const SLOT = /\{([^{}]*)\}/g
const CHOICE = /\[([^[\]|]*)\|([^[\]|]*)\]/g

export const PHRASE_FILE = 'zinnen.yaml'

/**
 * The phrase book: the tool's own sentences, each replaced by a sentence of
 * the same name from the project's templates/zinnen.yaml when it has one.
 */
export function loadPhrases(defaultDir: string, projectDir: string, boundary: Boundary): { phrases: Map<string, Phrase>; files: VFile[] } {
  const phrases = new Map<string, Phrase>()
  const files: VFile[] = []
  const paths = [join(defaultDir, PHRASE_FILE), join(projectDir, PHRASE_FILE)]
  for (const path of [...new Set(paths)].filter((p) => existsSync(p))) {
    const file = readText(path, boundary)
    files.push(file)
    const source = parseYaml(file)
    if (!source) continue
    const validate = validators().zinnen
    if (!validate(source.value)) {
      reportSchemaErrors(source, validate.errors ?? [])
      continue
    }
    for (const phrase of readPhrases(source)) phrases.set(phrase.name, phrase)
  }
  return { phrases, files }
}

interface RawPhrase { cijfer: string; soort?: PhraseKind; woord?: string; meervoud?: string; varianten: Record<string, string> }

function readPhrases(source: YamlSource): Phrase[] {
  const out: Phrase[] = []
  for (const [name, raw] of Object.entries((source.value ?? {}) as Record<string, RawPhrase>)) {
    const kind = raw.soort ?? 'vergelijking'
    const before = source.file.messages.length
    const figure = raw.cijfer
    if (!(figure in fixedFigures()) && !figure.startsWith('kengetallen.')) {
      const known = Object.keys(fixedFigures())
      emit(source.file, 'zinnen-cijfer-onbekend', { name: figure, suggestion: suggest(figure, known), allowed: listValues(known, 40) }, locate(source, [name, 'cijfer']))
    }
    checkVariants(source, name, kind, raw.varianten)
    if (source.file.messages.length === before) {
      out.push({ name, kind, figure, singular: raw.woord, pluralForm: raw.meervoud, variants: raw.varianten })
    }
  }
  return out
}

/** Which situations say a variant, given the variants that are written. */
function reachedBy(kind: PhraseKind, written: readonly string[], variant: string): Situation[] {
  return Object.values(SITUATIONS[kind]).filter((s) => s.chain.find((v) => written.includes(v)) === variant)
}

function checkVariants(source: YamlSource, name: string, kind: PhraseKind, variants: Record<string, string>): void {
  const allowed = variantNames(kind)
  const written = Object.keys(variants)
  for (const [variant, text] of Object.entries(variants)) {
    const place = locate(source, [name, 'varianten', variant])
    if (!allowed.includes(variant)) {
      emit(source.file, 'zinnen-variant-onbekend', { phrase: name, variant, kind, suggestion: suggest(variant, allowed), allowed: listValues(allowed, 20) }, locate(source, [name, 'varianten', variant], 'key'))
      continue
    }
    const situations = reachedBy(kind, written, variant)
    for (const [, slot = ''] of text.matchAll(SLOT)) {
      if (!ALL_SLOTS.includes(slot)) {
        emit(source.file, 'zinnen-plek-onbekend', { phrase: name, variant, slot, suggestion: suggest(slot, ALL_SLOTS), allowed: listValues(ALL_SLOTS.map((s) => `{${s}}`), 20) }, place)
        continue
      }
      const missing = situations.find((s) => !ALWAYS.includes(slot) && !s.slots.includes(slot))
      if (missing) {
        const own = missing.chain[0]!
        emit(source.file, 'zinnen-plek-niet-beschikbaar', { phrase: name, variant, slot, when: missing.says, own }, place)
      }
    }
  }
}

/** A sentence said about the report: the text, and whether it tells a figure (not only that it is unknown). */
export interface Said { text: string; tellsFigure: boolean }

/** The year as a sentence says it, with the part of the year when the figures do not cover all of it. */
function yearLabel(model: ReportModel, year: number): string {
  const until = model.partialYears[year]
  return until ? `${year} (tot en met ${dateText(until).replace(/ \d{4}$/, '')})` : String(year)
}

const isZero = (p: Point) => p.state === 'known' && p.value === 0

/** Whether the year before this one lies inside the report's own period (2021 of a report over 2021/2022). */
const previousInPeriod = (f: Figure, model: ReportModel) => model.period.years.includes(f.previous.year)

function comparisonSituation(f: Figure, model: ReportModel): string | undefined {
  const { current, previous, change } = f
  if (current.state === 'absent') return undefined
  if (current.state === 'unknown') return 'onbekend'
  let key: string
  if (change.kind === 'not-comparable' && previous.state !== 'known') key = 'vorig_onbekend'
  else if (change.kind === 'not-comparable') key = change.because === 'partial' ? 'deeljaar' : 'niet_vergelijkbaar'
  else if (previous.state === 'absent') key = 'geen_vorig'
  else if (previous.state === 'unknown') key = 'vorig_onbekend'
  else if (current.value === previous.value) key = 'gelijk'
  else if (current.value! > previous.value!) key = previous.value === 0 ? 'van_nul' : change.kind === 'value' && change.percent === null ? 'gestegen_zonder_procent' : 'gestegen'
  else key = change.kind === 'value' && change.percent === null ? 'gedaald_zonder_procent' : 'gedaald'
  if ((key === 'geen_vorig' || key === 'vorig_onbekend') && previousInPeriod(f, model)) key = `periode_${key}`
  return isZero(current) && ZERO_CAN.includes(key) ? `${key}+nul` : key
}

/** The comparable, known, whole years before the previous one: what "the years before" means in a sentence. */
function earlierPoints(f: Figure): (Point & { value: number })[] {
  return f.window.slice(0, -2).filter((p): p is Point & { value: number } => p.state === 'known' && !p.partial && comparable(p, f.current))
}

function earlierSituation(f: Figure): string | undefined {
  // "The years before" only follows a sentence about this year's figure.
  if (f.current.state !== 'known') return undefined
  const points = earlierPoints(f)
  if (points.length === 0) return undefined
  if (points.length === 1) return 'een_jaar'
  if (points.every((p) => p.value === points[0]!.value)) return 'steeds'
  // Two numbers are said as they are, not as a range.
  return points.length === 2 ? 'twee_jaren' : 'bereik'
}

/**
 * The years between the first and last earlier year that the sentence leaves
 * out, said as such: " (over 2020 is niets bekend)", so a list of years never
 * hides a gap.
 */
function gapText(f: Figure, years: readonly number[]): string {
  const inside = f.window.filter((p) => p.year > years[0]! && p.year < years.at(-1)! && !years.includes(p.year))
  const unknown = inside.filter((p) => p.state !== 'known').map((p) => p.year)
  const partial = inside.filter((p) => p.state === 'known' && p.partial).map((p) => p.year)
  const notes = [
    ...(unknown.length ? [`over ${listText(unknown.map(String))} is niets bekend`] : []),
    ...(partial.length ? [`de cijfers over ${listText(partial.map(String))} beslaan maar een deel van het jaar`] : []),
  ]
  return notes.length ? ` (${notes.join('; ')})` : ''
}

/**
 * The years a sentence about an unknown figure speaks of: in a report over
 * several years, every year of the period up to this one without a figure
 * ("Over 2021 en 2022 is … niet bekend"), not only the last.
 */
function unknownYears(f: Figure, model: ReportModel): string {
  const years = [f.current.year]
  for (const p of [...f.years].reverse().slice(1)) {
    if (p.state === 'known') break
    years.unshift(p.year)
  }
  return years.length === 1 ? yearLabel(model, f.current.year) : yearsText(years)
}

/** The variant of a phrase that is said about the report, and the state of its figure; undefined when it is left out. */
function choose(phrase: Phrase, model: ReportModel): { f: Figure; situation: Situation; variant: string } | undefined {
  const f = model.figures[phrase.figure]
  if (!f) return undefined
  const key = phrase.kind === 'vergelijking' ? comparisonSituation(f, model) : earlierSituation(f)
  if (!key) return undefined
  const situation = SITUATIONS[phrase.kind][key]!
  const variant = situation.chain.find((v) => v in phrase.variants)
  return variant ? { f, situation, variant } : undefined
}

/**
 * Say one sentence of the phrase book about the report; undefined when it is left out. The book holds the
 * sentence on this year's figure that a sentence on the earlier years goes on from.
 */
export function say(phrase: Phrase, model: ReportModel, book: PhraseBook = new Map()): Said | undefined {
  const chosen = choose(phrase, model)
  if (!chosen) return undefined
  const { f, situation, variant } = chosen
  const fill = (inWords: boolean) => {
    const values = slotValues(phrase, f, model, inWords)
    let complete = true
    const filled = phrase.variants[variant]!
      .replace(CHOICE, (_all, one: string, more: string) => (f.current.value === 1 ? one : more))
      .replace(SLOT, (_all, slot: string) => {
        const value = values[slot]?.()
        if (value === undefined) complete = false
        return value ?? ''
      })
    return complete ? flatParentheses(sentenceCase(filled.trim())) : undefined
  }
  // A sentence that compares keeps its counts in digits, unless two numbers would then stand side by side
  // ("in 2024 3 nieuwe meldingen", read as one): then it too writes its small counts in words.
  const digits = compares(phrase, variant, model, book) ? fill(false) : undefined
  const text = digits === undefined || SIDE_BY_SIDE.test(digits) ? fill(true) : digits
  return text === undefined ? undefined : { text, tellsFigure: situation.slots.includes('waarde') }
}

/** A number directly followed by another: "2024 3". */
export const SIDE_BY_SIDE = /(?<![\d.,])\d+(?:[.,]\d+)*\s+\d/

/** The slots that say a count of the figure ({aantal_jaren} counts years, not the figure), and how many each says. */
const COUNT_SLOTS: Record<string, number> = { waarde: 1, vorig: 1, verschil: 1, laagste: 1, hoogste: 1, gemiddelde: 1, per_jaar: 2 }

/**
 * Whether a sentence compares figures, and so writes its counts in digits: Dutch running text writes a count up to
 * twenty in words ("Op één melding volgde een maatregel"), but figures set against each other stay figures, all
 * alike ("9 meldingen, tegen 12 in 2023", "(2023: 7)", "tussen 5 en 9"). A single count over twenty is a figure by
 * itself. A sentence on the earlier years with one count ("In 2022 waren het er …") goes on from the sentence on
 * this year's figure, and writes it as that one does.
 */
function compares(phrase: Phrase, variant: string, model: ReportModel, book: PhraseBook): boolean {
  const counts = [...phrase.variants[variant]!.matchAll(SLOT)].reduce((n, [, slot = '']) => n + (COUNT_SLOTS[slot] ?? 0), 0)
  if (counts > 1 || phrase.kind === 'vergelijking') return counts > 1
  const before = [...book.values()].find((p) => p.kind === 'vergelijking' && p.figure === phrase.figure)
  const said = before && choose(before, model)
  return !before || !said || compares(before, said.variant, model, book)
}

function slotValues(phrase: Phrase, f: Figure, model: ReportModel, inWords = false): Record<string, () => string | undefined> {
  const value = (n: number) => (f.unit !== 'aantal' ? valueIn(f.unit, n) : inWords ? countWord(n) : number(n))
  const counted = (n: number) => {
    if (f.unit !== 'aantal' || !phrase.singular) return value(n)
    // None is "geen meldingen", in digits too.
    return inWords || n === 0 ? countedWords(n, phrase.singular, phrase.pluralForm) : plural(n, phrase.singular, phrase.pluralForm)
  }
  const change = f.change.kind === 'value' ? f.change : undefined
  const brk = f.change.kind === 'not-comparable' && f.change.because === 'break' ? f.change.break : undefined
  const earlier = earlierPoints(f).map((p) => p.value)
  const years = earlierPoints(f).map((p) => p.year)
  const known = (p: Point) => (p.state === 'known' ? p.value! : undefined)
  const ifKnown = <T>(v: T | undefined, fn: (v: T) => string) => (v === undefined ? undefined : fn(v))
  return {
    jaar: () => (f.current.state === 'known' ? yearLabel(model, f.current.year) : unknownYears(f, model)),
    vorig_jaar: () => yearLabel(model, f.previous.year),
    organisatie: () => organisationInText(model.organisation),
    waarde: () => (phrase.kind === 'eerdere-jaren' ? ifKnown(earlier[0], value) : ifKnown(known(f.current), counted)),
    vorig: () => ifKnown(known(f.previous), value),
    aandeel: () => ifKnown(f.share ?? undefined, percent),
    verschil: () => ifKnown(change?.absolute, (n) => (inWords && f.unit === 'aantal' ? countWord(Math.abs(n)) : amountText(n, f.unit))),
    procent: () => ifKnown(change?.percent ?? undefined, (n) => percent(Math.abs(n) / 100)),
    reden: () => brk?.reason.trim().replace(/\.$/, ''),
    vanaf: () => ifKnown(brk?.from, String),
    jaren: () => (years.length ? `${yearsText(years)}${gapText(f, years)}` : undefined),
    per_jaar: () => listText(earlierPoints(f).map((p) => `${value(p.value)} in ${p.year}`)),
    aantal_jaren: () => countWord(years.length),
    laagste: () => (earlier.length ? value(Math.min(...earlier)) : undefined),
    hoogste: () => (earlier.length ? value(Math.max(...earlier)) : undefined),
    gemiddelde: () => (earlier.length ? value(Math.round((earlier.reduce((a, b) => a + b, 0) / earlier.length) * 10) / 10) : undefined),
  }
}
