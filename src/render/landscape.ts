import type { Element, ElementContent, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { BODY_MARGIN_PT, PAGE_MARGIN_MM, PRINT_TEXT_PT } from './style.js'

/**
 * Advance widths of Noto Sans (regular, bold) in thousandths of an em, as
 * Chromium measures them; other characters count as the widest letters.
 */
const WIDTHS: Record<string, [number, number]> = {
  a: [561, 599], b: [615, 632], c: [480, 516], d: [615, 632], e: [564, 597], f: [344, 387], g: [615, 632], h: [618, 650], i: [258, 299],
  j: [258, 298], k: [534, 620], l: [258, 298], m: [935, 975], n: [618, 650], o: [605, 625], p: [615, 632], q: [615, 632], r: [413, 447],
  s: [479, 502], t: [361, 434], u: [618, 650], v: [508, 571], w: [786, 856], x: [529, 578], y: [510, 571], z: [470, 493],
  A: [639, 692], B: [650, 665], C: [632, 642], D: [730, 732], E: [556, 560], F: [519, 549], G: [728, 724], H: [741, 765], I: [339, 389],
  J: [273, 331], K: [619, 664], L: [524, 559], M: [907, 943], N: [760, 813], O: [781, 791], P: [605, 621], Q: [781, 791], R: [622, 656],
  S: [549, 551], T: [556, 577], U: [731, 756], V: [600, 650], W: [930, 967], X: [586, 670], Y: [566, 626], Z: [572, 579],
  ' ': [260, 260], '.': [268, 281], ',': [268, 285], '(': [300, 339], ')': [300, 339], '%': [831, 902], '–': [500, 500], '—': [1000, 1000],
  '−': [572, 581], '+': [572, 572], '/': [372, 415], ':': [268, 281], '*': [551, 542], '€': [572, 572], '&': [732, 750], '-': [322, 320],
  ';': [268, 285], "'": [225, 266], '"': [408, 479], '?': [434, 477], '!': [269, 282],
}
/** Every digit is as wide (tabular figures), in em. */
export const DIGIT_EM = 0.572
const DIGIT: [number, number] = [DIGIT_EM * 1000, DIGIT_EM * 1000]
const OTHER: [number, number] = [935, 975]

/** The text column of the print page (src/render/style.ts): A4 portrait less its margins, in points; cells are padded .5rem (6 pt) each side. */
const COLUMN = (210 - 2 * PAGE_MARGIN_MM.right) * 72 / 25.4 - 2 * BODY_MARGIN_PT
const PADDING = 12
/** Type sizes in points: the report's, and the step down for a table of six or more columns. */
const TEXT = PRINT_TEXT_PT
const SMALL = 9

const width = (text: string, bold: boolean) => {
  let em = 0
  // A letter with a diacritic is as wide as the letter.
  for (const c of text.normalize('NFD').replace(/\p{M}/gu, '')) em += (WIDTHS[c] ?? (/\d/.test(c) ? DIGIT : OTHER))[bold ? 1 : 0]
  return em / 1000
}

const has = (e: Element, name: string) => Array.isArray(e.properties?.className) && e.properties.className.includes(name)
const elements = (e: Element | Root, tag: string): Element[] =>
  e.children.flatMap((c) => (c.type !== 'element' ? [] : c.tagName === tag ? [c] : elements(c, tag)))

/**
 * The narrowest a table can be set, in points: per column its widest
 * unbreakable cell, a number (never wrapped) whole, any other cell by its
 * longest word; a cell over several columns widens the last of them if it
 * must. Bold rows are wider. The table is never narrower than the longest
 * word of its (bold) caption.
 */
function minimumWidth(table: Element, size: number): number {
  const longest = (text: string, bold: boolean) => Math.max(0, ...text.split(/\s+/).map((w) => width(w, bold))) * size
  const columns: number[] = []
  const spans: { from: number; to: number; points: number }[] = []
  for (const tr of elements(table, 'tr')) {
    const head = elements(table, 'thead').some((t) => elements(t, 'tr').includes(tr))
    const boldRow = head || has(tr, 'totaal') || has(tr, 'subtotaal') || has(tr, 'sectie')
    let column = 0
    for (const cell of tr.children) {
      if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue
      const span = Number(cell.properties?.colSpan ?? 1)
      const text = toString(cell).trim()
      const bold = boldRow && (head || cell.tagName === 'th' || !has(tr, 'sectie'))
      const points = (has(cell, 'getal') && !head ? width(text, bold) * size : longest(text, bold)) + PADDING
      if (span === 1) columns[column] = Math.max(columns[column] ?? 0, points)
      else spans.push({ from: column, to: column + span, points })
      column += span
    }
  }
  for (const { from, to, points } of spans) {
    const covered = columns.slice(from, to).reduce((a, b) => a + (b ?? 0), 0)
    if (points > covered) columns[to - 1] = (columns[to - 1] ?? 0) + points - covered
  }
  const caption = elements(table, 'caption')[0]
  return Math.max(columns.reduce((a, b) => a + (b ?? 0), 0), caption ? longest(toString(caption).trim(), true) : 0)
}

const columnCount = (table: Element) => Math.max(0, ...elements(table, 'tr').map((tr) => tr.children.filter((c) => c.type === 'element').length))

/** Does this table fit the portrait text column? Its type size follows the column count, as in the print CSS. */
export function fitsPortrait(table: Element): boolean {
  return narrowestWidth(table) <= COLUMN
}

/** The narrowest a table can be set in print, in points, at the type size the print CSS gives it. */
export const narrowestWidth = (table: Element): number => minimumWidth(table, columnCount(table) >= 6 ? SMALL : TEXT)

/**
 * Marks each table that does not fit a portrait page with the class
 * "liggend"; the print CSS sets it, with its heading, on a landscape page.
 * A table that fits stays portrait, however many columns it has.
 */
export function markLandscapeTables(body: Root): Root {
  const visit = <T extends Element | Root>(node: T): T => {
    const children = node.children.map((c): ElementContent => (c.type === 'element' ? visit(c) : c as ElementContent))
    if (node.type === 'element' && has(node, 'tabel')) {
      const table = elements(node, 'table')[0]
      if (table && !fitsPortrait(table)) {
        const className = [...(node.properties.className as string[]), 'liggend']
        return { ...node, properties: { ...node.properties, className }, children }
      }
    }
    return { ...node, children }
  }
  return visit(body)
}
