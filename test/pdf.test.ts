import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inflateSync } from 'node:zlib'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, type PDFObject, type PDFPage } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { compile } from '../src/compile.js'
import { connectBrowser, launchBrowser } from '../src/print/browser.js'
import { profileFolder, removeDeadProfiles, spawnBrowser } from '../src/print/spawn.js'
import { findBrowser } from '../src/print/find.js'
import { browserPrinter } from '../src/print/index.js'
import { PrintError, printPdf } from '../src/print/pdf.js'
import { finishPdf } from '../src/print/metadata.js'
import { PrintSession } from '../src/print/session.js'
import { linkTexts, operators } from '../src/print/structure.js'
import { h } from 'hastscript'
import { buildReportModel } from '../src/aggregate/model.js'
import { check } from '../src/compile.js'
import { standalonePage } from '../src/render/page.js'
import { reportCss } from '../src/render/style.js'
import { breakdownTable } from '../src/render/tables.js'
import { axeCheck } from './helpers/axe.js'
import { cleanupProjects, projectWith, REPO } from './helpers/project.js'
import { closeSharedBrowser, sharedBrowser } from './helpers/browser.js'
import { chromiumProcesses, cli, cliAsync, descendants, running } from './helpers/cli.js'

afterAll(async () => { cleanupProjects(); await closeSharedBrowser() })

const pdfText = (file: string, ...args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' })
const pdfInfo = (file: string) => Object.fromEntries(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => {
  const i = l.indexOf(':')
  return [l.slice(0, i), l.slice(i + 1).trim()]
}))

/**
 * The structure tree with its text, as poppler reads it. Poppler reads the
 * page again for every element and, with an output intent, builds its
 * colour transforms each time (50 s for a report under load): the
 * structure is read from a copy without the sRGB intent, which changes no
 * structure or text.
 */
async function structureText(file: string): Promise<string> {
  const pdf = await PDFDocument.load(readFileSync(file), { updateMetadata: false })
  pdf.catalog.delete(PDFName.of('OutputIntents'))
  const copy = `${file}.structuur.pdf`
  writeFileSync(copy, await pdf.save({ useObjectStreams: false }))
  return execFileSync('pdfinfo', ['-struct-text', copy], { encoding: 'utf8' })
}

const decoded = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined)

/** The structure elements in document order (depth first from the StructTreeRoot). */
function structureElements(pdf: PDFDocument): PDFDict[] {
  const out: PDFDict[] = []
  const walk = (node: PDFDict) => {
    const k = node.get(PDFName.of('K'))
    const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : []
    for (const kid of kids) {
      const element = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid
      if (element instanceof PDFDict && String(element.get(PDFName.of('Type'))) === '/StructElem') {
        out.push(element)
        walk(element)
      }
    }
  }
  walk(pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict))
  return out
}

/** The operators of a page's content streams, with their marked-content tags. */
function pageOperators(pdf: PDFDocument, page: PDFPage) {
  const contents = page.node.Contents()
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => pdf.context.lookup(r)) : [contents]
  return streams.flatMap((s) => operators(inflateSync((s as PDFRawStream).getContents())))
}

/** The titles of the top-level bookmarks. */
async function outline(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes)
  const outlines = pdf.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  const titles: string[] = []
  let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict)
  const walk = (node: PDFDict | undefined, depth: number) => {
    while (node) {
      const title = node.lookup(PDFName.of('Title'))
      if (title instanceof PDFString || title instanceof PDFHexString) titles.push(`${'  '.repeat(depth)}${title.decodeText()}`)
      walk(node.lookupMaybe(PDFName.of('First'), PDFDict), depth + 1)
      node = node.lookupMaybe(PDFName.of('Next'), PDFDict)
    }
  }
  walk(item, 0)
  item = undefined
  return titles
}

