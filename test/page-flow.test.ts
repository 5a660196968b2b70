import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compile } from '../src/compile.js'
import { toJson } from '../src/diagnostics/reporter.js'
import { browserPrinter } from '../src/print/index.js'
import { closeSharedBrowser, sharedBrowser } from './helpers/browser.js'
import { KEEP_LINES } from '../src/render/style.js'
import { listFlow, type ParagraphFlow, paragraphFlow, pdfPages, strandedHeadings, tableFlow } from './helpers/page-flow.js'
import { asDrafts, cleanupProjects, PROJECTS, projectWith } from './helpers/project.js'

// Every report of every project printed by the real Chromium, and its pages
// read back (pdftotext per page): where the tables broke, what ends a page,
// what the last page and the contents page hold.

afterAll(closeSharedBrowser)
afterAll(cleanupProjects)

/**
 * The example as a draft whose year before ends on 30 November (as
 * Dijkstad's 2023): its 2024 report has other breaks than the adopted one,
 * the last item of its ambitions once alone on a page.
 */
function dijkstad(): string {
  const root = asDrafts(projectWith())
  const meta = join(root, 'data', '2023', 'meta.yaml')
  writeFileSync(meta, `${readFileSync(meta, 'utf8')}deelperiode:\n  tot: 2023-11-30\n`)
  return root
}

/**
 * Rotterdam with its kengetal of the vertrouwenspersonen recorded back to
 * 2008 (historie.yaml) and compared over twelve years: its last table, short,
 * is too wide for a portrait page. On its landscape page the source line
 * once had no place, and got a portrait page of its own.
 */
function rotterdamBreed(): string {
  const root = projectWith(undefined, PROJECTS.find(([n]) => n === 'rotterdam')![1])
  const kengetal = (year: number) => `  "${year}":\n    kengetallen:\n      - { id: vp-meldingen-omgangsvormen, naam: Meldingen ongewenste omgangsvormen bij de vertrouwenspersonen, eenheid: aantal, waarde: ${200 + year % 100} }\n`
  writeFileSync(join(root, 'data', 'historie.yaml'), `bron: Testgegevens.\njaren:\n${[2008, 2009, 2010, 2011, 2012, 2013, 2014].map(kengetal).join('')}`)
  const config = join(root, 'data', 'organisatie.yaml')
  writeFileSync(config, `${readFileSync(config, 'utf8')}vergelijking:\n  venster: 12\n`)
  return root
}

const CASES: [name: string, root: string, years?: number[]][] = [...PROJECTS, ['dijkstad', dijkstad(), [2024]], ['rotterdam-breed', rotterdamBreed(), [2019]]]

interface Printed { html: string; pages: string[]; pdf: string; title: string; outputs: Set<string> }
const printed = new Map<string, Map<string, Printed>>()

beforeAll(async () => {
  const { browser } = await sharedBrowser()
  const dir = mkdtempSync(join(tmpdir(), 'jaarverslag-bladspiegel-'))
  for (const [name, root, years] of CASES) {
    const { outputs, files } = await compile(root, { printer: browserPrinter(browser), ...(years ? { years } : {}) })
    expect(toJson(files, root).filter((m) => m.severity === 'fout')).toEqual([])
    const reports = new Map<string, Printed>()
    for (const [path, content] of outputs) {
      const m = /^([\d-]+)\/(jaarverslag-integriteit-[\d-]+(?:-concept)?\.pdf)$/.exec(path)
      if (!m) continue
      const file = join(dir, `${name}-${m[1]}.pdf`)
      writeFileSync(file, content as Uint8Array)
      const title = /^Title:\s+(.*)$/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]!
      reports.set(m[1]!, { html: String(outputs.get(`${m[1]}/index.html`)), pages: pdfPages(file), pdf: m[2]!, title, outputs: new Set(outputs.keys()) })
    }
    printed.set(name, reports)
  }
}, 900_000)

