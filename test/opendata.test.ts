import { createHash } from 'node:crypto'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, posix } from 'node:path'
import { parse } from 'csv-parse/sync'
import jsonld from 'jsonld'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compile, type CompileResult } from '../src/compile.js'
import { toJson } from '../src/diagnostics/reporter.js'
import { cli } from './helpers/cli.js'
import { cleanupProjects, FIXTURES, PROJECTS, projectWith } from './helpers/project.js'

afterAll(cleanupProjects)

// Expanded IRIs, as DCAT-AP-DONL 2.0 names its properties and value lists.
const DCAT = 'http://www.w3.org/ns/dcat#'
const DCT = 'http://purl.org/dc/terms/'
const FOAF = 'http://xmlns.com/foaf/0.1/'
const VCARD = 'http://www.w3.org/2006/vcard/ns#'
const SPDX = 'http://spdx.org/rdf/terms#'
const XSD = 'http://www.w3.org/2001/XMLSchema#'
const LICENCES = ['http://creativecommons.org/publicdomain/zero/1.0/deed.nl', 'http://creativecommons.org/licenses/by/4.0/deed.nl']
const THEMES = /^http:\/\/standaarden\.overheid\.nl\/owms\/terms\/[A-Za-z_()]+$/
const FILE_TYPE = /^http:\/\/publications\.europa\.eu\/resource\/authority\/file-type\/(CSV|JSON)$/
const MEDIA_TYPE = /^http:\/\/www\.iana\.org\/assignments\/media-types\/(text\/csv|application\/json|application\/csvm\+json)$/

type Node = Record<string, unknown[]>
type Value = { '@id'?: string; '@value'?: unknown; '@type'?: string; '@language'?: string }

/** No network: a context the document does not carry inline fails the expansion. */
const offline = async (url: string): Promise<never> => { throw new Error(`geen netwerk: ${url}`) }

/** A JSON-LD document as a processor reads it, from the address it is published at. */
async function expand(doc: unknown, address: string): Promise<Node> {
  const expanded = await jsonld.expand(doc as jsonld.JsonLdDocument, { base: address, documentLoader: offline as never })
  expect(expanded).toHaveLength(1)
  return expanded[0] as unknown as Node
}

const one = (node: Node, property: string): Value => {
  expect(node[property], property).toHaveLength(1)
  return node[property]![0] as Value
}
const ids = (node: Node, property: string) => (node[property] as Value[] | undefined ?? []).map((v) => v['@id'])
const text = (node: Node, property: string) => one(node, property)['@value']

const builds = new Map<string, CompileResult>()
beforeAll(async () => {
  for (const [name, root] of PROJECTS) builds.set(name, await compile(root, { html: false }))
}, 600_000)

