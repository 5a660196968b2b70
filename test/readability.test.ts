import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import { parse } from 'yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { compile } from '../src/compile.js'
import { toJson } from '../src/diagnostics/reporter.js'
import { BREAKDOWNS, BREAKDOWN_IDS } from '../src/domain/breakdowns.js'
import { fixedFigures } from '../src/domain/figures.js'
import { afterColon, number, sentenceCase, valueIn } from '../src/format/nl.js'
import type { Unit } from '../src/domain/figures.js'
import { FIXTURES, PROJECTS, updating } from './helpers/project.js'

// Every generated page of every project is read as a raadslid would: no
// number slot holding "onbekend" or "–" in running text, no NaN/undefined/
// null, no table row or column without a figure, no empty chart, no empty
// section, and every figure of the data somewhere in its page.


interface Built { pages: Map<number, string>; trees: Map<number, Root>; periods: Map<number, number[]> }

const isElement = (n: unknown, tag?: string): n is Element =>
  typeof n === 'object' && n !== null && (n as Element).type === 'element' && (!tag || (n as Element).tagName === tag)

/** Text a reader reads as sentences: paragraphs, list items, headings and captions outside tables. */
function runningText(tree: Root): string[] {
  const out: string[] = []
  visit(tree, 'element', (node: Element) => {
    if (['table', 'style', 'svg', 'details'].includes(node.tagName)) return 'skip'
    if (['p', 'li', 'figcaption', 'h1', 'h2', 'h3', 'h4'].includes(node.tagName)) {
      out.push(toString(node).replace(/\s+/g, ' ').trim())
      return 'skip'
    }
    return undefined
  })
  return out
}

interface Row { header: string; cells: string[]; table: Element }

function tableRows(tree: Root | Element, where: 'tbody' | 'all' = 'all'): Row[] {
  const rows: Row[] = []
  visit(tree, 'element', (table: Element) => {
    if (table.tagName !== 'table') return
    visit(table, 'element', (tr: Element, _i, parent) => {
      if (tr.tagName !== 'tr' || (where === 'tbody' && !isElement(parent, 'tbody'))) return
      const cells = tr.children.filter((c): c is Element => isElement(c))
      const header = cells.find((c) => c.tagName === 'th')
      rows.push({ header: header ? toString(header).trim() : '', cells: cells.filter((c) => c.tagName === 'td').map((c) => toString(c).trim()), table })
    })
  })
  return rows
}

const NO_FIGURE = /^(–|onbekend|)$/

const built = new Map<string, Built>()

beforeAll(async () => {
  for (const [name, root] of PROJECTS) {
    const { outputs, files } = await compile(root)
    expect(toJson(files, root).filter((m) => m.severity === 'fout'), name).toEqual([])
    const pages = new Map<number, string>()
    const trees = new Map<number, Root>()
    const periods = new Map<number, number[]>()
    for (const [path, content] of outputs) {
      // A report over a period (2021-2022) is the page of each of its years.
      const m = /^(\d{4})(?:-(\d{4}))?\/index\.html$/.exec(path)
      if (m && typeof content === 'string') {
        pages.set(Number(m[2] ?? m[1]), content)
        periods.set(Number(m[2] ?? m[1]), Array.from({ length: Number(m[2] ?? m[1]) - Number(m[1]) + 1 }, (_, i) => Number(m[1]) + i))
        const tree = fromHtml(content)
        for (let y = Number(m[1]); y <= Number(m[2] ?? m[1]); y++) trees.set(y, tree)
      }
    }
    built.set(name, { pages, trees, periods })
  }
}, 300_000)

