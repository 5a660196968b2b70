import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'

// The phrase rules a copy editor reads a report by, as checks over text:
// each returns what it found, so a failing test quotes the words.

const text = (node: Element) => toString(node).replace(/\s+/g, ' ').trim()

/** Sentences of a text, and their clauses: split after . ! ? before a capital or a digit, and after ; */
export const sentences = (s: string): string[] => s.split(/(?<=[.!?])\s+(?=[\p{Lu}\d])|;\s+/u).map((x) => x.trim().replace(/[.!?]$/, '')).filter(Boolean)

/** A sentence (or clause) said twice in one paragraph or caption, or in two paragraphs in a row. */
export function repeatedSentences(blocks: readonly string[]): string[] {
  const found: string[] = []
  blocks.forEach((block, i) => {
    const own = sentences(block).map((s) => s.toLowerCase())
    const before = i > 0 ? sentences(blocks[i - 1]!).map((s) => s.toLowerCase()) : []
    own.forEach((s, k) => {
      if (s.split(' ').length >= 4 && (own.indexOf(s) < k || before.includes(s))) found.push(s)
    })
  })
  return found
}

/** A parenthesis inside another; "(voor)onderzoeken" is part of a word, not an aside. */
export function nestedParentheses(s: string): string | undefined {
  const asides = s.replace(/\((?=[\p{L}]+\)[\p{L}])/gu, '').replace(/(?<=\(\p{L}+)\)(?=\p{L})/gu, '')
  let depth = 0
  for (const ch of asides) {
    if (ch === '(' && ++depth > 1) return s
    if (ch === ')') depth = Math.max(0, depth - 1)
  }
  return undefined
}

/** Two numbers side by side, read as one: "in 2024 3 nieuwe meldingen". */
export const SIDE_BY_SIDE = /(?<![\d.,])\d+(?:[.,]\d+)*\s+\d/

/** Words after a numeral that make it no count in words: a date, a unit of measure. */
const NOT_A_COUNT = new Set(['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december', 'uur', 'procent', 'procentpunt', 'procentpunten', 'euro', '%'])

/** Words before a numeral that make it a name, not a count: "artikel 3 van de wet", "hoofdstuk 4". */
const REFERENCE = new Set(['artikel', 'art.', 'lid', 'hoofdstuk', 'paragraaf', 'bijlage', 'pagina', 'blz.', 'figuur', 'tabel', 'nummer', 'nr.', 'versie', 'week', 'fase', 'niveau', 'schaal', '€'])