describe.each(CASES)('the printed pages of %s', (name) => {
  const each = (check: (period: string, report: Printed) => void) => () => {
    const reports = printed.get(name)!
    expect(reports.size).toBeGreaterThan(0)
    for (const [period, report] of reports) check(period, report)
  }

  it('never split a table of up to twelve rows (and its total), and leave at least three rows of a longer one on each page', each((period, { html, pages }) => {
    const flows = tableFlow(html, pages)
    expect(flows.length, `${name} ${period}`).toBeGreaterThan(0)
    for (const t of flows) {
      const where = `${name} ${period}: ${t.caption} (${t.rows} rijen, per pagina ${t.perPage.join('/')})`
      // Every row found, so the check below reads the whole table.
      expect(t.perPage.reduce((a, b) => a + b, 0), where).toBe(t.rows)
      if (t.rows - t.totals <= 12) expect(t.perPage, where).toHaveLength(1)
      else for (const n of t.perPage) expect(n, where).toBeGreaterThanOrEqual(3)
    }
  }))

  it('never split a list of up to six items (but the one the source line follows), and leave no item of a longer one alone on a page', each((period, { html, pages }) => {
    for (const l of listFlow(html, pages)) {
      const where = `${name} ${period}: lijst vanaf '${l.first}' (${l.items} punten, per pagina ${l.perPage.join('/')})`
      expect(l.perPage.reduce((a, b) => a + b, 0), where).toBe(l.items)
      if (l.items <= 6 && !l.beforeSource) expect(l.perPage, where).toHaveLength(1)
      else for (const n of l.perPage) expect(n, where).toBeGreaterThanOrEqual(2)
    }
  }))

  it('leave at least three lines of a paragraph on each page it spans, and keep a table\'s intro on the page of its caption', each((period, { html, pages }) => {
    const flows = paragraphFlow(html, pages)
    expect(flows.length, `${name} ${period}`).toBeGreaterThan(0)
    // Every paragraph found, so the checks below read all of them.
    expect(flows.filter((p) => p.perPage.length === 0).map((p) => p.text), `${name} ${period}`).toEqual([])
    const where = (p: ParagraphFlow) => `'${p.text.slice(0, 50)}…' op pagina ${p.pages.map((n) => n + 1).join('/')}`
    const split = flows.filter((p) => p.perPage.some((n) => n < KEEP_LINES) && p.perPage.length > 1)
    expect(split.map((p) => `${where(p)}: regels per pagina ${p.perPage.join('/')}`), `${name} ${period}`).toEqual([])
    // The line after a table's intro is the table's caption: a heading and its intro never end the page before their
    // table, a landscape one's included (they take its page).
    const parted = flows.filter((p) => p.beforeTable && p.nextPage !== p.pages.at(-1))
    expect(parted.map((p) => `${where(p)}, tabel op pagina ${(p.nextPage ?? -1) + 1}`), `${name} ${period}`).toEqual([])
  }))

  it('end no page with a heading, and no page holds only the source line', each((period, { html, pages }) => {
    expect(strandedHeadings(html, pages), `${name} ${period}`).toEqual([])
    const source = /<footer><p>([^<]+)<\/p><\/footer>/.exec(html)![1]!.replace(/&#x26;/g, '&')
    // A page's own text, without its running head, page number and concept mark.
    const text = (page: string) => page.split('\n').map((l) => l.trim()).filter((l) => l && !/^pagina \d+ van \d+$/.test(l) && !/ · /.test(l) && l !== 'CONCEPT').join(' ').replace(/\s+/g, ' ')
    pages.forEach((page, i) => expect(text(page), `${name} ${period}, pagina ${i + 1}`).not.toBe(source.replace(/\s+/g, ' ')))
  }))

  it('link the year page to its PDF, its open data and the overview of all years, each made by the build', each((period, { html, outputs }) => {
    const nav = /<nav class="publicatie"[^>]*>([\s\S]*?)<\/nav>/.exec(html)?.[1] ?? ''
    const hrefs = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!)
    expect(hrefs, `${name} ${period}`).toEqual([expect.stringMatching(/\.pdf$/), 'data/metadata.json', '../index.html'])
    // Relative to the year's folder: each leads to a file of this build.
    for (const href of hrefs) expect([...outputs], `${name} ${period}: ${href}`).toContain(href.startsWith('../') ? href.slice(3) : `${period}/${href}`)
  }))

  it('name and title a draft\'s PDF as a concept, and an adopted one not', each((period, { html, pdf, title }) => {
    const concept = html.includes('class="status-concept"')
    expect(pdf, `${name} ${period}`).toBe(`jaarverslag-integriteit-${period}${concept ? '-concept' : ''}.pdf`)
    expect(title.includes('(concept)'), `${name} ${period}: ${title}`).toBe(concept)
    expect(/<title>([^<]*)<\/title>/.exec(html)![1]!.includes('(concept)'), `${name} ${period}`).toBe(concept)
  }))

  it('give a long report its contents on a page of their own with the sections, and a short one its first chapter on the contents page', each((period, { html, pages }) => {
    const contents = pages[1]!
    const where = `${name} ${period} (${pages.length} pagina's)`
    expect(contents, where).toContain('Inhoudsopgave')
    const firstChapter = /<main id="inhoud"><h2[^>]*>([^<]+)<\/h2>/.exec(html)![1]!
    const sections = [...html.matchAll(/<main id="inhoud">[\s\S]*/g)][0]![0].match(/<h3 id="[^"]+">[^<]+<\/h3>/g) ?? []
    // The estimate before printing (render/length.ts) decides; a report near the line may fall either side of it.
    const alone = (l: string) => l.trim() === firstChapter
    const entries = contents.split('\n').filter((l) => /^\s+\d+\. /.test(l))
    // Every entry has its page number (print/contents.ts).
    for (const entry of entries) expect(entry, where).toMatch(/\s\d+$/)
    if (pages.length > 9) {
      expect(html, where).toContain('<nav class="inhoud" aria-labelledby="inhoudsopgave" data-eigen-pagina="">')
      expect(sections.length, where).toBeGreaterThan(0)
      expect(contents, where).toContain(sections[0]!.replace(/<[^>]+>/g, ''))
      expect(contents.split('\n').filter(alone), where).toEqual([])
    }
    if (pages.length <= 7) {
      expect(html, where).toContain('<nav class="inhoud" aria-labelledby="inhoudsopgave">')
      expect(contents.split('\n').filter(alone), where).toHaveLength(1)
    }
  }))
})
