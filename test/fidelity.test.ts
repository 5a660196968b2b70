import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reportPeriods } from '../src/aggregate/period.js'
import { compile } from '../src/compile.js'
import { pdfName } from '../src/output/outputs.js'
import { browserPrinter } from '../src/print/index.js'
import { closeSharedBrowser, sharedBrowser } from './helpers/browser.js'
import { FIXTURES, REPO } from './helpers/project.js'

// The PDF for the raad must carry what the page shows. Every project the
// suite knows is printed once: the example data and each valid fixture
// (new fixtures are picked up by their folder).
const PROJECTS: [string, string][] = [
  ['voorbeeld', REPO],
  ...readdirSync(join(FIXTURES, 'valid')).sort().map((name): [string, string] => [name, join(FIXTURES, 'valid', name)]),
]

/** The page's margins (src/render/style.ts) in points; a word outside them is cut or stuck out. */
const MM = 72 / 25.4
const MARGIN = { top: 22 * MM, right: 18 * MM, bottom: 20 * MM, left: 18 * MM }
const SLACK = 1

const NUMBER = /[+−-]?\d+(?:\.\d{3})*(?:,\d+)?/g
const numbers = (text: string): string[] => text.match(NUMBER) ?? []

interface Printed { year: number; html: string; text: string; words: Word[]; pages: { width: number; height: number }[] }
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
      writeFileSync(file, outputs.get(`${period}/${pdfName(period)}`) as Uint8Array)
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
      return { year, html: String(outputs.get(`${period}/index.html`)), text, ...bbox(file) }
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