describe.each(PROJECTS)('every page of %s reads well', (name) => {
  const each = (check: (year: number, tree: Root, html: string) => void) => () => {
    const { pages, trees } = built.get(name)!
    expect(pages.size).toBeGreaterThan(0)
    for (const [year, html] of pages) check(year, trees.get(year)!, html)
  }

  it('has no number slot filled with a gap, and no broken words, in running text', each((year, tree) => {
    for (const text of runningText(tree)) {
      const where = `${name} ${year}: "${text}"`
      expect(text, where).not.toMatch(/\bonbekend\b/i)
      // An en dash is fine between two numbers (2021–2022) and in the legend of a table, never as a number.
      expect(text.replace(/\d–\d/g, '').replace(/^– betekent: /, ''), where).not.toMatch(/–/)
      expect(text, where).not.toMatch(/\b(NaN|undefined|null)\b|niet te berekenen|geen vorig jaar|niet te vergelijken/)
      expect(text, where).not.toMatch(/\bvan [+−]\d/)
      expect(text, where).not.toMatch(new RegExp(`sinds ${year}\\b`))
      expect(text, where).not.toMatch(/(\d{4}) t\/m \1\b/)
      expect(text, where).not.toMatch(/\b(Dit|dit) is het [A-Z]/)
      expect(text, where).not.toMatch(/\S (van|bij|in) Gemeente /)
      expect(text, where).not.toMatch(/ {2}|\s[,.:;]/)
      // Awkward Dutch: a count that does not agree, a change of nothing, a sentence that opens with a digit.
      expect(text, where).not.toMatch(/(^|[^\d.,])1 (meldingen|casussen|vermeldingen|onderzoeken|adviesvragen|berichten|uren|procentpunten)\b/)
      // The same in words: "één meldingen", or "nul meldingen" where "geen meldingen" is meant.
      expect(text, where).not.toMatch(/(^|\s)([Éé]én|[Nn]ul) (\S+ )?(meldingen|casussen|vermeldingen|onderzoeken|adviesvragen|berichten|signalen|ontslagen)\b/u)
      expect(text, where).not.toMatch(/\b(stijging|daling|verschil) van 0\b|\b0 procent\b|(^|\s)0(,0)?%/)
      expect(text, where).not.toMatch(/(^|[.!?] )\d/)
      expect(text, where).not.toMatch(/\) \(/)
      // The same number twice, as if it were a change: "1 melding, tegen 1 in 2023".
      expect(text, where).not.toMatch(/\b(\d[\d.,]*) [^,]*, tegen \1 in \d{4}/)
    }
  }))

  it('names the period, not only its last year, in a report over several years', each((year, tree) => {
    const period = built.get(name)!.periods.get(year)!
    if (period.length < 2) return
    visit(tree, 'element', (node: Element) => {
      if (['table', 'style', 'svg', 'details'].includes(node.tagName)) return 'skip'
      if (!['p', 'li', 'figcaption'].includes(node.tagName)) return undefined
      const text = toString(node).replace(/\s+/g, ' ').trim()
      // A note under a table speaks of the years it names (a series break from one year).
      const footnote = (node.properties?.className as string[] | undefined)?.includes('voetnoot')
      if (!footnote && new RegExp(`\\b${year}\\b`).test(text)) {
        expect(period.slice(0, -1).every((y) => new RegExp(`\\b${y}\\b`).test(text)), `${name} ${year}: "${text}" noemt alleen ${year}`).toBe(true)
      }
      return 'skip'
    })
  }))

  it('keeps the chapters on meldingen and the vertrouwenspersonen, saying so when their figures are not known', each((year, tree) => {
    const chapters: string[] = []
    visit(tree, 'element', (n: Element) => { if (n.tagName === 'h2') chapters.push(toString(n)) })
    expect(chapters, `${name} ${year}`).toEqual(expect.arrayContaining(['Meldingen', 'Jaarverslag vertrouwenspersonen']))
  }))

  it('writes a missing figure in a table one way, "–", and explains it under that table', each((year, tree) => {
    visit(tree, 'element', (region: Element) => {
      if (region.properties?.role !== 'region') return
      const cells = tableRows(region, 'tbody').flatMap((r) => r.cells)
      const where = `${name} ${year}: ${String(region.properties.ariaLabel)}`
      expect(cells.filter((c) => /^(onbekend|geen vorig jaar)$/.test(c)), where).toEqual([])
      if (cells.includes('–')) expect(toString(region), where).toMatch(/– betekent: /)
    })
  }))

  it('has no NaN, undefined or null anywhere in the page text', each((year, tree) => {
    const body = tree.children.find((n) => isElement(n, 'html'))
    expect(toString(body as Element), `${name} ${year}`).not.toMatch(/\b(NaN|undefined|null)\b/)
  }))

  it('has no table row and no table column without a figure', each((year, tree) => {
    const rows = tableRows(tree, 'tbody').filter((r) => r.cells.length > 0)
    for (const r of rows) expect(r.cells.every((c) => NO_FIGURE.test(c)), `${name} ${year}: rij "${r.header}" zonder cijfer`).toBe(false)
    for (const table of new Set(rows.map((r) => r.table))) {
      const own = rows.filter((r) => r.table === table)
      const width = Math.max(...own.map((r) => r.cells.length))
      for (let i = 0; i < width; i++) {
        const column = own.map((r) => r.cells[i] ?? '')
        expect(column.every((c) => NO_FIGURE.test(c)), `${name} ${year}: kolom ${i + 1} van "${toString(table).slice(0, 60)}" zonder cijfer`).toBe(false)
      }
    }
  }))

  it('draws no chart with fewer than two values', each((year, tree) => {
    visit(tree, 'element', (figure: Element) => {
      if (figure.tagName !== 'figure') return
      const values = tableRows(figure as unknown as Root, 'tbody').flatMap((r) => r.cells).filter((c) => /\d/.test(c))
      expect(values.length, `${name} ${year}: grafiek "${String(figure.properties?.ariaLabel ?? '').slice(0, 60)}"`).toBeGreaterThanOrEqual(2)
    })
  }))

  it('has no heading without content, and the table of contents lists exactly the chapters', each((year, tree) => {
    const main = (() => { let found: Element | undefined; visit(tree, 'element', (n: Element) => { if (n.tagName === 'main') found = n }); return found! })()
    const blocks = main.children.filter((c): c is Element => isElement(c))
    blocks.forEach((b, i) => {
      const level = /^h([2-6])$/.exec(b.tagName)?.[1]
      if (!level) return
      const next = blocks[i + 1]
      const nextLevel = next && /^h([2-6])$/.exec(next.tagName)?.[1]
      expect(next !== undefined && !(nextLevel && Number(nextLevel) <= Number(level)), `${name} ${year}: kop "${toString(b)}" zonder inhoud`).toBe(true)
    })
    const chapters = blocks.filter((b) => b.tagName === 'h2').map((b) => toString(b))
    const toc: string[] = []
    // The chapters are the top level of the contents (a long report lists its sections under them).
    visit(tree, 'element', (n: Element, _i, parent) => { if (n.tagName === 'a' && isElement(parent, 'li') && (parent.properties?.className as string[] | undefined)?.includes('hoofdstuk')) toc.push(toString(n)) })
    expect(toc, `${name} ${year}`).toEqual(chapters)
  }))

  it('says "het hoogste aantal sinds" only of a year at least as high, and hides no year without a figure', each((year, tree) => {
    visit(tree, 'element', (figure: Element) => {
      const caption = figure.children.find((c): c is Element => isElement(c, 'figcaption'))
      if (!isElement(figure, 'figure') || !caption) return
      // Every chart's caption ends its title before the description starts (a description that starts with the title goes on after a colon).
      const [title, description] = caption.children.filter((c): c is Element => isElement(c, 'span')).map((c) => toString(c))
      expect(`${title}${description?.trimStart().charAt(0)}`, `${name} ${year}`).toMatch(/[.?!:]\S?$|[.?!:]$/)
      if (!toString(caption).startsWith('Meldingen per jaar')) return
      const text = toString(caption).replace(/\s+/g, ' ')
      const where = `${name} ${year}: "${text}"`
      // The chart's own data table: the years with a figure.
      const counts = new Map(tableRows(figure, 'tbody').map((r) => [Number(r.header), Number(r.cells[0]!.replace(/\./g, ''))]))
      // A year without a figure keeps its place on the axis, between the years that have one.
      const svg = figure.children.find((c): c is Element => isElement(c, 'svg'))!
      const axis = new Set<number>()
      // A part of a year reads "2024" with "t/m sep." on a second line.
      visit(svg, 'element', (t: Element) => { if (t.tagName === 'text' && /^\d{4}(t\/m .*)?$/.test(toString(t))) axis.add(Number(toString(t).slice(0, 4))) })
      const years = [...counts.keys()]
      for (let y = Math.min(...years); y <= Math.max(...years); y++) expect(axis.has(y), `${where}: ${y} on the axis`).toBe(true)
      for (const [, from, to] of text.matchAll(/(\d{4}) t\/m (\d{4})/g)) {
        for (let y = Number(from); y <= Number(to); y++) expect(counts.has(y), `${where}: ${y}`).toBe(true)
      }
      const said = /naar (\d+) in (\d{4}), het (hoogste|laagste) aantal (sinds|van alle jaren vanaf) (\d{4})/.exec(text)
      if (!said) return
      const [, value, now, word, how, since] = said
      const higher = (y: number) => (word === 'hoogste' ? counts.get(y)! >= Number(value) : counts.get(y)! <= Number(value))
      const first = how === 'sinds' ? Number(since) + 1 : Number(since)
      if (how === 'sinds') expect(counts.has(Number(since)) && higher(Number(since)), where).toBe(true)
      for (let y = first; y < Number(now); y++) expect(counts.has(y) && !higher(y), `${where}: ${y}`).toBe(true)
    })
    for (const text of runningText(tree)) expect(text, `${name} ${year}`).not.toMatch(/In de jaren \d{4} en \d{4} lag het aantal tussen/)
  }))

  it('compares no part of a year with a whole year, and no percentage as a percentage of a percentage', each((year, tree) => {
    const text = runningText(tree)
    // In every example the year before a partial year is a whole one: nothing on its page may rise or fall.
    const until = text.map((t) => new RegExp(`de cijfers van ${year} lopen tot en met (\\d+ \\S+ \\d{4})`).exec(t)?.[1]).find(Boolean)
    const rows = tableRows(tree, 'tbody')
    if (until) {
      for (const r of rows) expect(r.cells.filter((c) => /^[+−]\d/.test(c)), `${name} ${year}: rij "${r.header}"`).toEqual([])
      expect(text.filter((t) => /stijging|daling|meer dan in|minder dan in|aan het einde van het jaar/.test(t)), `${name} ${year}`).toEqual([])
      for (const t of text.filter((t) => t.startsWith('Stand van zaken ') && !t.includes(':'))) expect(t, `${name} ${year}`).toBe(`Stand van zaken op ${until}`)
    }
    // A row of a percentage figure: its first figure is a percentage (a share column comes last).
    for (const r of rows.filter((r) => /^\d+(,\d)?%\*?$/.test(r.cells.find((c) => c !== '–') ?? ''))) {
      expect(r.cells.filter((c) => /^[+−].*%/.test(c)), `${name} ${year}: rij "${r.header}" vergelijkt een percentage in procenten`).toEqual([])
    }
  }))

  it('matches its golden pages (UPDATE=1 rewrites)', each((year, _tree, html) => {
    if (name === 'voorbeeld') return // the example data has its own golden pages in render.test.ts
    const dir = join(FIXTURES, 'html', name)
    const file = join(dir, `${year}.html`)
    if (updating || !existsSync(file)) {
      if (process.env.CI) throw new Error(`${file} ontbreekt`)
      mkdirSync(dir, { recursive: true })
      writeFileSync(file, html)
    }
    expect(html === readFileSync(file, 'utf8'), `${file} wijkt af van de golden file`).toBe(true)
  }))
})

