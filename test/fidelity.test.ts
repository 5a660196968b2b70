import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportPeriods } from '../src/aggregate/period.js'
import { compile } from '../src/compile.js'
import { browserPrinter } from '../src/print/index.js'
import { narrowestWidth } from '../src/render/landscape.js'
import { closeSharedBrowser, sharedBrowser } from './helpers/browser.js'
import { archiveProblems } from './helpers/pdfa.js'
import { PROJECTS } from './helpers/project.js'
import { pdfName } from '../src/domain/report.js'

// The PDF for the raad must carry what the page shows. Every project the
// suite knows is printed once.

/** The page's margins (src/render/style.ts) in points; a word outside them is cut or stuck out. */
const MM = 72 / 25.4
const MARGIN = { top: 22 * MM, right: 18 * MM, bottom: 20 * MM, left: 18 * MM }
const SLACK = 1

const NUMBER = /[+−-]?\d+(?:\.\d{3})*(?:,\d+)?/g
const numbers = (text: string): string[] => text.match(NUMBER) ?? []

interface Printed { year: number; html: string; bytes: Uint8Array; text: string; words: Word[]; pages: { width: number; height: number }[] }
interface Word { page: number; x0: number; y0: number; x1: number; y1: number; text: string }

/** Elements with this tag in document order, not inside a folded-away <details>. */
function elements(node: Root | Element, tag: string, out: Element[] = []): Element[] {
  for (const child of node.children) {
    if (child.type !== 'element' || child.tagName === 'details') continue
    if (child.tagName === tag) out.push(child)
    else elements(child, tag, out)
  }
  return out
}

/** The cells of every table row a reader of the page sees (the chart data in <details> is folded away). */
const tableRows = (tree: Root) =>
  elements(tree, 'tr').map((tr) => tr.children.filter((c): c is Element => c.type === 'element' && (c.tagName === 'td' || c.tagName === 'th')).map((c) => toString(c)))

const svgTexts = (tree: Root) => elements(tree, 'text').map((t) => toString(t).trim())

function bbox(file: string): { words: Word[]; pages: { width: number; height: number }[] } {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const words: Word[] = []
  const pages: { width: number; height: number }[] = []
  for (const m of xml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[1]) pages.push({ width: Number(m[1]), height: Number(m[2]) })
    else words.push({ page: pages.length, x0: Number(m[3]), y0: Number(m[4]), x1: Number(m[5]), y1: Number(m[6]), text: m[7]! })
  }
  return { words, pages }
}

const built = new Map<string, Printed[]>()

beforeAll(async () => {
  const { browser } = await sharedBrowser()
  const dir = mkdtempSync(join(tmpdir(), 'jaarverslag-getrouw-'))
  for (const [name, root] of PROJECTS) {
    const { outputs, built: years, project } = await compile(root, { printer: browserPrinter(browser) })
    // Reports are known by their folder, named after the period: 2024, or 2021-2022 for Huizen's report over two years.
    built.set(name, years.map((period) => {
      const year = reportPeriods(project!).find((p) => p.slug === period)!.to
      const file = join(dir, `${name}-${period}.pdf`)
      const concept = project!.years.find((y) => y.year === year)!.meta.status === 'concept'
      const bytes = outputs.get(`${period}/${pdfName(period, concept)}`) as Uint8Array
      writeFileSync(file, bytes)
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
      return { year, html: String(outputs.get(`${period}/index.html`)), bytes, text, ...bbox(file) }
    }))
  }
}, 600_000)

afterAll(closeSharedBrowser)

