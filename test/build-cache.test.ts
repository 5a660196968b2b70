import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildReportModel } from '../src/aggregate/model.js'
import { yearData } from '../src/aggregate/series.js'
import { compile } from '../src/compile.js'
import { dateText } from '../src/format/nl.js'
import { readCache } from '../src/output/cache.js'
import { Staging } from '../src/output/stage.js'
import { cli } from './helpers/cli.js'
import { asDrafts, cleanupProjects, hashFiles, projectWith, REPO } from './helpers/project.js'

afterAll(cleanupProjects)

const edit = (root: string, path: string, from: string | RegExp, to: string) => {
  const file = join(root, path)
  const text = readFileSync(file, 'utf8')
  expect(text).toMatch(from)
  writeFileSync(file, text.replace(from, to))
}

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ')
/** Tests that print PDFs in several builds: Chromium on a shared machine. */
const PRINTS = 300_000
const PDF_2024 = join('output', '2024', 'jaarverslag-integriteit-2024.pdf')
/** A draft's PDF says in its name that it is one. */
const DRAFT_PDF_2024 = join('output', '2024', 'jaarverslag-integriteit-2024-concept.pdf')

describe('dependencies are what the model read', () => {
  /** Build in memory and write like the CLI does: what was rebuilt? */
  async function build(root: string, options: Parameters<typeof compile>[1] = {}): Promise<string[]> {
    const result = await compile(root, { ...options, cache: readCache(join(root, 'output')) })
    expect(result.files.flatMap((f) => f.messages.filter((m) => m.fatal))).toEqual([])
    new Staging().write(join(root, 'output'), result.outputs)
    return result.built
  }

  it('a report that starts reading another year is rebuilt when that year changes; an unrelated change leaves it fresh', async () => {
    const root = asDrafts(projectWith())
    // 2024 reads 2022 only through the figures and the three-year VP table, not 2022's source line.
    expect(await build(root)).toEqual(['2022', '2023', '2024'])
    edit(root, 'data/2022/meta.yaml', /^bron: .*$/m, 'bron: Een andere bron.')
    expect(await build(root)).toEqual(['2022'])

    // A model that also prints the source of two years back: a new cross-year dependency nobody listed.
    const model: typeof buildReportModel = (project, year) => {
      const m = buildReportModel(project, year)
      return { ...m, source: `${m.source} (eerder: ${yearData(project, year - 2)?.meta.bron ?? 'geen'})` }
    }
    await build(root, { model, all: true })
    edit(root, 'data/2022/meta.yaml', /^bron: .*$/m, 'bron: Weer een andere bron.')
    expect(await build(root, { model })).toEqual(['2022', '2024'])
    expect(readFileSync(join(root, 'output', '2024', 'index.html'), 'utf8')).toContain('(eerder: Weer een andere bron.)')
  })

  it('a later year never changes an earlier report', async () => {
    const root = asDrafts(projectWith())
    await build(root)
    // Two categories swapped: the sums stay right; the 2023 page and the 2024 page (which compares with 2023) change.
    edit(root, 'data/2023/meldingen.yaml', /Misbruik bevoegdheden: 3\n  Ongewenste omgangsvormen: 4/, 'Misbruik bevoegdheden: 4\n  Ongewenste omgangsvormen: 3')
    cpSync(join(REPO, 'data', '2024'), join(root, 'data', '2025'), { recursive: true })
    edit(root, 'data/2025/meta.yaml', 'jaar: 2024', 'jaar: 2025')
    asDrafts(root)
    expect(await build(root)).toEqual(['2023', '2024', '2025'])
  })
})