// — every figure of the data reaches its page —

interface Field { year: number | 'historie'; path: string; text: string; labels: string[] }

const FIGURE_BY_PATH = new Map(Object.values(fixedFigures()).map((d) => [`${d.file}.${d.path.join('.')}`, d]))
const BREAKDOWN_PATHS = ['meldingen.regeling', 'meldingen.type', 'meldingen.status', 'vertrouwenspersonen.soort_kwestie', 'vertrouwenspersonen.relatie']
/** Totals are printed in rows named after their group. */
const TOTAL_LABELS = ['Totaal', 'Totaal aantal uren']

const shown = (n: number, unit: Unit) => (unit === 'aantal' || unit === 'uren' ? number(n) : valueIn(unit, n))

function fieldsOf(root: string): Field[] {
  const fields: Field[] = []
  const dataDir = join(root, 'data')
  const walk = (year: number, file: string, node: unknown, path: string[]) => {
    if (node === null || typeof node !== 'object') {
      const key = `${file}.${path.join('.')}`
      if (path.at(-1) === 'toelichting' && typeof node === 'string') fields.push({ year, path: key, text: node, labels: [] })
      if (typeof node !== 'number') return
      const def = FIGURE_BY_PATH.get(key)
      const breakdown = BREAKDOWN_PATHS.find((b) => key.startsWith(`${b}.`))
      // A category is capitalised in its table, whatever the list wrote.
      const labels = def ? [def.label, ...TOTAL_LABELS] : breakdown ? [sentenceCase(path.at(-1)!)] : []
      fields.push({ year, path: key, text: shown(node, def?.unit ?? 'aantal'), labels })
      return
    }
    for (const [k, v] of Object.entries(node)) walk(year, file, v, [...path, k])
  }
  for (const dir of readdirSync(dataDir).filter((d) => /^\d{4}$/.test(d))) {
    const year = Number(dir)
    for (const file of ['meldingen', 'vertrouwenspersonen']) {
      const path = join(dataDir, dir, `${file}.yaml`)
      if (existsSync(path)) walk(year, file, parse(readFileSync(path, 'utf8')), [])
    }
    const kengetallen = join(dataDir, dir, 'kengetallen.yaml')
    if (existsSync(kengetallen)) {
      for (const k of (parse(readFileSync(kengetallen, 'utf8')) as { kengetallen: { id: string; naam: string; eenheid: Unit; waarde: unknown; toelichting?: string }[] }).kengetallen) {
        if (typeof k.waarde === 'number') fields.push({ year, path: `kengetallen.${k.id}`, text: shown(k.waarde, k.eenheid), labels: [k.naam] })
        if (k.toelichting) fields.push({ year, path: `kengetallen.${k.id}.toelichting`, text: k.toelichting, labels: [] })
      }
    }
  }
  const history = join(dataDir, 'historie.yaml')
  if (existsSync(history)) {
    const jaren = (parse(readFileSync(history, 'utf8')) as { jaren?: Record<string, Record<string, unknown>> }).jaren ?? {}
    const label = { meldingen: fixedFigures()['meldingen.totaal'].label, adviesvragen: fixedFigures()['meldingen.adviesvragen'].label, vp_casussen: fixedFigures()['vp.casussen'].label } as Record<string, string>
    for (const [y, entry] of Object.entries(jaren)) {
      for (const [k, v] of Object.entries(entry)) {
        if (typeof v === 'number' && label[k]) fields.push({ year: 'historie', path: `historie.${y}.${k}`, text: number(v), labels: [label[k], y] })
      }
    }
  }
  return fields
}