describe.each(PROJECTS.map(([name]) => name))('the PDF of %s carries everything its page shows', (name) => {
  const each = (check: (p: Printed) => void) => () => {
    const printed = built.get(name)!
    expect(printed.length).toBeGreaterThan(0)
    for (const p of printed) check(p)
  }

  it('every number of every table, row by row in reading order', each(({ year, html, text }) => {
    const found = numbers(text)
    let at = 0
    for (const row of tableRows(fromHtml(html))) {
      // A number inside a row's label ("(vanaf medio 2024)") may wrap below the row's figures: it only has to follow the rows before.
      const start = at
      for (const n of numbers(row[0] ?? '')) expect(found.indexOf(n, start), `${year}: ${n} uit de rij "${row.join(' | ')}" staat niet in de PDF`).toBeGreaterThanOrEqual(0)
      for (const n of row.slice(1).flatMap(numbers)) {
        const next = found.indexOf(n, at)
        expect(next, `${year}: ${n} uit de rij "${row.join(' | ')}" staat niet in de PDF`).toBeGreaterThanOrEqual(0)
        at = next + 1
      }
    }
  }))

  it('no chart label cut off with "…"', each(({ year, html }) => {
    expect(svgTexts(fromHtml(html)).filter((t) => t.endsWith('…')), String(year)).toEqual([])
  }))

  it('no word outside the text area; only the running header and footer in the margins', each(({ year, html, words, pages }) => {
    const title = /<title>([^<]*) – ([^<]*)<\/title>/.exec(html)!
    const margin = new Set([...`${title[2]} · ${title[1]}`.split(/\s+/), 'pagina', 'van', 'CONCEPT'])
    const outside = words.filter((w) => {
      const page = pages[w.page - 1]!
      if (w.x0 < MARGIN.left - SLACK || w.x1 > page.width - MARGIN.right + SLACK) return true
      // A glyph box reaches above the line box (the font's ascent); the middle of the word says where it is.
      const middle = (w.y0 + w.y1) / 2
      const inMargin = middle < MARGIN.top || middle > page.height - MARGIN.bottom
      return inMargin && !margin.has(w.text) && !/^\d+$/.test(w.text)
    })
    expect(outside.map((w) => `${year} p.${w.page}: ${w.text}`)).toEqual([])
  }))
})