describe('the PDF for the raad, printed by the real Chromium', () => {
  let file: string
  let bytes: Uint8Array
  beforeAll(async () => {
    const { browser } = await sharedBrowser()
    const { outputs } = await compile(REPO, { years: [2024], printer: browserPrinter(browser) })
    bytes = outputs.get('2024/jaarverslag-integriteit-2024.pdf') as Uint8Array
    file = join(mkdtempSync(join(tmpdir(), 'jaarverslag-pdf-')), 'verslag.pdf')
    writeFileSync(file, bytes)
  })

  it('is A4, tagged, PDF 1.7, with title (shown) and author, fixed dates from the data', () => {
    const info = pdfInfo(file)
    expect(Number(info.Pages)).toBeGreaterThanOrEqual(8)
    expect(Number(info.Pages)).toBeLessThanOrEqual(40)
    expect(info['Page size']).toContain('(A4)')
    expect(info.Tagged).toBe('yes')
    expect(info['PDF version']).toBe('1.7')
    expect(info.Title).toBe('Jaarverslag Integriteit 2024 – Gemeente Helmond')
    expect(info.Author).toBe('Gemeente Helmond')
    expect(info.CreationDate).toContain('2025')
  })

  it('has /Lang nl, XMP with the PDF/UA identifier, DisplayDocTitle, and embedded fonts', async () => {
    const pdf = await PDFDocument.load(bytes)
    expect(String(pdf.catalog.lookup(PDFName.of('Lang')))).toMatch(/nl/)
    const prefs = pdf.catalog.lookupMaybe(PDFName.of('ViewerPreferences'), PDFDict)
    expect(String(prefs?.lookup(PDFName.of('DisplayDocTitle')))).toBe('true')
    expect(new TextDecoder().decode(bytes)).toContain('<pdfuaid:part>1</pdfuaid:part>')
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThan(0)
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes')
  })

  it('tags every chart as a figure with the Dutch alternative text, and maps non-standard tags', async () => {
    const pdf = await PDFDocument.load(bytes)
    const figures: string[] = []
    for (const [, obj] of pdf.context.enumerateIndirectObjects()) {
      if (obj instanceof PDFDict && String(obj.get(PDFName.of('S'))) === '/Figure') {
        const alt = obj.get(PDFName.of('Alt'))
        figures.push(alt instanceof PDFString || alt instanceof PDFHexString ? alt.decodeText() : '')
      }
    }
    expect(figures.length).toBeGreaterThanOrEqual(8)
    expect(figures.filter((a) => a === '')).toEqual([])
    expect(figures).toContainEqual(expect.stringContaining('Het aantal meldingen steeg van 10 in 2023 naar 18 in 2024'))
    const root = pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict)
    expect(String(root.lookup(PDFName.of('RoleMap'), PDFDict).get(PDFName.of('Em')))).toBe('/Span')
  })

  it('contains the key figures and the page numbers', () => {
    const text = pdfText(file).replace(/\s+/g, ' ')
    expect(text).toContain('ontving het meldpunt 18 meldingen')
    expect(text).toMatch(/Totaal aantal uren 215 435 619/)
    expect(text).toMatch(/pagina 2 van \d+/)
    expect(text).not.toMatch(/Title text|group mark container/)
  })

  it('has bookmarks with the chapter titles', async () => {
    const titles = await outline(bytes)
    for (const chapter of ['Voorwoord', 'Inleiding', 'Meldingen', 'Jaarverslag vertrouwenspersonen', 'Ambities']) {
      expect(titles.some((t) => t.trim() === chapter), `${chapter} in ${titles.join(' | ')}`).toBe(true)
    }
  })

  it('marks the running header and footer, and all other untagged painting, as artifacts (Matterhorn 01-005, 18-001)', async () => {
    const pdf = await PDFDocument.load(bytes)
    pdf.getPages().forEach((page, i) => {
      const ops = pageOperators(pdf, page)
      const shown = ops.filter((o) => ['Tj', 'TJ', "'", '"'].includes(o.op))
      expect(shown.filter((o) => o.depth === 0), `pagina ${i + 1}: tekst buiten gemarkeerde inhoud`).toEqual([])
      const pagination = ops.filter((o) => o.op === 'BT' && o.outer === 'Artifact').length
      // From page 2 on: the header and the footer ("pagina", the number, "van", the count) are artifacts.
      if (i > 0) expect(pagination, `pagina ${i + 1}`).toBeGreaterThanOrEqual(2)
    })
    const structure = await structureText(file)
    expect(structure).toContain('"Inleiding"')
    expect(structure).not.toMatch(/Gemeente Helmond · Jaarverslag|pagina \d+ van/)
  })

  it('nests headings without skipping a level, one H1 first (Matterhorn 14-002, 14-003)', async () => {
    const levels = structureElements(await PDFDocument.load(bytes)).map((e) => /^\/H(\d)$/.exec(String(e.get(PDFName.of('S'))))?.[1]).filter(Boolean).map(Number)
    expect(levels[0]).toBe(1)
    expect(levels.filter((l) => l === 1)).toHaveLength(1)
    levels.forEach((level, i) => { if (i > 0) expect(level, `kop ${i + 1}`).toBeLessThanOrEqual(levels[i - 1]! + 1) })
    expect(levels).toContain(3)
  })

  it('gives every table header cell a scope (Matterhorn 15-003)', async () => {
    const headers = structureElements(await PDFDocument.load(bytes)).filter((e) => String(e.get(PDFName.of('S'))) === '/TH')
    expect(headers.length).toBeGreaterThan(20)
    const unscoped = headers.filter((th) => {
      const a = th.lookup(PDFName.of('A'))
      return !(a instanceof PDFArray ? a.asArray().map((x) => th.context.lookup(x)) : [a]).some((x) => x instanceof PDFDict && x.has(PDFName.of('Scope')))
    })
    expect(unscoped).toHaveLength(0)
  })

  it('gives every list item a label and a body, nothing else (ISO 32000-1 14.8.4.3.3)', async () => {
    const pdf = await PDFDocument.load(bytes)
    const items = structureElements(pdf).filter((e) => String(e.get(PDFName.of('S'))) === '/LI')
    expect(items.length).toBeGreaterThanOrEqual(7)
    for (const item of items) {
      const k = item.get(PDFName.of('K'))
      const kinds = (k instanceof PDFArray ? k.asArray() : [k]).map((kid) => String((kid instanceof PDFRef ? pdf.context.lookup(kid, PDFDict) : undefined)?.get(PDFName.of('S'))))
      expect(kinds.filter((s) => s !== '/Lbl' && s !== '/LBody')).toEqual([])
      expect(kinds).toContain('/LBody')
    }
    const structure = await structureText(file)
    expect(structure).toMatch(/LBody \(block\)\s+Link \(inline\)\s+NonStruct\s+"Voorwoord"/)
  })

  it('orders tabs by the structure on every page (Matterhorn 28-008/28-009)', async () => {
    const pdf = await PDFDocument.load(bytes)
    expect(pdf.getPages().map((p) => String(p.node.get(PDFName.of('Tabs'))))).toEqual(pdf.getPages().map(() => '/S'))
  })

  it('tags every link as a Link element with its annotation, both described by the link text (Matterhorn 28-011, 28-012)', async () => {
    const pdf = await PDFDocument.load(bytes)
    const links = structureElements(pdf).filter((e) => String(e.get(PDFName.of('S'))) === '/Link').map((link) => {
      const kids = link.lookup(PDFName.of('K'))
      const objr = (kids instanceof PDFArray ? kids.asArray() : [kids]).map((k) => (k instanceof PDFRef ? pdf.context.lookup(k) : k)).find((k) => k instanceof PDFDict && String(k.get(PDFName.of('Type'))) === '/OBJR') as PDFDict | undefined
      return { alt: decoded(link.get(PDFName.of('Alt'))), contents: decoded(objr?.lookup(PDFName.of('Obj'), PDFDict).get(PDFName.of('Contents'))) }
    })
    const annotations = pdf.getPages().flatMap((p) => p.node.Annots()?.asArray() ?? []).map((a) => pdf.context.lookup(a, PDFDict)).filter((a) => String(a.get(PDFName.of('Subtype'))) === '/Link')
    expect(links).toHaveLength(annotations.length)
    // The contents first: a long report lists the sections under their chapter.
    expect(links.slice(0, 7).map((l) => l.alt)).toEqual(['Voorwoord', 'Inleiding', 'Bestuurlijke integriteit', 'Preventie en activiteiten', 'Meldingen', 'Duiding', 'Herkomst en regeling'])
    for (const l of links) expect(l.contents).toBe(l.alt)
  })

  it('reads a link\'s words from the page as written, entities and inline markup included', () => {
    const texts = linkTexts('<p><a class="x" href="https://a.nl/?a=1&#x26;b=2">Tom &#x26; <em>Jerry</em>\n kijk</a> <a href="#x" aria-label="Naar &#x22;x&#x22;">x</a></p>')
    expect([...texts]).toEqual([['https://a.nl/?a=1&b=2', 'Tom & Jerry kijk'], ['#x', 'Naar "x"']])
  })

  it('gives identical bytes for the same data, also when printed on parallel tabs', async () => {
    const { browser } = await sharedBrowser()
    // Printing in parallel shuffles Chromium's internal node numbers, which reach the tagged PDF unless renumbered.
    const again = await Promise.all([0, 1, 2].map(() => compile(REPO, { years: [2024], printer: browserPrinter(browser) })))
    for (const run of again) {
      expect(Buffer.compare(Buffer.from(run.outputs.get('2024/jaarverslag-integriteit-2024.pdf') as Uint8Array), Buffer.from(bytes))).toBe(0)
    }
  })
})