describe.each(PROJECTS)('every figure of %s reaches its page', (name, root) => {
  it('finds each number in a row named after its figure, and each note in the text', () => {
    const { trees } = built.get(name)!
    const fields = fieldsOf(root)
    expect(fields.length).toBeGreaterThan(0)
    const missing: string[] = []
    for (const field of fields) {
      const pages = field.year === 'historie' ? [...trees.values()] : [trees.get(field.year)!]
      const found = pages.some((tree) => {
        // A note after its figure's name and a colon goes on in lower case.
        if (field.labels.length === 0) return [field.text, afterColon(field.text)].some((t) => toString(tree).replace(/\s+/g, ' ').includes(t.replace(/\s+/g, ' ')))
        return tableRows(tree).some((r) => field.labels.includes(r.header) && r.cells.some((c) => c.replace(/\*$/, '') === field.text))
      })
      if (!found) missing.push(`${field.year} ${field.path} = ${field.text}`)
    }
    expect(missing, `${name}: cijfers die niet in het verslag staan`).toEqual([])
  })
})

// — a category a year did not register is not a 0 —

const readBreakdown = (root: string, year: number, path: string): Record<string, unknown> | undefined => {
  const [file, key] = path.split('.') as [string, string]
  const yaml = join(root, 'data', String(year), `${file}.yaml`)
  return existsSync(yaml) ? (parse(readFileSync(yaml, 'utf8')) as Record<string, Record<string, unknown> | undefined>)?.[key] : undefined
}

