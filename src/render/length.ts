import type { Element, ElementContent } from 'hast'
import { toString } from 'hast-util-to-string'
import { PAGE_MARGIN_MM, PRINT_TEXT_PT } from './style.js'

// How many pages a report will print to, estimated from its content before
// it is printed (the contents page depends on it, and printing twice to
// find out would double the PDF time). Rough by design: it only has to tell
// a short report (contents on the page of the first chapter) from a long one
// (contents on a page of its own, with the sections listed).

const MM = 72 / 25.4
/** The text column's height on a page, in points. */
const PAGE = (297 - PAGE_MARGIN_MM.top - PAGE_MARGIN_MM.bottom) * MM
const LINE = PRINT_TEXT_PT * 1.5
/** Characters on a line of running text (Noto Sans at 10.5 pt averages about 0.52 em). */
const PER_LINE = Math.floor(((210 - 2 * PAGE_MARGIN_MM.right) * MM) / (PRINT_TEXT_PT * 0.52))
const ROW = PRINT_TEXT_PT * 2.1
/** The widest a chart is printed, in CSS px (the text column). */
const COLUMN_PX = ((210 - 2 * PAGE_MARGIN_MM.right) * MM) / 0.75

const lines = (text: string) => Math.max(1, Math.ceil(text.length / PER_LINE))

function height(node: ElementContent): number {
  if (node.type !== 'element') return 0
  switch (node.tagName) {
    case 'h2': return 3.5 * LINE
    case 'h3': case 'h4': return 2.5 * LINE
    case 'p': case 'li': return lines(toString(node)) * LINE + LINE * 0.7
    case 'figure': return chart(node)
    case 'div': return node.children.some((c) => c.type === 'element' && c.tagName === 'table') ? table(node) : node.children.reduce((s, c) => s + height(c), 0)
    default: return node.children.reduce((s, c) => s + height(c as ElementContent), 0)
  }
}

function chart(figure: Element): number {
  const svg = figure.children.find((c) => c.type === 'raw')
  const size = svg && 'value' in svg ? /width="(\d+)" height="(\d+)"/.exec(String(svg.value)) : null
  const [w, h] = size ? [Number(size[1]), Number(size[2])] : [COLUMN_PX, 300]
  const caption = figure.children.find((c): c is Element => c.type === 'element' && c.tagName === 'figcaption')
  return h * Math.min(1, COLUMN_PX / w) * 0.75 + (caption ? lines(toString(caption)) * LINE : 0) + 2 * LINE
}

function table(wrapper: Element): number {
  const rows = toString(wrapper).length > 0 ? countRows(wrapper) : 0
  const notes = wrapper.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'p')
  return (rows + 1.5) * ROW + notes.reduce((s, n) => s + lines(toString(n)) * LINE * 0.85, 0) + LINE
}

const countRows = (e: Element): number =>
  e.children.reduce((n, c) => n + (c.type !== 'element' ? 0 : c.tagName === 'tr' ? 1 : countRows(c)), 0)

/** Of a page, the part text fills on average: a block that does not fit moves on and leaves the rest empty. */
const FILLED = 0.77

/** The pages the report prints to: the cover, the contents, and its chapters. */
export function estimatedPages(main: readonly ElementContent[]): number {
  return 2 + main.reduce((s, n) => s + height(n), 0) / (PAGE * FILLED)
}

/** A report longer than this gets its contents on a page of their own, with the sections listed. */
export const LONG_REPORT_PAGES = 8
