import type { Element, Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { KEEP_LINES, PRINT_TEXT_PT } from './style.js'
import { COLUMN, width } from './text-width.js'

/** The lines a paragraph of running text takes in print: its words set one after another, a line broken at a space. */
export function printedLines(text: string): number {
  const space = width(' ', false) * PRINT_TEXT_PT
  let lines = 0
  let used = Infinity
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const w = width(word, false) * PRINT_TEXT_PT
    if (used + space + w > COLUMN) { lines++; used = w } else used += space + w
  }
  return lines
}

/**
 * Marks each paragraph of the report's body with the class "kort" when it
 * is too short to leave KEEP_LINES lines on both pages (four or five lines;
 * a line either side to spare, as the count is an estimate). The print CSS
 * keeps such a paragraph whole: Chromium honours orphans before widows and
 * would split it all the same, leaving one or two lines at the top of the
 * next page.
 */
export function markShortParagraphs(body: Root): Root {
  const short = (n: number) => n >= KEEP_LINES && n <= 2 * KEEP_LINES
  const children = body.children.map((c): typeof c => {
    if (c.type !== 'element' || c.tagName !== 'p' || !short(printedLines(toString(c)))) return c
    const className = [...((c.properties.className as string[] | undefined) ?? []), 'kort']
    return { ...c, properties: { ...c.properties, className } } satisfies Element
  })
  return { ...body, children }
}