describe('the PDF after the print', () => {
  it('is written with each object it did not change copied byte for byte, and the header cells renamed everywhere', async () => {
    const { browser } = await sharedBrowser()
    const cells = (tag: string, words: string[]) => h('tr', words.map((w) => h(tag, tag === 'th' ? { scope: 'col' } : {}, w)))
    const html = standalonePage('Tabel', undefined, '', h('main', [
      h('h1', 'Tabel'), h('table', [h('thead', cells('th', ['Soort', 'Aantal'])), h('tbody', [cells('td', ['Een', '1']), cells('td', ['Twee', '2'])])]),
    ]))
    const raw = Buffer.from(await printPdf(browser, html))
    const info = { title: 't', author: 'a', subject: 's', keywords: ['k'], date: '2025-01-01', creator: 'c', links: new Map(), contents: [] }
    const finished = Buffer.from(finishPdf(raw, info))
    // The embedded font programs and their descriptors are not parsed: the same bytes, object header and all.
    const fonts = [...raw.toString('latin1').matchAll(/\d+ 0 obj\n<<\/Type \/FontDescriptor[^]*?endobj/g)].map((m) => m[0])
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) expect(finished.toString('latin1')).toContain(font)
    // Chromium's node ids are gone, in cells rewritten as text as in parsed ones; every header a cell names exists.
    const pdf = await PDFDocument.load(finished)
    const ids = new Set<string>()
    const named: string[] = []
    for (const [, o] of pdf.context.enumerateIndirectObjects()) {
      if (!(o instanceof PDFDict)) continue
      const id = decoded(o.get(PDFName.of('ID')))
      if (id) ids.add(id)
      const a = o.lookup(PDFName.of('A'))
      for (const attribute of a instanceof PDFArray ? a.asArray() : [a]) {
        const headers = attribute instanceof PDFDict ? attribute.lookup(PDFName.of('Headers')) : undefined
        if (headers instanceof PDFArray) named.push(...headers.asArray().map((x) => decoded(x)!))
      }
    }
    expect(named.length).toBeGreaterThanOrEqual(4)
    expect(named.filter((id) => !ids.has(id))).toEqual([])
    expect(finished.toString('latin1')).not.toMatch(/\(node\d+\)/)
    // poppler reads the new cross-reference table without repairing it.
    const file = join(mkdtempSync(join(tmpdir(), 'jaarverslag-pdf-')), 'tabel.pdf')
    writeFileSync(file, finished)
    const read = spawnSync('pdfinfo', [file], { encoding: 'utf8' })
    expect(read.stderr).toBe('')
    expect(read.stdout).toMatch(/Tagged:\s+yes/)
  })
})

