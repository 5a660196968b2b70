import { execFileSync } from 'node:child_process'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'

// How a printed report flows over its pages, read back from the PDF itself
// (pdftotext per page) and held against the page's HTML: where each table's
// rows landed, which headings end a page, what the last page holds.

/** The text of each page of a PDF file, as laid out. */
export const pdfPages = (file: string): string[] => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1)

const text = (n: Element) => toString(n).replace(/\s+/g, ' ').trim()

/** The lines of all pages in order, each with its page; the running header and page number left out. */
function lines(pages: readonly string[]): { page: number; line: string }[] {
  return pages.flatMap((p, page) => p.split('\n').map((line) => ({ page, line: line.trim() })).filter((l) => l.line && !/^pagina \d+ van \d+$/.test(l.line) && !/ · /.test(l.line)))
}

/** The first words of a text, as they start a line in the PDF. */
const start = (s: string, words: number) => s.split(' ').slice(0, words).join(' ')

const squeeze = (s: string) => s.replace(/\s+/g, ' ')

export interface TableFlow { caption: string; rows: number; totals: number; perPage: number[] }

/**
 * Where each table's body rows landed: per table the number of its rows on
 * each page it spans, found in order from its caption on.
 */
export function tableFlow(html: string, pages: readonly string[]): TableFlow[] {
  const all = lines(pages)
  const out: TableFlow[] = []
  const tables: { caption: string; rows: string[]; totals: number }[] = []
  visit(fromHtml(html) as Root, 'element', (n: Element) => {
    if (n.tagName === 'details') return 'skip'
    if (n.tagName !== 'table') return undefined
    const rows: string[] = []
    let caption = ''
    let totals = 0
    visit(n, 'element', (c: Element) => {
      if (c.tagName === 'caption') caption = text(c)
      if (c.tagName === 'tr' && c.children.some((k) => k.type === 'element' && k.tagName === 'td')) {
        const head = c.children.find((k): k is Element => k.type === 'element')
        rows.push(head ? text(head) : '')
        if ((c.properties.className as string[] | undefined)?.includes('totaal')) totals++
      }
    })
    tables.push({ caption, rows, totals })
    return 'skip'
  })
  let at = 0
  for (const { caption, rows, totals } of tables) {
    const found = all.findIndex((l, i) => i >= at && squeeze(l.line).startsWith(start(caption, 4)))
    if (found < 0) continue
    const placed = place(all, found, rows, 12)
    at = placed.at
    out.push({ caption, rows: rows.length, totals, perPage: placed.perPage })
  }
  return out
}

/** Compared without spaces and hyphens, as the PDF may break a word. */
const bare = (t: string) => t.replace(/[\s-]/g, '')

/**
 * The pages a run of rows (or list items) landed on, counted per page: each
 * starts within `within` lines of the one before (a long name wraps; a page
 * break repeats a table's header), its line's first cell the start of its text.
 */
function place(all: readonly { page: number; line: string }[], from: number, rows: readonly string[], within: number, firstWithin = within): { at: number; perPage: number[] } {
  let at = from
  const perPage = new Map<number, number>()
  for (const [n, row] of rows.entries()) {
    const i = all.findIndex((l, k) => {
      const cell = bare(l.line.split(/\s{2,}/)[0]!)
      return k > at && k <= at + (n === 0 ? firstWithin : within) && bare(row).startsWith(cell) && cell.length >= Math.min(bare(row).length, 5)
    })
    if (i < 0) continue
    at = i
    perPage.set(all[i]!.page, (perPage.get(all[i]!.page) ?? 0) + 1)
  }
  return { at, perPage: [...perPage.values()] }
}

export interface ListFlow { first: string; items: number; beforeSource: boolean; perPage: number[] }

/** Where the items of each list in <main> landed, as tableFlow does for rows. */
export function listFlow(html: string, pages: readonly string[]): ListFlow[] {
  const all = lines(pages)
  const lists: { items: string[]; beforeSource: boolean }[] = []
  visit(fromHtml(html) as Root, 'element', (n: Element, index, parent) => {
    if (n.tagName === 'nav' || n.tagName === 'details') return 'skip'
    if (n.tagName !== 'ul' && n.tagName !== 'ol') return undefined
    const next = parent?.children.slice((index ?? 0) + 1).find((c): c is Element => c.type === 'element')
    lists.push({ items: n.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li').map(text), beforeSource: next?.tagName === 'footer' })
    return 'skip'
  })
  const out: ListFlow[] = []
  let at = -1
  for (const { items, beforeSource } of lists) {
    // The first item anywhere after the list before; the others follow it.
    const placed = place(all, at, items, 6, all.length)
    if (placed.perPage.length === 0) continue
    at = placed.at
    out.push({ first: items[0]!, items: items.length, beforeSource, perPage: placed.perPage })
  }
  return out
}

/** Headings (h2, h3) that are the last thing on their page. */
export function strandedHeadings(html: string, pages: readonly string[]): string[] {
  const headings: string[] = []
  visit(fromHtml(html) as Root, 'element', (n: Element) => {
    if (n.tagName === 'nav' || n.tagName === 'header') return 'skip'
    if (n.tagName === 'h2' || n.tagName === 'h3') headings.push(text(n))
    return undefined
  })
  return pages.flatMap((page) => {
    const own = lines([page])
    const last = own.at(-1)?.line ?? ''
    return headings.filter((h) => squeeze(last) === h)
  })
}

export interface ParagraphFlow { text: string; perPage: number[]; pages: number[]; beforeTable: boolean; nextPage?: number | undefined }

/**
 * Where the lines of each paragraph of <main> landed: per paragraph the
 * number of its lines on each page it spans (a paragraph is found as a run
 * of lines that together spell its text; none when not found), whether a
 * table follows it, and the page of the line after it.
 */
export function paragraphFlow(html: string, pages: readonly string[]): ParagraphFlow[] {
  const all = lines(pages).filter((l) => l.line !== 'CONCEPT')
  const paragraphs: { text: string; beforeTable: ParagraphFlow['beforeTable'] }[] = []
  visit(fromHtml(html) as Root, 'element', (n: Element) => {
    if (n.tagName !== 'main') return undefined
    n.children.forEach((c, i) => {
      if (c.type !== 'element' || c.tagName !== 'p') return
      const next = n.children.slice(i + 1).find((k): k is Element => k.type === 'element')
      paragraphs.push({ text: text(c), beforeTable: ((next?.properties.className as string[] | undefined) ?? []).includes('tabel') })
    })
    return 'skip'
  })
  const out: ParagraphFlow[] = []
  let at = 0
  for (const { text: whole, beforeTable } of paragraphs) {
    const target = bare(whole)
    let found: ParagraphFlow = { text: whole, perPage: [], pages: [], beforeTable }
    for (let i = at; i < all.length; i++) {
      let spelled = ''
      let j = i
      while (j < all.length && target.startsWith(spelled + bare(all[j]!.line)) && spelled.length < target.length) spelled += bare(all[j++]!.line)
      if (spelled !== target) continue
      const onPage = all.slice(i, j).map((l) => l.page)
      const perPage = [...new Set(onPage)].map((p) => onPage.filter((q) => q === p).length)
      found = { text: whole, perPage, pages: [...new Set(onPage)], beforeTable, nextPage: all[j]?.page }
      at = j
      break
    }
    out.push(found)
  }
  return out
}
