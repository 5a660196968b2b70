import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compile } from '../src/compile.js'
import { cleanupProjects, PROJECTS, projectWith } from './helpers/project.js'

// The comparisons of issue 23, read off every page of every project as a
// raadslid reads them: no percentage on a small base, categories compared
// only with what they were, totals that differ from their parts said so,
// series breaks and partial years visible in tables, text and charts.

const pages = new Map<string, Map<string, Root>>()

beforeAll(async () => {
  for (const [name, root] of PROJECTS) {
    const { outputs } = await compile(root)
    const trees = new Map<string, Root>()
    for (const [path, content] of outputs) {
      const m = /^(\d{4}(?:-\d{4})?)\/index\.html$/.exec(path)
      if (m && typeof content === 'string') trees.set(m[1]!, fromHtml(content))
    }
    pages.set(name, trees)
  }
}, 300_000)

/** The default of vergelijking.procent_vanaf, which none of the projects sets. */
const DEFAULT_PERCENT_FROM = 20

/** The cells of a row of the table whose caption starts so, by the row's header; with the notes under that table. */
function row(project: string, report: string, caption: string, header: string): { cells: string[]; notes: string[] } {
  const tree = pages.get(project)!.get(report)!
  let found: { cells: string[]; notes: string[] } | undefined
  visit(tree, 'element', (wrap) => {
    const table = wrap.children.find((c): c is Element => c.type === 'element' && c.tagName === 'table')
    const title = table && table.children.find((c): c is Element => c.type === 'element' && c.tagName === 'caption')
    if (!table || !title || !toString(title).startsWith(caption)) return
    visit(table, 'element', (tr) => {
      if (tr.tagName !== 'tr') return
      const cells = tr.children.filter((c): c is Element => c.type === 'element')
      if (cells[0] && toString(cells[0]).trim() === header) {
        found = {
          cells: cells.slice(1).map((c) => toString(c).trim()),
          notes: wrap.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'p').map((p) => toString(p)),
        }
      }
    })
  })
  if (!found) throw new Error(`${project} ${report}: geen rij '${header}' in '${caption}'`)
  return found
}

const parse = (s: string) => Number(s.replace(/\./g, '').replace(',', '.').replace('−', '-'))

describe.each(PROJECTS)('the comparisons of %s', (name) => {
  it(`give no change in percent on a base below ${DEFAULT_PERCENT_FROM}, in tables or in text`, () => {
    for (const [report, tree] of pages.get(name)!) {
      visit(tree, 'element', (node) => {
        if (node.tagName !== 'td' && node.tagName !== 'p') return
        const text = toString(node).replace(/\s+/g, ' ')
        // "+5 (+250%)": the base is the change divided by its fraction.
        for (const [cell, abs = '', pct = ''] of text.matchAll(/([+−][\d.,]+) \(([+−][\d.,]+)%\)/g)) {
          expect(Math.abs(parse(abs) / (parse(pct) / 100)), `${name} ${report}: ${cell}`).toBeGreaterThanOrEqual(DEFAULT_PERCENT_FROM - 0.5)
        }
        // "…, tegen 1 in 2023: 2 meer, een stijging van 200%."
        for (const [sentence, base = ''] of text.matchAll(/tegen ([\d.,]+) in \d{4}[^.]*(?:stijging|daling) van [\d,]+%/g)) {
          expect(parse(base), `${name} ${report}: ${sentence}`).toBeGreaterThanOrEqual(DEFAULT_PERCENT_FROM)
        }
      })
    }
  })
})

describe('a kengetal whose definition changed', () => {
  it('Helmond 2024: contactmomenten with the griffier (11) are not compared with 2023\'s talks that counted the burgemeester too (14)', () => {
    const { cells, notes } = row('voorbeeld', '2024', 'Overige kengetallen', 'Contactmomenten van raadsleden met de griffier over integriteit')
    expect(cells).toEqual(['14', '11', 'niet vergelijkbaar'])
    expect(notes.join(' ')).toContain('Contactmomenten van raadsleden met de griffier over integriteit: vanaf 2024 anders geteld, niet vergelijkbaar met eerdere jaren. Tot en met 2023 telden ook de gesprekken met de burgemeester')
  })
})

describe('categories whose list changed between two years', () => {
  it('Maasvliet 2023: "Gegrond" split into "Gegrond, met maatregelen" 3 and "Gegrond" 2 is compared as 4 → 5, never 4 → 2 (−50%)', () => {
    const caption = 'Stand van zaken aan het einde van het jaar, 2022 en 2023'
    expect(row('maasvliet', '2023', caption, 'Gegrond').cells).toEqual(['–', '2', 'niet vergelijkbaar'])
    expect(row('maasvliet', '2023', caption, 'Gegrond, met maatregelen').cells).toEqual(['–', '3', 'niet vergelijkbaar'])
    const { cells, notes } = row('maasvliet', '2023', caption, 'Samen (in 2022: Gegrond)')
    expect(cells).toEqual(['4', '5', '+1'])
    expect(notes).toContain("De indeling is in 2023 gewijzigd: ‘Gegrond’ is gesplitst in ‘Gegrond, met maatregelen’ en ‘Gegrond’. Vanaf 2023 staan gegronde meldingen waarop een maatregel volgde apart; 'Gegrond' telt sindsdien alleen de gegronde meldingen zonder maatregel.")
  })

  it('Helmond 2023: "bestuurder", added to the list that year, is "(toegevoegd)" with no 2022 figure, not 0', () => {
    const { cells, notes } = row('voorbeeld', '2023', 'Kwestie in relatie tot, 2022 en 2023', 'Bestuurder (toegevoegd)')
    expect(cells.slice(0, 3)).toEqual(['–', '2', '–'])
    expect(notes.join(' ')).toContain('De indeling is in 2023 gewijzigd: ‘bestuurder’ is toegevoegd.')
  })
})

describe('a stated total that its parts do not add up to', () => {
  afterAll(cleanupProjects)

  it('Dijkstad-like types 5 + 17 + 8 + 6 + 3 = 39 against "Totaal 40": the table says both numbers and the difference', async () => {
    const root = projectWith()
    writeFileSync(join(root, 'data', '2024', 'meldingen.yaml'), [
      'totaal: 40', 'type:', '  Fraude: 5', '  Ongewenst gedrag/onveilig werkklimaat: 17', '  Misbruik bevoegdheden: 8', '  Vooringenomenheid: 6', '  Corruptie: 3', '',
    ].join('\n'))
    const { outputs, files } = await compile(root, { years: [2024] })
    expect(files.flatMap((f) => f.messages.map((m) => m.ruleId))).toContain('som-verschil')
    const tree = fromHtml(String(outputs.get('2024/index.html')))
    const notes: string[] = []
    visit(tree, 'element', (node) => {
      if (node.tagName === 'p' && (node.properties.className as string[] | undefined)?.includes('voetnoot')) notes.push(toString(node))
    })
    expect(notes).toContain('De categorieën tellen op tot 39, maar het opgegeven totaal is 40: 1 meer dan de som. De tabel toont het totaal zoals het is opgegeven.')
  })
})