describe('the printer at the end of a build', () => {
  it('once no page follows, opens no tab ahead and says when the pages in hand have printed', async () => {
    // A browser of its own: the shared one has tabs that other tests' printers opened ahead.
    const { browser, close } = await launchBrowser(findBrowser().path!)
    onTestFinished(close)
    const model = buildReportModel(check(REPO).project!, 2024)
    const before = (await browser.pages()).length
    // Raw PDFs from the browser, counted as they come: at most two print at once, so the third waits for a tab.
    let printed = 0
    const printer = browserPrinter(browser, { steps: (name) => { if (name === 'pdf') printed++ } })
    const html = (text: string) => standalonePage(text, undefined, '', h('p', text))
    const finished: string[] = []
    const pages = ['een', 'twee', 'drie'].map((text) => printer.print(html(text), model).then(() => finished.push(text)))
    await printer.drain()
    expect(printed).toBe(3)
    // Printed, not necessarily finished: pdf-lib may still be at work.
    await Promise.all(pages)
    expect(finished.sort()).toEqual(['drie', 'een', 'twee'])
    // Their tabs close without waiting; none was opened for a next page.
    for (let i = 0; i < 50 && (await browser.pages()).length > before; i++) await new Promise((r) => setTimeout(r, 20))
    expect((await browser.pages()).length).toBe(before)
  })
})

