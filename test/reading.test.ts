import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseDocument } from 'yaml'
import { compile } from '../src/compile.js'
import { toJson } from '../src/diagnostics/reporter.js'
import { asDrafts, cleanupProjects, PROJECTS, projectWith } from './helpers/project.js'
import { DEFAULT_TEMPLATES } from '../src/compile/templates.js'
import { loadPhrases } from '../src/render/phrases.js'
import { CAPITAL_AFTER_COLON, captionRepeatsTitle, nestedParentheses, numberPlaces, readPage, repeatedSentences, SIDE_BY_SIDE, smallCountsInDigits, smallCountsInToolText, toolSentences } from './helpers/reading.js'

// Every page of every project read as a copy editor reads a report (see
// helpers/reading.ts for the rules), and the cases that broke them, each
// built from the example data as it was found.

afterAll(cleanupProjects)

/** The year pages of a project, by the last year of their period. */
async function pagesOf(root: string, years?: number[]): Promise<Map<number, string>> {
  const { outputs, files } = await compile(root, years ? { years } : {})
  expect(toJson(files, root).filter((m) => m.severity === 'fout')).toEqual([])
  const pages = new Map<number, string>()
  for (const [path, content] of outputs) {
    const m = /^(?:\d{4}-)?(\d{4})\/index\.html$/.exec(path)
    if (m && typeof content === 'string') pages.set(Number(m[1]), content)
  }
  return pages
}

const built = new Map<string, Map<number, string>>()

beforeAll(async () => {
  for (const [name, root] of PROJECTS) built.set(name, await pagesOf(root))
}, 300_000)

/** The elements below a node (or a page) that pass a test, in document order. */
const elements = (from: string | Element, test: (n: Element) => boolean): Element[] => {
  const out: Element[] = []
  visit(typeof from === 'string' ? (fromHtml(from) as Root) : from, 'element', (n: Element) => { if (test(n)) out.push(n) })
  return out
}

