import type { Element, ElementContent, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { PRINT_TEXT_PT } from './style.js'
import { COLUMN, width } from './text-width.js'

/** A cell is padded .5rem (6 pt) each side. */
const PADDING = 12
/** Type sizes in points: the report's, and the step down for a table of six or more columns. */
const TEXT = PRINT_TEXT_PT
const SMALL = 9

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