describe('tables in print', () => {
  const pages = (bytes: Uint8Array) => {
    const file = join(mkdtempSync(join(tmpdir(), 'jaarverslag-pdf-')), 'tabellen.pdf')
    writeFileSync(file, bytes)
    return { file, pages: pdfText(file, '-layout').split('\f').slice(0, -1) }
  }

  it('a long table repeats its header, never splits a row, and keeps the total with at least two rows above it', async () => {
    // Breakdown tables of 20 to 44 rows from src/render/tables.ts, one after the other: wherever a page ends,
    // one of them ends just before its total.
    const model = buildReportModel(check(REPO).project!, 2024)
    // Rows with a figure in both years, without the note that the list changed: a note after the table is no row of it.
    const type = model.breakdowns['meldingen.type']
    const b = { ...type, listChanged: false, rows: type.rows.filter((r) => r.current.state === 'known' && r.previous.state === 'known') }
    const long = 'een lange categorienaam die in de kolom over meer regels doorloopt'
    const tables = Array.from({ length: 25 }, (_, t) => [
      h('h2', `Tabel ${t}`),
      breakdownTable(model, { ...b, rows: Array.from({ length: 20 + t }, (_, i) => ({ ...b.rows[i % b.rows.length]!, category: `R${t}-${i + 1} ${i % 3 === 0 ? long : 'kort'} E${t}-${i + 1}` })) }),
    ]).flat()
    const html = standalonePage('Tabellen', undefined, reportCss({ primary: '#1d4f91', secondary: '#5c6b7a' }, 'Proef · Tabellen'), h('div', { className: ['jaarverslag'] }, h('main', tables)))
    const { browser } = await sharedBrowser()
    const { pages: text } = pages(await printPdf(browser, html))
    // Tables follow each other on a page: each table's lines are found by its row names, in document order.
    const lines = text.flatMap((page, p) => page.split('\n').map((line) => ({ p, line })))
    let continued = 0
    for (let t = 0; t < 25; t++) {
      const row = new RegExp(`R${t}-\\d+ `)
      const start = lines.findIndex((l) => l.line.includes(`Tabel ${t}`) && !l.line.includes(`Tabel ${t}0`))
      const last = lines.reduce((at, l, k) => (row.test(l.line) ? k : at), -1)
      const total = lines.findIndex((l, k) => k > last && /^\s*Totaal\s/.test(l.line))
      const own = lines.slice(start, total + 1)
      const pages = [...new Set(own.map((l) => l.p))]
      expect(own.filter((l) => l.p === lines[total]!.p && row.test(l.line)).length, `tabel ${t}: rijen boven het totaal`).toBeGreaterThanOrEqual(2)
      for (const p of pages.slice(1)) {
        continued++
        const page = own.filter((l) => l.p === p)
        const header = page.findIndex((l) => /Categorie\s+Aantal/.test(l.line))
        expect(header, `tabel ${t}, vervolgpagina ${p + 1}: kopregel herhaald`).toBeGreaterThanOrEqual(0)
        expect(header, `tabel ${t}, vervolgpagina ${p + 1}: kopregel boven de rijen`).toBeLessThan(page.findIndex((l) => row.test(l.line)))
      }
      for (let i = 1; i <= 20 + t; i++) {
        expect(own.find((l) => l.line.includes(`R${t}-${i} `))?.p, `rij ${t}-${i} heel op één pagina`).toBe(own.find((l) => l.line.includes(`E${t}-${i}`))?.p)
      }
    }
    expect(continued).toBeGreaterThan(10)
  })

  it('a table too wide for portrait is set on a landscape page, with its heading and notes; the others stay portrait', async () => {
    // Ten years side by side: Helmond's comparison table no longer fits the portrait column.
    const root = projectWith()
    const organisation = join(root, 'data', 'organisatie.yaml')
    writeFileSync(organisation, readFileSync(organisation, 'utf8').replace(/^ {2}venster: \d+$/m, '  venster: 10'))
    const { browser } = await sharedBrowser()
    const { outputs } = await compile(root, { years: [2024], printer: browserPrinter(browser) })
    expect(String(outputs.get('2024/index.html'))).toContain('<div class="tabel breed liggend" role="region" aria-label="Kengetallen 2015 t/m 2024"')
    const { file, pages: text } = pages(outputs.get('2024/jaarverslag-integriteit-2024.pdf') as Uint8Array)
    const wide = text.findIndex((page) => page.includes('Kengetallen 2015 t/m 2024'))
    const sizes = execFileSync('pdfinfo', ['-f', '1', '-l', String(text.length), file], { encoding: 'utf8' }).match(/Page +\d+ size: +[\d.]+ x [\d.]+/g)!.map((l) => l.replace(/^Page +\d+ size: +/, ''))
    expect(sizes[wide]).toBe('841.92 x 594.96')
    expect(sizes.filter((s) => s !== '594.96 x 841.92')).toHaveLength(1)
    expect(text[wide]).toContain('Cijfers vergeleken met eerdere jaren')
    expect(text[wide]).toMatch(/Meldingen +6 +11 +4 +11 +10 +17 +10 +7 +10 +18 +\+8(?! *\()/)
    expect(text[wide]).toContain('– betekent: voor dat jaar is geen cijfer bekend')
  })
})

describe('a concept year', () => {
  let root: string
  let html: string
  let file: string
  beforeAll(async () => {
    root = projectWith()
    const meta = join(root, 'data', '2024', 'meta.yaml')
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^status: definitief$/m, 'status: concept'))
    const { browser } = await sharedBrowser()
    const { outputs } = await compile(root, { years: [2024], printer: browserPrinter(browser) })
    html = String(outputs.get('2024/index.html'))
    file = join(root, 'concept.pdf')
    writeFileSync(file, outputs.get('2024/jaarverslag-integriteit-2024-concept.pdf') as Uint8Array)
  })

  it('prints CONCEPT on every page of the PDF, as an artifact', async () => {
    const pages = pdfText(file).split('\f').filter((p) => p.trim())
    expect(pages.length).toBeGreaterThan(8)
    pages.forEach((page, i) => expect(page, `pagina ${i + 1}`).toMatch(/^CONCEPT$/m))
    // The cover says "Concept" in its status line (content); the page mark is not in the structure tree.
    const structure = await structureText(file)
    expect(structure.match(/CONCEPT/gi)).toHaveLength(1)
  })

  it('the mark is a pagination artifact: the cover, without header and footer, has exactly that one', async () => {
    const pdf = await PDFDocument.load(readFileSync(file))
    const cover = pageOperators(pdf, pdf.getPages()[0]!)
    expect(cover.filter((o) => ['Tj', 'TJ'].includes(o.op) && o.depth === 0)).toEqual([])
    expect(cover.filter((o) => o.op === 'BT' && o.outer === 'Artifact')).toHaveLength(1)
  })

  it('shows a banner on the page that meets WCAG 2.1 AA, also for contrast; a definitief year shows none', async () => {
    expect(html).toContain('<p class="concept-banner" role="note"><strong>Concept</strong>: dit verslag is nog niet vastgesteld.')
    expect(html).not.toContain('· vastgesteld')
    const { browser } = await sharedBrowser()
    const result = await axeCheck(browser, html)
    expect(result.violations).toEqual([])
    const definitief = await compile(REPO, { years: [2024] })
    expect(String(definitief.outputs.get('2024/index.html'))).not.toContain('concept-banner"')
  })
})