describe.each(PROJECTS)('every page of %s, read by a copy editor', (name, root) => {
  it('reads a whole report in its latest year: a voorwoord, a duiding of the figures, and ambities or a closing word', () => {
    const [year, html] = [...built.get(name)!].sort(([a], [b]) => b - a)[0]!
    const own = (text: string) => join(root, 'data', String(year), 'tekst', `${text}.md`)
    expect(['voorwoord', 'duiding'].filter((t) => !existsSync(own(t))), `${name} ${year}`).toEqual([])
    expect(existsSync(own('ambities')) || existsSync(own('tot-slot')), `${name} ${year}: ambities of tot slot`).toBe(true)
    const chapters = elements(html, (n) => n.tagName === 'h2').map((n) => toString(n))
    expect(chapters, `${name} ${year}`).toContain('Voorwoord')
    expect(chapters.some((c) => c === 'Ambities' || c === 'Tot slot'), `${name} ${year}: ${chapters.join(', ')}`).toBe(true)
  })

  it('repeats no sentence, nests no parentheses, puts no two numbers side by side, and no caption repeats its title', () => {
    const pages = built.get(name)!
    expect(pages.size).toBeGreaterThan(0)
    // Its ambitions may name the next year; nothing later.
    for (const [year, html] of pages) expect(readPage(html, year + 1), `${name} ${year}`).toEqual([])
  })

  it('writes a small count in the coördinator\'s own text in words', () => {
    const root = PROJECTS.find(([n]) => n === name)![1]
    const data = join(root, 'data')
    const sources = readdirSync(data).filter((y) => existsSync(join(data, y, 'tekst'))).flatMap((y) => readdirSync(join(data, y, 'tekst')).filter((f) => f.endsWith('.md')).map((f) => readFileSync(join(data, y, 'tekst', f), 'utf8')))
    const places = numberPlaces(sources)
    for (const [year, html] of built.get(name)!) {
      const found = elements(html, (n) => ['p', 'li'].includes(n.tagName)).flatMap((n) => smallCountsInDigits(toString(n), places))
      expect(found, `${name} ${year}`).toEqual([])
    }
  })

  it('writes a small count in the tool\'s own sentences in words, where they compare no figures and count no more than twenty', () => {
    const { phrases } = loadPhrases(DEFAULT_TEMPLATES, join(root, 'templates'), [DEFAULT_TEMPLATES, root])
    const sentences = toolSentences(phrases.values())
    expect(sentences.length).toBeGreaterThan(0)
    for (const [year, html] of built.get(name)!) {
      const found = elements(html, (n) => ['p', 'li'].includes(n.tagName)).flatMap((n) => smallCountsInToolText(toString(n).replace(/\s+/g, ' '), sentences))
      expect(found, `${name} ${year}`).toEqual([])
    }
  })

  it('orders the years of every table the same way, oldest first, capitalises every category, and heads no section over its total alone', () => {
    for (const [year, html] of built.get(name)!) {
      for (const table of elements(html, (n) => n.tagName === 'table')) {
        const caption = toString(elements(table, (n) => n.tagName === 'caption')[0] ?? table).slice(0, 60)
        const heads = elements(table, (n) => n.tagName === 'th' && n.properties?.scope === 'col').map((n) => toString(n))
        const years = heads.map((t) => /^(?:(?:Aantal|Vermeldingen) )?(\d{4})$/.exec(t.trim())?.[1]).filter(Boolean).map(Number)
        expect(years, `${name} ${year}: ${caption}`).toEqual([...years].sort((a, b) => a - b))
        const rows = elements(table, (n) => n.tagName === 'th' && n.properties?.scope === 'row').map((n) => toString(n).trim())
        expect(rows.filter((r) => /^\p{Ll}/u.test(r)), `${name} ${year}: ${caption}`).toEqual([])
        // A section heading over a lone 'Totaal' row says in two rows what one row says.
        const lone = elements(table, (n) => n.tagName === 'tbody').map((body) => elements(body, (n) => n.tagName === 'tr')).filter((trs) =>
          trs.length === 2 && (trs[0]!.properties?.className as string[] | undefined)?.includes('sectie') && toString(trs[1]!.children.find((c): c is Element => c.type === 'element')!).trim() === 'Totaal')
        expect(lone.map((trs) => toString(trs[0]!)), `${name} ${year}: ${caption}`).toEqual([])
      }
    }
  })

  it('heads a section only with what it holds, and keeps the template\'s own sentence under the chapter heading', () => {
    for (const [year, html] of built.get(name)!) {
      const main = elements(html, (n) => n.tagName === 'main')[0]!
      const blocks = main.children.filter((c): c is Element => c.type === 'element')
      blocks.forEach((block, i) => {
        if (!/^h[23]$/.test(block.tagName)) return
        const title = toString(block)
        const end = blocks.findIndex((b, k) => k > i && /^h[23]$/.test(b.tagName) && b.tagName <= block.tagName)
        const body = blocks.slice(i + 1, end < 0 ? undefined : end).map((b) => toString(b)).join(' ')
        if (/regeling/i.test(title)) expect(body, `${name} ${year}: ${title}`).toMatch(/per regeling/)
        if (/signalen/i.test(title)) expect(body, `${name} ${year}: ${title}`).toMatch(/als signaal geregistreerd/)
        if (/adviesvragen/i.test(title)) expect(body, `${name} ${year}: ${title}`).toMatch(/adviesvra(ag|gen)/)
      })
      const own = blocks.findIndex((b) => toString(b).startsWith('In dit verslag legt'))
      if (own < 0) continue
      const heading = blocks.slice(0, own).reverse().find((b) => /^h[1-6]$/.test(b.tagName))
      expect(heading && `${heading.tagName} ${toString(heading)}`, `${name} ${year}`).toBe('h2 Inleiding')
    }
  })
})