/** The lines of the text area of each page (running header and footer left out), top to bottom. */
function bodyLines({ words, pages }: Printed): string[][] {
  return pages.map((page, i) => {
    const lines = new Map<number, Word[]>()
    for (const w of words) {
      const middle = (w.y0 + w.y1) / 2
      if (w.page !== i + 1 || middle < MARGIN.top || middle > page.height - MARGIN.bottom) continue
      const key = [...lines.keys()].find((y) => Math.abs(y - w.y0) < 2) ?? w.y0
      lines.set(key, [...lines.get(key) ?? [], w])
    }
    return [...lines].sort(([a], [b]) => a - b).map(([, line]) => line.sort((a, b) => a.x0 - b.x0).map((w) => w.text).join(' '))
  })
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
/** The texts of these elements in the report's <main> (the cover and the table of contents left out). */
function mainTexts(html: string, tags: string[], className?: string): string[] {
  const main = elements(fromHtml(html), 'main')[0]!
  return tags.flatMap((tag) => elements(main, tag))
    .filter((e) => !className || (e.properties.className as string[] | undefined)?.includes(className))
    .map((e) => squash(toString(e)))
}
const isPortrait = (page: { width: number; height: number }) => page.width < page.height

describe.each(PROJECTS.map(([name]) => name))('the pages of %s flow well', (name) => {
  const each = (check: (p: Printed) => void) => () => {
    const printed = built.get(name)!
    expect(printed.length).toBeGreaterThan(0)
    for (const p of printed) check(p)
  }

  it('no heading or table caption ends a page: it stays with what follows', each((p) => {
    const headings = mainTexts(p.html, ['h2', 'h3', 'h4', 'caption'])
    bodyLines(p).slice(2, -1).forEach((lines, i) => {
      const last = squash(lines.at(-1) ?? '')
      expect(headings.filter((t) => t === last || t.endsWith(` ${last}`)), `${p.year} p.${i + 3} eindigt met "${last}"`).toEqual([])
    })
  }))

  it('no page starts with a note: a note stays with its table', each((p) => {
    const notes = mainTexts(p.html, ['p'], 'voetnoot')
    bodyLines(p).slice(2).forEach((lines, i) => {
      const first = squash(lines[0] ?? '')
      // A note's words, not a chart title that begins like one: the note goes on in the next line, or ends.
      const two = squash(`${first} ${lines[1] ?? ''}`)
      expect(notes.filter((n) => n === first || (n.startsWith(first) && n.startsWith(two))), `${p.year} p.${i + 3} begint met "${first}"`).toEqual([])
    })
  }))

  it('no near-empty page between the table of contents and the last page', each((p) => {
    const { words, pages } = p
    for (let i = 3; i < pages.length; i++) {
      // A page before a page of another size (landscape) ends where the other begins.
      if (isPortrait(pages[i - 1]!) !== isPortrait(pages[i]!)) continue
      const page = pages[i - 1]!
      const bottom = Math.max(...words.filter((w) => w.page === i && (w.y0 + w.y1) / 2 < page.height - MARGIN.bottom).map((w) => w.y1))
      const filled = (bottom - MARGIN.top) / (page.height - MARGIN.top - MARGIN.bottom)
      expect(filled, `${p.year} p.${i}: ${Math.round(filled * 100)}% gevuld`).toBeGreaterThan(0.2)
    }
  }))

  it('the table of contents gives the page of each chapter and section, right-aligned on its line', each((p) => {
    const nav = elements(fromHtml(p.html), 'nav').find((n) => (n.properties.className as string[] | undefined)?.includes('inhoud'))!
    // Chapters and (in a long report) their sections, each numbered within its own list.
    const child = (e: Element, tag: string) => e.children.find((c): c is Element => c.type === 'element' && c.tagName === tag)
    const numbered = (ol: Element): { n: number; entry: string }[] => ol.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li').flatMap((li, i) => {
      const inner = child(li, 'ol')
      return [{ n: i + 1, entry: squash(toString(child(li, 'a')!)) }, ...(inner ? numbered(inner) : [])]
    })
    const entries = numbered(elements(nav, 'ol')[0]!)
    const lines = bodyLines(p)
    const contents = lines.findIndex((page) => page.includes('Inhoudsopgave'))
    expect(contents).toBeGreaterThan(0)
    // The page numbers: the last word of each numbered line of the contents (a short report's first chapter follows on that page).
    const rows = new Map<number, Word[]>()
    for (const w of p.words.filter((w) => w.page === contents + 1 && (w.y0 + w.y1) / 2 > MARGIN.top && (w.y0 + w.y1) / 2 < p.pages[contents]!.height - MARGIN.bottom)) {
      const key = [...rows.keys()].find((y) => Math.abs(y - w.y0) < 2) ?? w.y0
      rows.set(key, [...rows.get(key) ?? [], w])
    }
    const numbers = [...rows.values()].map((r) => r.sort((a, b) => a.x0 - b.x0)).filter((r) => /^\d+\. .+ \d+$/.test(r.map((w) => w.text).join(' '))).map((r) => r.at(-1)!)
    expect(numbers).toHaveLength(entries.length)
    // Each heading after the one before it, from the contents on: a chart's title may repeat a section's name before it.
    const flat = lines.flatMap((page, k) => page.map((l) => ({ page: k, line: squash(l) })))
    let at = flat.findIndex((l) => l.page === contents && l.line === 'Inhoudsopgave')
    entries.forEach(({ n, entry }) => {
      const line = lines[contents]!.find((l) => l.startsWith(`${n}. ${entry} `))
      expect(line, `${p.year}: ${entry} in de inhoudsopgave`).toMatch(/ \d+$/)
      const heading = flat.findIndex((l, k) => k > at && l.line === entry)
      expect(heading, `${p.year}: kop ${entry}`).toBeGreaterThan(at)
      at = heading
      expect(Number(/(\d+)$/.exec(line!)![1]), `${p.year}: pagina van ${entry}`).toBe(flat[heading]!.page + 1)
    })
    // Right-aligned at the column's right edge, within the margins.
    const right = Math.max(...numbers.map((w) => w.x1))
    for (const w of numbers) expect(Math.abs(w.x1 - right), `${p.year}: ${w.text}`).toBeLessThan(0.5)
    expect(right).toBeLessThanOrEqual(p.pages[contents]!.width - MARGIN.right + SLACK)
    expect(right).toBeGreaterThan(p.pages[contents]!.width - MARGIN.right - 10)
  }))

  it('a table that fits the portrait column stays on a portrait page', each((p) => {
    const text = p.text.split('\f').map(squash)
    const tables = elements(elements(fromHtml(p.html), 'main')[0]!, 'div').filter((d) => (d.properties.className as string[] | undefined)?.includes('tabel'))
    expect(tables.length).toBeGreaterThan(0)
    for (const table of tables) {
      const caption = squash(toString(elements(table, 'caption')[0]!))
      const page = text.findIndex((t) => t.includes(caption))
      expect(page, caption).toBeGreaterThanOrEqual(0)
      expect(isPortrait(p.pages[page]!), `${p.year}: ${caption}`).toBe(!(table.properties.className as string[]).includes('liggend'))
    }
  }))
})