describe('the build command and the browser', () => {
  it('without a browser: a Dutch error, exit code 3, and the HTML is still written', () => {
    const root = projectWith()
    const r = cli(['build', '--map', root, '--jaar', '2024'], { env: { JAARVERSLAG_CHROMIUM: '/bestaat/niet/chromium' } })
    expect(r.code).toBe(3)
    expect(r.stderr).toContain('Er is geen Chromium of Chrome gevonden om de PDF te maken (gezocht: /bestaat/niet/chromium). De HTML is wel gemaakt.')
    expect(r.stderr).toContain('sudo apt-get install chromium')
    expect(existsSync(join(root, 'output', '2024', 'index.html'))).toBe(true)
    expect(existsSync(join(root, 'output', '2024', 'jaarverslag-integriteit-2024.pdf'))).toBe(false)
  })

  it('gives the browser the time of JAARVERSLAG_AFDRUKTIJD to start, as every step of printing', async () => {
    // A browser that never answers: the start must give up after the chosen second, not after a fixed limit of its own.
    const dir = mkdtempSync(join(tmpdir(), 'jaarverslag-traag-'))
    const hanging = join(dir, 'chromium')
    writeFileSync(hanging, '#!/bin/sh\nexec sleep 120\n', { mode: 0o755 })
    const session = new PrintSession(undefined, { ...process.env, JAARVERSLAG_CHROMIUM: hanging, JAARVERSLAG_AFDRUKTIJD: '1' })
    onTestFinished(() => { session.close(); rmSync(dir, { recursive: true, force: true }) })
    const start = performance.now()
    const failed: unknown = await session.printer()!.print('<p>x</p>', buildReportModel(check(REPO).project!, 2024)).catch((error: unknown) => error)
    expect(failed).toBeInstanceOf(PrintError)
    expect((failed as PrintError).message).toBe('de browser reageerde niet op tijd')
    expect(performance.now() - start).toBeLessThan(20_000)
    // The build names the time limit and how to raise it; --debug adds the browser's own words for a bug report.
    const r = cli(['build', '--map', projectWith(), '--jaar', '2024', '--debug'], { env: { JAARVERSLAG_CHROMIUM: hanging, JAARVERSLAG_AFDRUKTIJD: '1' } })
    expect(r.code).toBe(3)
    expect(r.stderr).toContain('kon niet worden gemaakt: de browser reageerde niet binnen 1 seconde.  [browser-te-traag]')
    expect(r.stderr).toContain('JAARVERSLAG_AFDRUKTIJD=120')
    expect(r.stderr).toMatch(/^starten: TimeoutError/m)
  })

  it('starts the Chromium program itself, not the shell script Debian puts before it', () => {
    // Debian's /usr/bin/chromium greps /proc/cpuinfo and runs findmnt, ls and tr before it starts this program.
    if (!existsSync('/usr/lib/chromium/chromium')) return
    const { path } = findBrowser({})
    expect(path).toBe('/usr/lib/chromium/chromium')
    expect(readFileSync(path!).subarray(0, 2).toString()).not.toBe('#!')
    // A browser the user chose is used as it is.
    expect(findBrowser({ JAARVERSLAG_CHROMIUM: '/usr/bin/chromium' }).path).toBe('/usr/bin/chromium')
  })

  it('prints in the browser\'s own process where Chromium has no sandbox (as root), with no renderer process beside it', async () => {
    if (process.getuid?.() !== 0) return
    const spawned = spawnBrowser(findBrowser().path!, {})
    onTestFinished(() => void spawned.kill())
    const browser = await connectBrowser(spawned)
    expect((await printPdf(browser, '<p>Een pagina</p>')).length).toBeGreaterThan(1000)
    const types = running(descendants(spawned.child.pid!)).map((pid) => spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).stdout)
    expect(types.filter((args) => args.includes('--type=renderer'))).toEqual([])
    expect(spawnSync('ps', ['-o', 'args=', '-p', String(spawned.child.pid)], { encoding: 'utf8' }).stdout).toContain('--single-process')
  })

  it('keeps the browser profile in memory unless TMPDIR says where, and removes it when the browser is ended', async () => {
    expect(profileFolder({ TMPDIR: '/elders' })).toBe('/elders')
    if (existsSync('/dev/shm')) expect(profileFolder({})).toBe('/dev/shm')
    const spawned = spawnBrowser(findBrowser().path!, {})
    onTestFinished(() => void spawned.kill())
    expect(spawned.profile.startsWith(join(profileFolder({}), 'jaarverslag-chromium-'))).toBe(true)
    expect(existsSync(spawned.profile)).toBe(true)
    await spawned.kill({ inBackground: true })
    expect(existsSync(spawned.profile)).toBe(false)
  })

  it('ends the browser started for a command line that asked for a PDF but is wrong, and removes its profile', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'jaarverslag-eigen-'))
    onTestFinished(() => rmSync(tmp, { recursive: true, force: true }))
    const r = cli(['build', '--map', projectWith(), '--onbekend'], { env: { TMPDIR: tmp }, timeoutMs: 30_000 })
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('[gebruik-optie-onbekend]')
    expect(chromiumProcesses(tmp)).toEqual([])
    expect(readdirSync(tmp)).toEqual([])
  })

  it('leaves no Chromium behind after a build, and after a failed build', () => {
    const root = projectWith()
    // A temp folder of its own, so this run's browser profile is recognisable among other tests' browsers.
    const tmp = mkdtempSync(join(tmpdir(), 'jaarverslag-eigen-'))
    expect(cli(['build', '--map', root, '--jaar', '2024'], { env: { TMPDIR: tmp } }).code).toBe(0)
    expect(readFileSync(join(root, 'output', '2024', 'jaarverslag-integriteit-2024.pdf')).subarray(0, 8).toString()).toBe('%PDF-1.7')
    expect(chromiumProcesses(tmp)).toEqual([])
    writeFileSync(join(root, 'data', '2024', 'meldingen.yaml'), 'totaal: tien\n')
    expect(cli(['build', '--map', root, '--jaar', '2024'], { env: { TMPDIR: tmp } }).code).toBe(1)
    expect(chromiumProcesses(tmp)).toEqual([])
  })

  it('--profiel times every step of a PDF build once; the browser ends before the last PDF is finished', () => {
    const r = cli(['build', '--map', projectWith(), '--jaar', '2024', '--profiel'])
    expect(r.code, r.stderr).toBe(0)
    const table = (r.stdout + r.stderr).split('\n').slice((r.stdout + r.stderr).split('\n').findIndex((l) => l.startsWith('stap')) + 1)
    const steps = new Map(table.flatMap((line) => {
      const m = /^(.+?)\s+(\d+)\s+(\d+)\s+(\d+)$/.exec(line)
      return m ? [[m[1]!, { begin: Number(m[2]), end: Number(m[3]), ms: Number(m[4]) }] as const] : []
    }))
    const names = ['node en de CLI laden', 'spawn', 'programma laden', 'launch + connect', 'controleren', 'html 2024', 'pdf 2024', 'tab', 'setContent', 'pdf', 'pdf-lib', 'close', 'schrijven', 'uitvoer vervangen', 'totaal']
    expect([...steps.keys()].sort()).toEqual([...names].sort())
    for (const [name, s] of steps) {
      expect(s.begin, name).toBeLessThanOrEqual(s.end)
      expect(Math.abs(s.end - s.begin - s.ms), name).toBeLessThanOrEqual(1)
    }
    // Chromium starts before the CLI's own modules have loaded (bin/jaarverslag.js), and is gone while pdf-lib finishes the PDF.
    expect(steps.get('spawn')!.begin).toBeLessThan(steps.get('node en de CLI laden')!.end)
    expect(steps.get('close')!.begin).toBeLessThanOrEqual(steps.get('pdf-lib')!.begin)
  })

  it('leaves no Chromium behind when the CLI is killed (SIGINT and SIGKILL)', async () => {
    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      const root = projectWith()
      // A profile folder of its own: in the shared one another build's start (another test file, another run) would
      // remove the profile kill -9 leaves before this test sees it.
      const tmp = mkdtempSync(join(tmpdir(), 'jaarverslag-eigen-'))
      onTestFinished(() => rmSync(tmp, { recursive: true, force: true }))
      const child = cliAsync(['build', '--map', root], { env: { TMPDIR: tmp } })
      // Wait until this build's browser is up, then stop the CLI.
      let browser: number[] = []
      const deadline = Date.now() + 30_000
      while (browser.length < 2 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50))
        browser = descendants(child.pid!)
      }
      expect(browser.length, 'de browser is gestart').toBeGreaterThan(1)
      child.kill(signal)
      await new Promise((r) => child.once('exit', r))
      const gone = Date.now() + 10_000
      while (running(browser).length > 0 && Date.now() < gone) await new Promise((r) => setTimeout(r, 100))
      expect(running(browser), `na ${signal}`).toEqual([])
      expect(existsSync(join(root, 'output')), `geen halve uitvoer na ${signal}`).toBe(false)
      // After kill -9 nothing of the CLI ran to remove its browser profile: the next build's browser start does.
      const profiles = () => readdirSync(tmp).filter((n) => n.startsWith(`jaarverslag-chromium-${child.pid}-`))
      if (signal === 'SIGKILL') {
        expect(profiles()).toHaveLength(1)
        removeDeadProfiles(tmp)
      }
      expect(profiles(), `browserprofiel na ${signal}`).toEqual([])
    }
  })
})