describe('the rules themselves', () => {
  it('find what they are for, and not the sentences that are right', () => {
    expect(repeatedSentences(['Het aantal was 7; over 2015 is het aantal niet bekend. Over 2015 is het aantal niet bekend.'])).toHaveLength(1)
    expect(repeatedSentences(['In 2024 waren het er 7.', 'In 2023 waren het er 7.'])).toEqual([])
    expect(nestedParentheses('26 meldingen (2023 (tot en met 30 november): 19)')).toBeDefined()
    expect(nestedParentheses('88 (voor)onderzoeken (2019: 112 (voor)onderzoeken)')).toBeUndefined()
    expect(SIDE_BY_SIDE.test('werden in 2024 3 nieuwe meldingen gedaan')).toBe(true)
    expect(SIDE_BY_SIDE.test('435 uur in 2023, 215 uur in 2022; € 2.500 op 30 november 2023')).toBe(false)
    expect(captionRepeatsTitle('Stand van zaken.', 'Stand van zaken aan het einde van het jaar 2024: …')).toBe(true)
    expect(captionRepeatsTitle('Uren vertrouwenspersonen per activiteit.', 'Uren van de vertrouwenspersonen per activiteit. In totaal …')).toBe(true)
    expect(captionRepeatsTitle('Stand van zaken.', 'Aan het einde van 2024: gegrond: 1 melding.')).toBe(false)
    expect(captionRepeatsTitle('Kwestie in relatie tot (vermeldingen).', 'Kwestie in relatie tot in 2024: collega: 14 vermeldingen')).toBe(true)
    expect(CAPITAL_AFTER_COLON.test('Meldingen 2024 naar herkomst: Intern: 9 meldingen')).toBe(true)
    const places = numberPlaces(['Sinds medio {{ jaar }} werken er\n{{ kengetallen.functionarissen }} functionarissen. Volgens artikel 3 van de regeling zijn er 4 *vertrouwenspersonen*.'])
    expect(smallCountsInDigits('Sinds medio 2024 werken er 2 functionarissen integriteit.', places)).toEqual(['er 2 functionarissen'])
    expect(smallCountsInDigits('Volgens artikel 3 van de regeling zijn er 4 vertrouwenspersonen.', places)).toEqual(['er 4 vertrouwenspersonen'])
    expect(smallCountsInDigits('Sinds medio 2024 werken er twee functionarissen; er 21 functionarissen.', places)).toEqual([])
    // The tool's own comparison in digits, a date and a unit are not the coördinator's counts.
    expect(smallCountsInDigits('In 2024 ontving het meldpunt 3 meldingen, tegen 1 in 2023 (tot en met 3 december); 5 uur.', places)).toEqual([])
    expect(CAPITAL_AFTER_COLON.test('Deelnemers medewerkersonderzoek (MTO): ruim 270 collega\'s; MTO: WhatsApp')).toBe(false)
    const said = toolSentences([
      { name: 'maatregelen', kind: 'vergelijking', variants: { bekend: 'Op {waarde} volgde een maatregel.', vergeleken: 'Op {waarde} volgde een maatregel, tegen {vorig} in {vorig_jaar}.', gelijk: 'Op {waarde} volgde een maatregel, net als in {vorig_jaar}.' } },
      { name: 'eerder', kind: 'eerdere-jaren', variants: { een_jaar: 'In {jaren} waren het er {waarde}.', twee_jaren: 'Eerder waren het er {per_jaar}.' } },
      { name: 'uren', kind: 'vergelijking', variants: { bekend: 'De vertrouwenspersonen besteedden {waarde} aan hun werk.' } },
    ])
    expect(smallCountsInToolText('Op 1 melding volgde een maatregel, net als in 2023. Op 8 meldingen volgde een maatregel.', said))
      .toEqual(['maatregelen.gelijk: Op 1 melding volgde een maatregel, net als in 2023.', 'maatregelen.bekend: Op 8 meldingen volgde een maatregel.'])
    // A comparison keeps its counts in digits, and so does the sentence on the earlier years after it; after a sentence in words, it writes words.
    expect(smallCountsInToolText('Op 8 meldingen volgde een maatregel, tegen 7 in 2023. In 2022 waren het er 7.', said)).toEqual([])
    expect(smallCountsInToolText('Op acht meldingen volgde een maatregel. In 2022 waren het er 7.', said)).toEqual(['eerder.een_jaar: In 2022 waren het er 7.'])
    expect(smallCountsInToolText('Op acht meldingen volgde een maatregel. Eerder waren het er 5 in 2021 en 6 in 2022.', said)).toEqual([])
    expect(smallCountsInToolText('Op één melding volgde een maatregel. Op 21 meldingen volgde een maatregel. Op 1.234 meldingen volgde een maatregel. De vertrouwenspersonen besteedden 12 uur aan hun werk.', said)).toEqual([])
  })
})

