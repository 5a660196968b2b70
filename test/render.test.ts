import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compile } from '../src/compile.js'
import { toJson } from '../src/diagnostics/reporter.js'
import { cleanupProjects, FIXTURES, PROJECTS, projectWith, REPO, updating } from './helpers/project.js'
import { axeCheck } from './helpers/axe.js'
import { closeSharedBrowser, sharedBrowser } from './helpers/browser.js'

afterAll(async () => { cleanupProjects(); await closeSharedBrowser() })

const HOSTILE = '**vet** <script>alert(1)</script> [x](javascript:alert(1))'

describe('the HTML report', () => {
  let outputs: Map<string, string | Uint8Array>
  beforeAll(async () => { outputs = (await compile(REPO)).outputs as Map<string, string | Uint8Array> })
  const page = (year: number) => String(outputs.get(`${year}/index.html`))

  it('matches the golden HTML for every example year (UPDATE=1 rewrites)', () => {
    const dir = join(FIXTURES, 'html')
    mkdirSync(dir, { recursive: true })
    for (const year of [2022, 2023, 2024]) {
      const file = join(dir, `${year}.html`)
      if (updating || !existsSync(file)) {
        if (process.env.CI) throw new Error(`${file} ontbreekt`)
        writeFileSync(file, page(year))
      }
      expect(page(year) === readFileSync(file, 'utf8'), `${year}.html wijkt af van de golden file`).toBe(true)
    }
  })

  it('is one standalone page: lang nl, one h1, skip link, CSP, no scripts, nothing from elsewhere', () => {
    const html = page(2024)
    expect(html).toMatch(/^<!doctype html><html lang="nl">/)
    expect(html.match(/<h1[ >]/g)).toHaveLength(1)
    expect(html).toContain('<a class="overslaan" href="#inhoud">Direct naar de inhoud</a>')
    expect(html.replace(/&#x27;/g, "'")).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; font-src data:;/)
    expect(html).not.toMatch(/<script|<img|<link|<iframe|src="http|url\(http/i)
  })

  it('has the comparisons and tables with caption and scope', () => {
    const html = page(2024)
    expect(html).toContain('In 2024 ontving het meldpunt 18 meldingen, tegen 10 in 2023: 8 meer.')
    expect(html).toContain('<caption>Inzet vertrouwenspersonen, 2022 t/m 2024</caption>')
    expect(html).toMatch(/<th scope="row">Totaal aantal uren<\/th><td class="getal">215<\/td><td class="getal">435<\/td><td class="getal">619<\/td>/)
    expect(html).toContain('<svg')
    expect(html.match(/<figure class="grafiek" aria-label="[^"]+">/g)?.length).toBe(8)
  })

  it('says what the meldingen at the vertrouwenspersonen are: the new ones, those running from earlier years, and the total of both', () => {
    // Seed 000: 4 running + 3 via a vertrouwenspersoon + 0 by one = 7; in 2023 0 + 2 + 0 = 2, the same kind of total.
    const html = page(2024)
    // Two numbers side by side ("in 2024 3") read as one: the small counts in words.
    expect(html).toContain('Via de vertrouwenspersonen werden in 2024 drie nieuwe meldingen gedaan, tegen twee in 2023.')
    // A count by itself in words, a comparison in digits.
    expect(html).toContain('Daarnaast liepen er vier meldingen uit eerdere jaren door.')
    expect(html).toContain('In totaal, met de lopende uit eerdere jaren, liepen er 7 meldingen bij de vertrouwenspersonen, tegen 2 in 2023.')
    expect(html).not.toMatch(/Via de vertrouwenspersonen liepen 7/)
    expect(html).toMatch(/<th scope="row">Meldingen bij de vertrouwenspersonen \(totaal, met lopende uit eerdere jaren\)<\/th><td class="getal">–<\/td><td class="getal">–<\/td><td class="getal">0<\/td><td class="getal">2<\/td><td class="getal">7<\/td>/)
  })

  it('writes the open data next to the page', () => {
    expect(String(outputs.get('2024/data/meldingen-per-jaar.csv'))).toContain('\r\n2024,18,true,,false,\r\n')
    const meta = JSON.parse(String(outputs.get('2024/data/metadata.json')))
    expect(meta['dct:publisher']['foaf:name']).toBe('Gemeente Helmond')
    expect(meta['dcat:distribution'].length).toBeGreaterThan(4)
  })

  it('makes a fragment for a CMS and an index of all years', () => {
    expect(String(outputs.get('2024/fragment.html'))).toMatch(/^<style>[\s\S]*<\/style><div class="jaarverslag">/)
    const index = String(outputs.get('index.html'))
    for (const y of [2022, 2023, 2024]) expect(index).toContain(`href="${y}/index.html"`)
  })
})

describe('data values are text, never markup', () => {
  it('a hostile organisation name and category show literally in page, table, chart and CSS', async () => {
    const root = projectWith()
    const config = join(root, 'data', 'organisatie.yaml')
    writeFileSync(config, readFileSync(config, 'utf8')
      .replace('organisatie: Gemeente Helmond', `organisatie: '${HOSTILE} </style>'`)
      .replace('      - Vooringenomenheid', `      - Vooringenomenheid\n      - '${HOSTILE}'`))
    const meldingen = join(root, 'data', '2024', 'meldingen.yaml')
    writeFileSync(meldingen, readFileSync(meldingen, 'utf8').replace('  Vooringenomenheid: 1', `  '${HOSTILE}': 1`))
    const { outputs, files } = await compile(root, { years: [2024] })
    expect(toJson(files, root).filter((m) => m.severity === 'fout')).toEqual([])
    const html = String(outputs.get('2024/index.html'))
    const escaped = '**vet** &#x3C;script>alert(1)&#x3C;/script> [x](javascript:alert(1))'
    expect(html).toContain(`<th scope="row">${escaped}</th>`)
    expect(html).toContain(`<p class="organisatie">${escaped} &#x3C;/style></p>`)
    // Inside a quoted attribute value "<" is plain text; outside one it must never open an element.
    expect(html.replace(/="[^"]*"/g, '=""')).not.toMatch(/<script/i)
    expect(html).not.toMatch(/href="javascript/)
    expect(html.replace(/="[^"]*"/g, '=""').match(/<\/style>/g)).toHaveLength(1)
  })
})

// Template errors (unknown names, bad filters, broken blocks, unsafe HTML and links) are cases in test/bad-input/.

describe.each(PROJECTS)('accessibility of %s in the real Chromium with axe-core', (name, root) => {
  it('has no WCAG 2.1 AA violations on any page, the index page included', async () => {
    const { outputs } = await compile(root)
    const { browser } = await sharedBrowser()
    const pages = [...outputs.keys()].filter((path) => /^(\d{4}(-\d{4})?\/)?index\.html$/.test(path)).sort()
    expect(pages, name).toContain('index.html')
    expect(pages.length, name).toBeGreaterThan(1)
    const results = await Promise.all(pages.map((path) => axeCheck(browser, String(outputs.get(path)))))
    results.forEach((result, i) => {
      expect(result.violations, `${name} ${pages[i]}`).toEqual([])
      expect(result.passes).toBeGreaterThan(5)
    })
  }, 120_000)
})