describe('a category missing from one year\'s list', () => {
  it('shows as – (not registered) in that year, its change as not comparable, with one note under the table', () => {
    let checked = 0
    for (const [name, root] of PROJECTS) {
      const { pages, trees } = built.get(name)!
      for (const year of pages.keys()) {
        const tree = trees.get(year)!
        for (const id of BREAKDOWN_IDS) {
          const now = readBreakdown(root, year, id)
          const before = readBreakdown(root, year - 1, id)
          if (!now || !before) continue
          // A year that stops early has the shorter title (no "aan het einde van het jaar").
          const def = BREAKDOWNS[id]
          const captions = [def.title, ...('partialTitle' in def ? [def.partialTitle] : [])].map((t) => `${t}, ${year - 1} en ${year}`)
          const all = tableRows(tree, 'tbody')
          const caption = captions.find((c) => all.some((r) => toString(r.table).startsWith(c))) ?? captions[0]!
          const rows = all.filter((r) => toString(r.table).startsWith(caption))
          const unlisted = [...new Set([...Object.keys(now), ...Object.keys(before)])].filter((c) => !(c in now) || !(c in before))
          for (const category of unlisted) {
            const row = rows.find((r) => r.header === sentenceCase(category))
            const where = `${name} ${year} ${id}: ${category}`
            expect(row, where).toBeDefined()
            expect(row!.cells[category in before ? 1 : 0], where).toBe('–')
            expect(row!.cells[2], where).toBe('niet vergelijkbaar')
            checked++
          }
          let region: Element | undefined
          visit(tree, 'element', (n: Element) => { if (n.properties?.ariaLabel === caption) region = n })
          const noted = region !== undefined && toString(region).includes(`De indeling is in ${year} gewijzigd;`)
          expect(noted, `${name} ${year} ${id}: opmerking onder de tabel`).toBe(unlisted.length > 0)
        }
      }
    }
    // Helmond 2024 (own types, privé) and Rijnstede (signal status) at least.
    expect(checked).toBeGreaterThanOrEqual(8)
  })
})