describe('page flow of the sparse and the two-year report', () => {
  it('landscape.ts estimates each table\'s narrowest width as Chromium sets it in print', async () => {
    const { browser } = await sharedBrowser()
    // A tab of its own with JavaScript on, to measure: each table set as narrow as it goes.
    const page = await browser.newPage()
    try {
      await page.emulateMediaType('print')
      let tables = 0
      for (const [name] of PROJECTS) {
        for (const p of built.get(name)!) {
          await page.setContent(p.html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ''), { waitUntil: 'load' })
          const measured = await page.evaluate(async () => {
            await document.fonts.ready
            return [...document.querySelectorAll<HTMLElement>('main .tabel')].map((d) => {
              d.style.width = '1px'
              return d.querySelector('table')!.getBoundingClientRect().width * 0.75
            })
          })
          const estimated = elements(elements(fromHtml(p.html), 'main')[0]!, 'table').map(narrowestWidth)
          expect(estimated).toHaveLength(measured.length)
          measured.forEach((width, i) => {
            tables++
            // Never narrower than Chromium sets it (the table would stick out), and not much wider: Chromium may
            // hyphenate a long word in a header, which the estimate leaves whole.
            expect(estimated[i]!, `${name} ${p.year}, tabel ${i + 1}`).toBeGreaterThanOrEqual(width - 1)
            expect(estimated[i]!, `${name} ${p.year}, tabel ${i + 1}`).toBeLessThanOrEqual(width + 24)
          })
        }
      }
      expect(tables).toBeGreaterThan(50)
    } finally {
      await page.close()
    }
  })

  it('a sparse report takes four pages: cover, contents and two pages of text', () => {
    for (const p of built.get('waterland-oost')!) expect(p.pages.length, String(p.year)).toBeLessThanOrEqual(4)
  })

  it('Huizen 2021/2022: the comparison table of nine columns (with the sum of 2019/2020 it is compared with) fits, on a portrait page like every other', () => {
    const p = built.get('huizen')!.find((r) => r.year === 2022)
    expect(p!.html).toMatch(/<caption>Kengetallen 2018 t\/m 2022<\/caption><thead><tr>(<th[^>]*>[^<]*<\/th>){9}<\/tr>/)
    expect(p!.pages.filter((page) => !isPortrait(page))).toEqual([])
  })
})


describe.each(PROJECTS.map(([name]) => name))('the PDF of %s is fit for the archive', (name) => {
  it('meets every PDF/A-2a requirement checked (helpers/pdfa.ts)', async () => {
    for (const printed of built.get(name)!) expect(await archiveProblems(printed.bytes), String(printed.year)).toEqual([])
  })
})