describe('partial builds keep what they did not make', () => {
  it('--alleen html leaves an up-to-date PDF in place, with and without --alles', () => {
    const root = asDrafts(projectWith())
    expect(cli(['build', '--map', root, '--jaar', '2024']).code).toBe(0)
    const pdf = hashFiles(join(root, 'output', '2024'))['jaarverslag-integriteit-2024-concept.pdf']
    expect(pdf).toBeDefined()
    for (const args of [['--alles'], []]) {
      const r = cli(['build', '--map', root, '--jaar', '2024', '--alleen', 'html', ...args])
      expect(r.code, r.stderr).toBe(0)
      expect(r.stderr).not.toContain('verouderd')
      expect(hashFiles(join(root, 'output', '2024'))['jaarverslag-integriteit-2024-concept.pdf']).toBe(pdf)
    }
    const index = readFileSync(join(root, 'output', 'index.html'), 'utf8')
    expect(index).toContain('href="2024/jaarverslag-integriteit-2024-concept.pdf"')
    expect(index).not.toContain('verouderd')
  }, PRINTS)

  it('an outdated PDF stays after --alleen html, with a warning and a mark on the index page; likewise the HTML after --alleen pdf', () => {
    const root = asDrafts(projectWith())
    expect(cli(['build', '--map', root, '--jaar', '2024']).code).toBe(0)
    const before = hashFiles(join(root, 'output', '2024'))
    edit(root, 'data/2024/meldingen.yaml', 'signalen: 2', 'signalen: 3')
    for (const args of [[], ['--alles']]) {
      const r = cli(['build', '--map', root, '--jaar', '2024', '--alleen', 'html', ...args])
      expect(r.code, r.stderr).toBe(0)
      expect(r.stderr).toContain('uitvoer-verouderd')
      expect(r.stderr).toContain('De PDF van 2024 is niet opnieuw gemaakt en is verouderd: sindsdien veranderde data/2024/meldingen.yaml (signalen)')
      expect(hashFiles(join(root, 'output', '2024'))['jaarverslag-integriteit-2024-concept.pdf']).toBe(before['jaarverslag-integriteit-2024-concept.pdf'])
      expect(readFileSync(join(root, 'output', '2024', 'index.html'), 'utf8')).toContain('werden drie meldingen alleen als signaal')
      expect(readFileSync(join(root, 'output', 'index.html'), 'utf8')).toMatch(/PDF van 2024 \(concept\)<\/a><span class="verouderd"> \(verouderd/)
    }

    edit(root, 'data/2024/meldingen.yaml', 'signalen: 3', 'signalen: 4')
    const html = hashFiles(join(root, 'output', '2024'))['index.html']
    const r = cli(['build', '--map', root, '--jaar', '2024', '--alleen', 'pdf'])
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toContain('De HTML-pagina van 2024 is niet opnieuw gemaakt en is verouderd')
    expect(hashFiles(join(root, 'output', '2024'))['index.html']).toBe(html)
    expect(pdfText(join(root, DRAFT_PDF_2024))).toContain('werden vier meldingen alleen als signaal')
    const index = readFileSync(join(root, 'output', 'index.html'), 'utf8')
    expect(index).toMatch(/Jaarverslag Integriteit 2024<\/a><span class="verouderd">/)
    expect(index).not.toMatch(/PDF van 2024 \(concept\)<\/a><span class="verouderd">/)
  }, PRINTS)
})

describe('adopted reports are frozen', () => {
  it('refuses a changed figure of an adopted report at its place, in each report that shows it; a new template leaves them as adopted', () => {
    const root = projectWith()
    expect(cli(['build', '--map', root]).code).toBe(0)
    const before = hashFiles(join(root, 'output'))

    mkdirSync(join(root, 'templates'))
    writeFileSync(join(root, 'templates', 'verslag.md'), readFileSync(join(REPO, 'templates', 'verslag.md'), 'utf8') + '\nEen extra zin.\n')
    const template = cli(['build', '--map', root])
    expect(template.code, template.stderr).toBe(0)
    expect(template.stdout).toContain('Niets te doen: 2022, 2023, 2024 zijn actueel.')
    expect(hashFiles(join(root, 'output'))).toEqual(before)

    edit(root, 'data/2023/vertrouwenspersonen.yaml', /gesprekken: 164/, 'gesprekken: 999')
    const r = cli(['build', '--map', root])
    expect(r.code).toBe(1)
    // 2023, and 2024, which shows 2023 in its tables; not 2022.
    for (const [key, date] of [['2023', '30 april 2024'], ['2024', '30 april 2025']]) {
      expect(r.stderr).toMatch(new RegExp(`data/2023/vertrouwenspersonen.yaml:\\d+:\\d+  fout  Het verslag ${key} is op ${date} vastgesteld \\(vastgesteld/${key}.json\\), maar het cijfer [a-z_.]*gesprekken in data/2023/vertrouwenspersonen.yaml is sindsdien veranderd: vastgesteld was 164, nu staat er 999.`))
    }
    expect(r.stderr).not.toContain('Het verslag 2022')
    expect(hashFiles(join(root, 'output'))).toEqual(before)
  }, PRINTS)

  it('--herzien makes a revision: the note on the page and in the PDF, the earlier PDF kept beside it', () => {
    const root = projectWith()
    expect(cli(['build', '--map', root, '--jaar', '2024']).code).toBe(0)
    const adopted = hashFiles(join(root, 'output', '2024'))['jaarverslag-integriteit-2024.pdf']
    expect(hashFiles(join(root, 'vastgesteld', '2024'))['jaarverslag-integriteit-2024.pdf']).toBe(adopted)

    edit(root, 'data/2024/meldingen.yaml', 'signalen: 2', 'signalen: 3')
    expect(cli(['build', '--map', root, '--jaar', '2024']).code).toBe(1)
    const r = cli(['build', '--map', root, '--jaar', '2024', '--herzien', 'correctie van het aantal signalen'])
    expect(r.code, r.stderr).toBe(0)
    const note = `Herziene versie van ${dateText(new Date().toISOString().slice(0, 10))}: correctie van het aantal signalen`
    const page = readFileSync(join(root, 'output', '2024', 'index.html'), 'utf8')
    expect(page).toContain(note)
    expect(page).toContain('werden drie meldingen alleen als signaal')
    expect(pdfText(join(root, PDF_2024))).toContain(note)
    const files = hashFiles(join(root, 'output', '2024'))
    expect(files['jaarverslag-integriteit-2024-versie-2025-04-30.pdf']).toBe(adopted)
    expect(files['jaarverslag-integriteit-2024.pdf']).not.toBe(adopted)

    // The revision is now the adopted report: a later build keeps it, note included.
    const again = cli(['build', '--map', root, '--jaar', '2024'])
    expect(again.stdout).toContain('Niets te doen')
    expect(cli(['build', '--map', root, '--jaar', '2024', '--alles']).code).toBe(0)
    expect(readFileSync(join(root, 'output', '2024', 'index.html'), 'utf8')).toContain(note)
    expect(hashFiles(join(root, 'output', '2024'))).toEqual(files)
  }, PRINTS)

  it('without a record (a build that made no PDF) there is nothing to protect', () => {
    const root = projectWith()
    edit(root, 'data/2024/meldingen.yaml', 'signalen: 2', 'signalen: 3')
    expect(existsSync(join(root, 'output'))).toBe(false)
    expect(cli(['build', '--map', root, '--alleen', 'html']).code).toBe(0)
  })
})
