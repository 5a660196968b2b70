import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compile } from '../src/compile.js'
import { browserPrinter } from '../src/print/index.js'
import { cleanupProjects, projectWith, REPO } from './helpers/project.js'
import { closeSharedBrowser, sharedBrowser } from './helpers/browser.js'
import { chromiumProcesses, cli, cliAsync, descendants, running } from './helpers/cli.js'

afterAll(async () => { cleanupProjects(); await closeSharedBrowser() })

const pdfText = (file: string, ...args: string[]) => execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' })
const pdfInfo = (file: string) => Object.fromEntries(execFileSync('pdfinfo', [file], { encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => {
  const i = l.indexOf(':')
  return [l.slice(0, i), l.slice(i + 1).trim()]
}))

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
    expect(text).toMatch(/Totaal aantal uren 619 435 215/)
    expect(text).toMatch(/pagina 2 van \d+/)
    expect(text).not.toMatch(/Title text|group mark container/)
  })

  it('has bookmarks with the chapter titles', async () => {
    const titles = await outline(bytes)
    for (const chapter of ['Voorwoord', 'Inleiding', 'Meldingen', 'Jaarverslag vertrouwenspersonen', 'Ambities']) {
      expect(titles.some((t) => t.trim() === chapter), `${chapter} in ${titles.join(' | ')}`).toBe(true)
    }
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

  it('leaves no Chromium behind when the CLI is killed (SIGINT and SIGKILL)', async () => {
    for (const signal of ['SIGINT', 'SIGKILL'] as const) {
      const root = projectWith()
      const child = cliAsync(['build', '--map', root])
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
    }
  })
})