describe('the cases the pages were read for', () => {
  /** The example data as a draft, with edits to its files. */
  const example = (edit: Record<string, (text: string) => string>) => {
    const root = asDrafts(projectWith())
    for (const [file, change] of Object.entries(edit)) writeFileSync(join(root, 'data', file), change(readFileSync(join(root, 'data', file), 'utf8')))
    return root
  }

  it('a year without a figure in the series is said once, and the caption spans the years (Dijkstad 2021/2022)', async () => {
    const root = example({ 'historie.yaml': (t) => t.replace('"2015": { meldingen: 6 }', '"2015": { meldingen: onbekend }') })
    const html = (await pagesOf(root, [2024])).get(2024)!
    // The text a reader reads (the chart's SVG holds its description too, for the PDF's alternative text).
    const text = elements(html, (n) => ['p', 'figcaption', 'caption'].includes(n.tagName)).map((n) => toString(n)).join('\n')
    expect(text.match(/[Oo]ver 2015 is het aantal niet bekend/g)).toHaveLength(1)
    expect(text).toContain('Meldingen per jaar, 2011 t/m 2024 (2015 onbekend)')
    expect(readPage(html, 2025)).toEqual([])
  })

  it('a part of the year before is named without parentheses inside parentheses (Dijkstad 2024)', async () => {
    const root = example({ '2023/meta.yaml': (t) => `${t}deelperiode:\n  tot: 2023-11-30\n` })
    const html = (await pagesOf(root, [2024])).get(2024)!
    expect(toString(fromHtml(html))).toMatch(/\(2023, tot en met 30 november: \d+\)/)
    expect(readPage(html, 2025)).toEqual([])
  })

  it('a small count after a year is written in words (Helmond 2024: "in 2024 drie nieuwe meldingen")', () => {
    expect(built.get('voorbeeld')!.get(2024)).toContain('Via de vertrouwenspersonen werden in 2024 drie nieuwe meldingen gedaan, tegen twee in 2023.')
  })

  it('a small count in the coördinator\'s own text is written in words through its figure (Maasvliet 2024: "kwamen er acht casussen bij")', () => {
    const paragraphs = elements(built.get('maasvliet')!.get(2024)!, (n) => n.tagName === 'p').map((n) => toString(n).replace(/\s+/g, ' '))
    expect(paragraphs).toContainEqual(expect.stringContaining('Tot en met september kwamen er acht casussen bij;'))
  })

  it('the chart of the years says its years without a figure in one clause (Waterland-Oost 2024: 2020 and 2023)', () => {
    const captions = elements(built.get('waterland-oost')!.get(2024)!, (n) => n.tagName === 'figcaption').map((n) => toString(n).replace(/\s+/g, ' '))
    const years = captions.find((c) => c.startsWith('Meldingen per jaar'))
    expect(years).toContain('over 2020 en 2023 is het aantal niet bekend.')
    expect(years!.match(/is het aantal niet bekend/g)).toHaveLength(1)
  })

  it('the note on what a number counts follows that number (Helmond 2023)', () => {
    const main = elements(built.get('voorbeeld')!.get(2023)!, (n) => n.tagName === 'p').map((n) => toString(n))
    const note = main.findIndex((t) => t.startsWith('Dit aantal telt vooronderzoeken en onderzoeken samen'))
    expect(main[note - 1]).toMatch(/^In 2023 waren er \S+ \(voor\)onderzoeken[^.]*\.$/)
  })

  it('a note on percentages names a comparison only where the table shows one (Huizen 2021/2022 without the MTO of 2020)', async () => {
    const root = projectWith(undefined, PROJECTS.find(([n]) => n === 'huizen')![1])
    const file = join(root, 'data', 'historie.yaml')
    const history = parseDocument(readFileSync(file, 'utf8'))
    history.deleteIn(['jaren', '2020', 'kengetallen'])
    writeFileSync(file, history.toString())
    const notes = elements((await pagesOf(root)).get(2022)!, (n) => n.tagName === 'p').map((n) => toString(n)).filter((t) => t.startsWith('Percentages zijn niet op te tellen'))
    expect(notes).toEqual(['Percentages zijn niet op te tellen: bij 2021/2022 samen staat het percentage van 2022.'])
  })

  it('a chart caption starts with its year, not its title again, and goes on in lower case after a colon (Helmond 2024: "Kwestie in relatie tot in 2024: collega", "Meldingen 2024 naar herkomst en regeling: Intern")', () => {
    const descriptions = elements(built.get('voorbeeld')!.get(2024)!, (n) => n.tagName === 'span' && String(n.properties.className).includes('grafiek-beschrijving')).map((n) => toString(n).trim())
    expect(descriptions).toContainEqual(expect.stringMatching(/^In 2024: collega: \d+ vermeldingen; leidinggevende/))
    expect(descriptions).toContainEqual(expect.stringMatching(/^Herkomst in 2024: intern: \d+ meldingen; extern: /))
    expect(descriptions.filter((d) => CAPITAL_AFTER_COLON.test(d))).toEqual([])
  })

  it('a report speaks of no year after its own but in its ambitions (Rotterdam 2016: "Tot en met 2018 tellen …")', () => {
    const page = built.get('rotterdam')!.get(2016)!
    expect(readPage(page, 2017).filter((r) => r.rule.startsWith('jaar na het verslag'))).toEqual([])
    expect(toString(fromHtml(page))).toContain('Dit aantal telt alleen de onderzoeken van de centrale onderzoekseenheid')
  })

  it('a heading over two subjects names only the one the section has (Maasvliet 2024: no regeling)', () => {
    const headings = elements(built.get('maasvliet')!.get(2024)!, (n) => n.tagName === 'h3').map((n) => toString(n))
    expect(headings).toContain('Herkomst')
    expect(headings).not.toContain('Herkomst en regeling')
  })
})