/** Lowercase words with the punctuation around them left off; a number is '#'. */
const tokens = (s: string): string[] => s.toLowerCase().split(/\s+/).map((w) => w.replace(/^[("'“‘*_]+|[)"'”’*_.,;:!?]+$/g, '')).filter(Boolean)

/**
 * The places in a coördinator's own text (Markdown sources) where a number
 * stands, typed or filled in by {{ … }}: the word before and the word after,
 * "er # functionarissen".
 */
export function numberPlaces(sources: readonly string[]): Set<string> {
  const places = new Set<string>()
  for (const source of sources) {
    const words = tokens(source.replace(/\{\{[^{}]*\}\}/g, ' # ').replace(/(?<![\p{L}\d.,])\d{1,2}(?![.,]?\d)/gu, ' # '))
    words.forEach((w, i) => { if (w === '#') places.add(`${words[i - 1] ?? ''} # ${words[i + 1] ?? ''}`) })
  }
  return places
}

/**
 * A count up to twenty written in digits where the coördinator's own text
 * (its `places`, see numberPlaces) puts a number: Dutch running text writes
 * "twee functionarissen", not "2 functionarissen". The tool's own sentences
 * compare counts in digits ("3 meldingen, tegen 1 in 2023") and are not read;
 * a date ("3 december"), a unit ("5 uur", "12 procent") or a name ("artikel 3")
 * is no count.
 */
export function smallCountsInDigits(text: string, places: ReadonlySet<string>): string[] {
  const words = tokens(text)
  return words.flatMap((w, i) => {
    if (!/^\d{1,2}$/.test(w) || Number(w) > 20) return []
    const [before = '', after = ''] = [words[i - 1], words[i + 1]]
    if (NOT_A_COUNT.has(after) || REFERENCE.has(before) || !/^\p{Ll}/u.test(after)) return []
    return places.has(`${before} # ${after}`) ? [`${before} ${w} ${after}`] : []
  })
}

/** A capital after a colon where a sentence goes on: "MTO: Het onderzoek …" (an abbreviation keeps its capitals). */
export const CAPITAL_AFTER_COLON = /:\s\p{Lu}\p{Ll}+(?!\p{Lu})\b/u

/** A caption whose description starts with its title again: "Stand van zaken. Stand van zaken aan het einde …". */
export function captionRepeatsTitle(title: string, description: string): boolean {
  // Compared by their words that carry meaning: "Uren van de vertrouwenspersonen per activiteit" repeats
  // "Uren vertrouwenspersonen per activiteit", "Meldingen 2024 naar herkomst" repeats "Meldingen naar herkomst".
  const words = (s: string) => s.toLowerCase().replace(/\([^()]*\)/g, '').split(/[^\p{L}]+/u).filter((w) => w.length > 0 && !SMALL_WORDS.has(w))
  const lead = words(title)
  const said = words(description)
  return lead.length > 0 && lead.every((w, i) => said[i] === w)
}

const SMALL_WORDS = new Set(['de', 'het', 'een', 'van', 'bij', 'per', 'in', 'en', 'naar', 'tot', 'aan', 'op', 'met'])

export interface Reading { rule: string; text: string }

/**
 * What a copy editor would mark on a report's page: the running text of
 * <main> (paragraphs, list items, headings, chart captions; not the tables'
 * cells), table captions, and every cell for nested parentheses. `latest` is
 * the last year the report may speak of (its own year, and the next for
 * its ambitions).
 */
export function readPage(html: string, latest: number): Reading[] {
  const tree: Root = fromHtml(html)
  const out: Reading[] = []
  let main: Element | undefined
  visit(tree, 'element', (n: Element) => { if (n.tagName === 'main') { main = n; return false } return undefined })
  if (!main) return [{ rule: 'geen <main>', text: '' }]
  const blocks: string[] = []
  visit(main, 'element', (node: Element) => {
    // The source line and the source notes (.bron) name a publication in its own words, capitals and years.
    if (['style', 'svg', 'details', 'footer'].includes(node.tagName) || (node.properties.className as string[] | undefined)?.includes('bron')) return 'skip'
    if (['td', 'th', 'caption'].includes(node.tagName)) {
      const t = text(node)
      if (nestedParentheses(t)) out.push({ rule: 'haakjes binnen haakjes', text: t })
      if (node.tagName === 'caption' && /(\d{4}, ){4,}/.test(t)) out.push({ rule: 'bijschrift somt jaren op', text: t })
      return 'skip'
    }
    if (!['p', 'li', 'figcaption', 'h2', 'h3', 'h4'].includes(node.tagName)) return undefined
    const t = text(node)
    blocks.push(t)
    if (nestedParentheses(t)) out.push({ rule: 'haakjes binnen haakjes', text: t })
    if (SIDE_BY_SIDE.test(t)) out.push({ rule: 'twee getallen naast elkaar', text: t })
    if (CAPITAL_AFTER_COLON.test(t)) out.push({ rule: 'hoofdletter na dubbele punt', text: t })
    const later = [...t.matchAll(/\b(?:19|20)\d\d\b/g)].map((m) => Number(m[0])).filter((y) => y > latest)
    if (later.length) out.push({ rule: `jaar na het verslag (${later[0]})`, text: t })
    if (node.tagName === 'figcaption') {
      const [title, description] = node.children.filter((c): c is Element => c.type === 'element').map(text)
      if (title && description && captionRepeatsTitle(title, description)) out.push({ rule: 'bijschrift herhaalt de titel', text: t })
    }
    return 'skip'
  })
  for (const s of repeatedSentences(blocks)) out.push({ rule: 'zin herhaald', text: s })
  return out
}

/** A sentence of the tool's phrase book, as a pattern to find it on a page by. */
export interface ToolSentence { name: string; variant: string; counts: number; earlier: boolean; pattern: RegExp; slots: string[]; literal: number }

/** The slots of the phrase book that say a count of the figure ({aantal_jaren} says how many years, no figure); {per_jaar} says several. */
const COUNT_SLOTS = new Set(['waarde', 'vorig', 'verschil', 'laagste', 'hoogste', 'gemiddelde', 'per_jaar'])

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\.(?=\s|$)/g, '\\.(?!\\d)')

/** The tool's own sentences (its phrase book's variants) as patterns, their slots as wildcards. */
export function toolSentences(book: Iterable<{ name: string; kind: string; variants: Record<string, string> }>): ToolSentence[] {
  const out: ToolSentence[] = []
  for (const phrase of book) {
    for (const [variant, text] of Object.entries(phrase.variants)) {
      const slots: string[] = []
      let literal = 0
      const source = text.trim().split(/(\{[^{}]*\}|\[[^[\]|]*\|[^[\]|]*\])/).map((part) => {
        const slot = /^\{(.*)\}$/.exec(part)?.[1]
        // A slot holds no end of a sentence: a pattern never reaches into the next.
        if (slot !== undefined) { slots.push(slot); return '((?:(?!\\.\\s+\\p{Lu}).)+?)' }
        const choice = /^\[(.*)\|(.*)\]$/.exec(part)
        if (choice) return `(?:${escape(choice[1]!)}|${escape(choice[2]!)})`
        literal += part.length
        return escape(part)
      }).join('')
      const counts = slots.filter((s) => COUNT_SLOTS.has(s)).length + slots.filter((s) => s === 'per_jaar').length
      out.push({ name: phrase.name, variant, counts, earlier: phrase.kind === 'eerdere-jaren', pattern: new RegExp(source, 'gu'), slots, literal })
    }
  }
  return out
}

/** A number in a slot that is a count: not an amount ("€ 2.500"), hours or a percentage. */
const COUNT_IN_SLOT = /(?<![€\d.,]\s?)\d+(?:\.\d{3})*(?:,\d+)?(?![.,]?\d)(?!\s?(?:%|uur\b|procent))/gu

/**
 * The counts up to twenty that the tool's own sentences in a text write in
 * digits where Dutch running text writes words ("Op één melding volgde een
 * maatregel", not "Op 1 melding"): in a sentence that compares no figures and
 * has no count over twenty. A sentence that compares, saying more than one
 * count ("tegen {vorig} in {vorig_jaar}", "({vorig_jaar}: {vorig})"), keeps
 * them all in digits; so does one on the earlier years ("In 2022 waren het
 * er 7") after a sentence that compares, as it goes on comparing. Each
 * sentence is read as the variant that explains most of its words.
 */
export function smallCountsInToolText(text: string, sentences: readonly ToolSentence[]): string[] {
  const found = new Map<number, { said: ToolSentence; match: RegExpExecArray }>()
  for (const said of sentences) {
    for (const match of text.matchAll(said.pattern)) {
      const best = found.get(match.index)
      if (!best || best.said.literal < said.literal) found.set(match.index, { said, match })
    }
  }
  let before = false
  return [...found].sort(([a], [b]) => a - b).flatMap(([, { said, match }]) => {
    const compares = said.counts > 1 || (said.earlier && before)
    before = compares
    if (compares) return []
    const counts = said.slots.flatMap((slot, i) => (COUNT_SLOTS.has(slot) ? [...match[i + 1]!.matchAll(COUNT_IN_SLOT)].map((m) => Number(m[0].replace(/\./g, '').replace(',', '.'))) : []))
    return counts.length > 0 && counts.every((n) => n <= 20) ? [`${said.name}.${said.variant}: ${match[0]}`] : []
  })
}