const metadataFiles = (outputs: CompileResult['outputs']) => [...outputs.keys()].filter((p) => p.endsWith('data/metadata.json')).sort()
const configOf = (root: string) => readFileSync(join(root, 'data', 'organisatie.yaml'), 'utf8')
const baseOf = (root: string) => /^ {2}basis_url: (\S+)$/m.exec(configOf(root))?.[1]?.replace(/\/*$/, '/')

describe.each(PROJECTS)('open data of %s as DCAT-AP-DONL (JSON-LD, expanded by jsonld offline)', (name, root) => {
  it('each data set expands to a dcat:Dataset with the properties and value lists the profile requires', async () => {
    const { outputs } = builds.get(name)!
    const base = baseOf(root)
    const files = metadataFiles(outputs)
    expect(files).toContain('data/metadata.json')
    expect(files.length).toBeGreaterThan(1)
    for (const path of files) {
      // Published without a base URL the file is read from where it stands; the URLs in it resolve against it.
      const address = (base ?? 'https://portaal.test/uitvoer/') + path
      const dataset = await expand(JSON.parse(String(outputs.get(path))), address)
      expect(dataset['@type']).toEqual([`${DCAT}Dataset`])
      expect(dataset['@id']).toBe(`${address}#dataset`)
      expect(one(dataset, `${DCT}identifier`)['@value']).toMatch(/metadata\.json#dataset$/)
      for (const p of [`${DCT}title`, `${DCT}description`]) expect(one(dataset, p)).toMatchObject({ '@language': 'nl', '@value': expect.stringMatching(/\S/) })
      for (const p of [`${DCT}publisher`, `${DCT}creator`]) {
        const agent = one(dataset, p) as Node & Value
        expect(agent['@type']).toEqual([`${FOAF}Organization`])
        expect(text(agent, `${FOAF}name`)).toBe(/^organisatie: (.+)$/m.exec(configOf(root))![1])
        const uri = /^ {2}organisatie_uri: (\S+)$/m.exec(configOf(root))?.[1]
        expect(agent['@id']).toBe(uri)
      }
      const contact = one(dataset, `${DCAT}contactPoint`) as Node & Value
      expect(contact['@type']).toEqual([`${VCARD}Organization`])
      expect(text(contact, `${VCARD}fn`)).toMatch(/\S/)
      expect(LICENCES).toContain(one(dataset, `${DCT}license`)['@id'])
      expect(ids(dataset, `${DCT}language`)).toEqual(['http://publications.europa.eu/resource/authority/language/NLD'])
      expect(ids(dataset, `${DCAT}theme`).length).toBeGreaterThan(0)
      for (const theme of ids(dataset, `${DCAT}theme`)) expect(theme).toMatch(THEMES)
      expect(ids(dataset, 'http://www.w3.org/ns/adms#status')).toEqual(['http://data.overheid.nl/status/beschikbaar'])
      const period = one(dataset, `${DCT}temporal`) as Node & Value
      expect(period['@type']).toEqual([`${DCT}PeriodOfTime`])
      for (const p of [`${DCAT}startDate`, `${DCAT}endDate`]) expect(one(period, p)).toMatchObject({ '@type': `${XSD}date`, '@value': expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) })
      for (const p of [`${DCT}issued`, `${DCT}modified`]) for (const v of (dataset[p] ?? []) as Value[]) expect(v['@type']).toBe(`${XSD}date`)
      expect(text(dataset, 'http://www.w3.org/2002/07/owl#versionInfo')).toMatch(/concept|definitief/)

      const distributions = dataset[`${DCAT}distribution`] as Node[]
      const folder = path.slice(0, -'metadata.json'.length)
      // Every file of the folder but this description is a distribution, and nothing else is.
      const listed = [...outputs.keys()].filter((p) => p.startsWith(folder) && !p.slice(folder.length).includes('/') && p !== path).sort()
      expect(distributions.map((d) => ids(d, `${DCAT}downloadURL`)[0]).sort()).toEqual(listed.map((p) => (base ?? 'https://portaal.test/uitvoer/') + p).sort())
      for (const d of distributions) {
        expect(d['@type']).toEqual([`${DCAT}Distribution`])
        const url = one(d, `${DCAT}downloadURL`)['@id']!
        expect(one(d, `${DCAT}accessURL`)['@id']).toBe(url)
        if (base) expect(JSON.stringify(JSON.parse(String(outputs.get(path))))).toContain(`"${url}"`)
        const content = String(outputs.get(folder + posix.basename(url)))
        expect(one(d, `${DCT}format`)['@id']).toMatch(FILE_TYPE)
        expect(one(d, `${DCAT}mediaType`)['@id']).toMatch(MEDIA_TYPE)
        expect(LICENCES).toContain(one(d, `${DCT}license`)['@id'])
        for (const p of [`${DCT}title`, `${DCT}description`]) expect(text(d, p)).toMatch(/\S/)
        expect(one(d, `${DCAT}byteSize`)).toEqual({ '@type': `${XSD}decimal`, '@value': Buffer.byteLength(content) })
        const checksum = one(d, `${SPDX}checksum`) as Node & Value
        expect(checksum['@type']).toEqual([`${SPDX}Checksum`])
        expect(ids(checksum, `${SPDX}algorithm`)).toEqual([`${SPDX}checksumAlgorithm_sha256`])
        expect(one(checksum, `${SPDX}checksumValue`)).toEqual({ '@type': `${XSD}hexBinary`, '@value': createHash('sha256').update(content).digest('hex') })
      }
    }
  })

  it('a base URL makes every URL absolute; without one the build warns on organisatie.yaml', () => {
    const { outputs, files } = builds.get(name)!
    const base = baseOf(root)
    const warned = toJson(files, root).filter((m) => m.ruleId === 'open-data-adres-ontbreekt')
    const urls = metadataFiles(outputs).flatMap((p) => [...String(outputs.get(p)).matchAll(/"dcat:(?:download|access)URL": "([^"]+)"/g)].map((m) => m[1]!))
    expect(urls.length).toBeGreaterThan(0)
    if (base) {
      expect(warned).toEqual([])
      for (const url of urls) expect(url.startsWith(base), url).toBe(true)
    } else {
      expect(warned).toMatchObject([{ file: 'data/organisatie.yaml', severity: 'waarschuwing' }])
      for (const url of urls) expect(url).toMatch(/^[a-z0-9_-]+\.(csv|json)$/)
    }
  })
})

const DATATYPES: Record<string, RegExp> = {
  integer: /^-?\d+$/,
  decimal: /^-?(\d+(\.\d*)?|\.\d+)$/,
  boolean: /^(true|false|1|0)$/,
  date: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
  string: /^[\s\S]*$/,
}

interface CsvwColumn { name: string; titles: { nl: string; und: string }; datatype: string; required: boolean; null: string; 'dc:description': string; 'schema:unitText'?: string; 'rdfs:comment'?: string }
interface CsvwTable { url: string; 'dc:title': string; tableSchema: { columns: CsvwColumn[] } }

describe.each(PROJECTS)('every CSV of %s loads with its CSV on the Web metadata', (name) => {
  it('header, datatypes, required cells and the JSON beside it agree with csv-metadata.json', () => {
    const { outputs } = builds.get(name)!
    const csvs = [...outputs.keys()].filter((p) => p.endsWith('.csv'))
    expect(csvs.length).toBeGreaterThan(2)
    for (const csv of csvs) {
      const folder = csv.slice(0, csv.lastIndexOf('/') + 1)
      // CSVW's default place: csv-metadata.json in the CSV's own folder.
      const metadata = JSON.parse(String(outputs.get(`${folder}csv-metadata.json`))) as { '@context': unknown; tables: CsvwTable[] }
      expect(metadata['@context']).toEqual(['http://www.w3.org/ns/csvw', { '@language': 'nl' }])
      const table = metadata.tables.find((t) => t.url === csv.slice(folder.length))
      expect(table, `${csv} staat niet in csv-metadata.json`).toBeDefined()
      const columns = table!.tableSchema.columns
      for (const c of columns) {
        expect(Object.keys(DATATYPES)).toContain(c.datatype)
        expect(c.titles.nl).toMatch(/\S/)
        expect(c.titles.und).toBe(c.name)
        expect(c['dc:description']).toMatch(/\S/)
        // A column that may be empty says what empty means.
        if (!c.required) expect(c['rdfs:comment']).toMatch(/^Een lege cel betekent: .+\.$/)
      }
      const [header, ...rows] = parse(String(outputs.get(csv)), { relax_column_count: false }) as string[][]
      expect(header).toEqual(columns.map((c) => c.name))
      const json = JSON.parse(String(outputs.get(csv.replace(/\.csv$/, '.json')))) as { kolommen: string[]; rijen: unknown[][] }
      expect(json.kolommen).toEqual(header)
      expect(json.rijen).toHaveLength(rows.length)
      rows.forEach((row, r) => columns.forEach((c, i) => {
        const cell = row[i]!
        const where = `${csv} rij ${r + 2} kolom ${c.name}: '${cell}'`
        const typed = json.rijen[r]![i]
        if (cell === c.null) {
          expect(c.required, where).toBe(false)
          expect(typed, where).toBeNull()
          return
        }
        expect(cell, where).toMatch(DATATYPES[c.datatype]!)
        if (c.datatype === 'date') expect(new Date(`${cell}T00:00:00Z`).toISOString().slice(0, 10), where).toBe(cell)
        expect(typed, where).toEqual(c.datatype === 'integer' || c.datatype === 'decimal' ? Number(cell) : c.datatype === 'boolean' ? cell === 'true' : cell)
      }))
    }
  })
})

describe('the data set over all years', () => {
  const rowsOf = (outputs: CompileResult['outputs']) => {
    const [header, ...rows] = parse(String(outputs.get('data/cijfers-alle-jaren.csv'))) as string[][]
    return rows.map((r) => Object.fromEntries(header!.map((h, i) => [h, r[i]!])))
  }

  it('Rotterdam: 2015–2020 in long format, the partial year 2020 and the series break of 2019 as columns', () => {
    const rows = rowsOf(builds.get('rotterdam')!.outputs)
    expect([...new Set(rows.map((r) => r.jaar))]).toEqual(['2015', '2016', '2017', '2018', '2019', '2020'])
    expect(rows.find((r) => r.jaar === '2018' && r.figuur === 'meldingen.totaal')).toMatchObject({ waarde: '139', eenheid: 'aantal', bekend: 'true', deel_van_jaar: '', reeksbreuk: 'false' })
    for (const r of rows.filter((r) => r.jaar === '2020')) expect(r.deel_van_jaar).toBe('2020-12-03')
    for (const r of rows.filter((r) => r.jaar !== '2020')) expect(r.deel_van_jaar).toBe('')
    const broken = rows.filter((r) => r.reeksbreuk === 'true')
    expect(broken.map((r) => [r.jaar, r.figuur, r.waarde])).toEqual([['2019', 'meldingen.onderzoeken', '112']])
    expect(broken[0]!.reeksbreuk_toelichting).toMatch(/^Tot en met 2018 telden alleen/)
    expect(rows.find((r) => r.jaar === '2015' && r.figuur === 'vertrouwenspersonen.soort_kwestie' && r.categorie === 'Pesten')).toMatchObject({ waarde: '70', verslagstatus: 'definitief' })
    // Rotterdam 2015 had no meldingen registered: no row, never a 0.
    expect(rows.filter((r) => r.jaar === '2015' && r.figuur!.startsWith('meldingen.'))).toEqual([])
  })

  it('Helmond: the years of historie.yaml with their source, the adopted years with their date; linked from the index page', () => {
    const { outputs } = builds.get('voorbeeld')!
    const rows = rowsOf(outputs)
    expect(rows.find((r) => r.jaar === '2011')).toMatchObject({ figuur: 'meldingen.totaal', waarde: '2', verslagstatus: '', vastgesteld: '', bron: expect.stringMatching(/^Jaarverslag Integriteit 2023, gemeente Helmond/) })
    expect(rows.find((r) => r.jaar === '2024' && r.figuur === 'meldingen.totaal')).toMatchObject({ waarde: '18', verslagstatus: 'definitief', vastgesteld: '2025-04-30', herzien: '' })
    const index = String(outputs.get('index.html'))
    expect(index).toContain('href="data/cijfers-alle-jaren.csv"')
    expect(index).toContain('href="data/metadata.json"')
  })

  it('a concept year says so; an unknown figure is bekend=false with an empty value (Waterland-Oost)', () => {
    const rows = rowsOf(builds.get('waterland-oost')!.outputs)
    expect(rows.find((r) => r.jaar === '2024')).toMatchObject({ verslagstatus: 'concept', vastgesteld: '' })
    expect(rows.find((r) => r.jaar === '2020' && r.figuur === 'meldingen.totaal')).toMatchObject({ waarde: '', bekend: 'false' })
  })

  it('an adopted and revised year carries the dates of its adoption record (vastgesteld/), also when the output is made anew from it', async () => {
    const root = projectWith()
    const ok = (args: string[]) => {
      const r = cli(args, { cwd: root, timeoutMs: 300_000 })
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0)
    }
    // The first build that makes the PDF records 2024 as adopted; a changed figure then needs a revision, which the record keeps.
    ok(['build', '--jaar', '2024'])
    const kengetallen = join(root, 'data', '2024', 'kengetallen.yaml')
    writeFileSync(kengetallen, readFileSync(kengetallen, 'utf8').replace('waarde: 11\n', 'waarde: 12\n'))
    ok(['build', '--jaar', '2024', '--herzien', 'correctie van de contactmomenten van de raad'])
    const record = JSON.parse(readFileSync(join(root, 'vastgesteld', '2024.json'), 'utf8')) as { vastgesteld: string; herzieningen: { datum: string }[] }
    expect(record.vastgesteld).toBe('2025-04-30')
    const revised = record.herzieningen[0]!.datum
    expect(revised).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    // A fresh output (a clone, the workflow): 2024 is published from its record, not built; only the record knows of the revision.
    rmSync(join(root, 'output'), { recursive: true })
    ok(['build', '--jaar', '2024', '--alleen', 'html'])
    const out = (path: string) => readFileSync(join(root, 'output', path), 'utf8')
    const rows = rowsOf(new Map([['data/cijfers-alle-jaren.csv', out('data/cijfers-alle-jaren.csv')]]))
    expect(rows.find((r) => r.jaar === '2024' && r.figuur === 'kengetallen.raad-gesprekken')).toMatchObject({ waarde: '12', verslagstatus: 'definitief', vastgesteld: '2025-04-30', herzien: revised })
    // 2023 is adopted (meta.yaml) but not yet recorded: adopted, never revised.
    expect(rows.find((r) => r.jaar === '2023')).toMatchObject({ verslagstatus: 'definitief', vastgesteld: '2024-04-30', herzien: '' })
    const dataset = await expand(JSON.parse(out('2024/data/metadata.json')), 'https://jaarverslag.example.org/helmond/2024/data/metadata.json')
    expect(text(dataset, 'http://www.w3.org/2002/07/owl#versionInfo')).toBe(`definitief, herzien op ${revised}`)
    expect(one(dataset, `${DCT}issued`)['@value']).toBe('2025-04-30')
    expect(one(dataset, `${DCT}modified`)['@value']).toBe(revised)
    expect(text(dataset, 'http://www.w3.org/ns/adms#versionNotes')).toBe(`Herzien op ${revised}: correctie van de contactmomenten van de raad`)
    const allYears = await expand(JSON.parse(out('data/metadata.json')), 'https://jaarverslag.example.org/helmond/data/metadata.json')
    expect(one(allYears, `${DCT}modified`)['@value']).toBe(revised)
  }, 900_000)
})

describe('organisatie.yaml: licence from the list, base URL and register URI', () => {
  it('a licence outside the list is a schema error naming the allowed ones', async () => {
    const root = projectWith()
    const config = join(root, 'data', 'organisatie.yaml')
    writeFileSync(config, readFileSync(config, 'utf8').replace('licentie: CC0 1.0', 'licentie: CC BY 4.0'))
    const { files } = await compile(root, { html: false })
    expect(toJson(files, root)).toMatchObject([{ file: 'data/organisatie.yaml', ruleId: 'schema-keuze', message: expect.stringContaining('CC-BY 4.0') }])
  })

  it('a register URI outside TOOI and OWMS is refused', async () => {
    const root = projectWith(undefined, join(FIXTURES, 'valid', 'rotterdam'))
    const config = join(root, 'data', 'organisatie.yaml')
    writeFileSync(config, readFileSync(config, 'utf8').replace('http://standaarden.overheid.nl/owms/terms/Rotterdam', 'https://www.rotterdam.nl/'))
    const { files } = await compile(root, { html: false })
    expect(toJson(files, root)).toMatchObject([{ file: 'data/organisatie.yaml', ruleId: 'schema-vorm' }])
  })
})
