import { spawnSync } from 'node:child_process'
import { createServer, type Server } from 'node:http'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest'
import { buildReportModel } from '../src/aggregate/model.js'
import { datasetsOf, DATASET_NAMES } from '../src/chart/datasets.js'
import { fits, splitLabel } from '../src/chart/labels.js'
import { yearColours } from '../src/chart/palette.js'
import { drawChart } from '../src/chart/draw.js'
import { renderChart } from '../src/chart/render.js'
import { loadChartSpecs } from '../src/chart/specs.js'
import { asDrawn } from '../src/chart/title.js'
import { check, compile } from '../src/compile.js'
import { DEFAULT_TEMPLATES } from '../src/compile/templates.js'
import { themeOf } from '../src/compile/theme.js'
import { toJson } from '../src/diagnostics/reporter.js'
import { asDrafts, cleanupProjects, FIXTURES, projectWith, REPO, updating } from './helpers/project.js'
import { cli } from './helpers/cli.js'

afterAll(cleanupProjects)

const project = check(REPO).project!
const model = buildReportModel(project, 2024)
const datasets = datasetsOf(model)
const theme = themeOf(project)
const CHARTS = join(DEFAULT_TEMPLATES, 'charts')
const GOLDEN = join(FIXTURES, 'charts')

async function renderAll(order: (names: string[]) => string[] = (n) => n) {
  const { specs, files } = await loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS])
  expect(toJson(files, REPO)).toEqual([])
  const out = new Map<string, string>()
  for (const name of order([...specs.keys()])) {
    const spec = specs.get(name)!
    // Drawn, not taken from a cache, so the render itself is compared.
    const chart = await drawChart({ ...spec, spec: structuredClone(spec.spec) }, datasets.get(spec.dataName)!, theme)
    out.set(name, chart.svg)
  }
  return out
}

describe('default charts', () => {
  let svgs: Map<string, string>
  beforeAll(async () => { svgs = await renderAll() })

  it('cover the seeds\' figures', () => {
    expect([...svgs.keys()].sort()).toEqual(['herkomst-en-regeling', 'meldingen-per-jaar', 'meldingen-per-type', 'onderzoeken-per-jaar', 'relatie', 'soort-kwestie', 'status', 'vp-casussen', 'vp-uren'])
  })

  it('match the golden SVG files (UPDATE=1 rewrites them)', () => {
    mkdirSync(GOLDEN, { recursive: true })
    for (const [name, svg] of svgs) {
      const file = join(GOLDEN, `${name}.svg`)
      if (updating || !existsSync(file)) {
        if (process.env.CI) throw new Error(`${file} ontbreekt`)
        writeFileSync(file, svg)
      }
      expect(svg, name).toBe(readFileSync(file, 'utf8'))
    }
    expect(readdirSync(GOLDEN).length).toBe(svgs.size)
  })

  it('are accessible: role img, Dutch title and description, no English ARIA from vega', () => {
    for (const [name, svg] of svgs) {
      expect(svg, name).toMatch(new RegExp(`^<svg[^>]* role="img" aria-labelledby="grafiek-${name}-titel grafiek-${name}-beschrijving">`))
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/)
      expect(svg).not.toMatch(/aria-roledescription|aria-label="/)
    }
    expect(svgs.get('meldingen-per-jaar')).toContain('Het aantal meldingen steeg van 10 in 2023 naar 18 in 2024, het hoogste aantal van alle jaren vanaf 2011.')
  })

  it('use the Dutch number format', async () => {
    const big = { ...datasets.get('meldingen_per_jaar')!, rows: [{ jaar: '2024', aantal: 1234, huidig: true, status: 'bekend' }] }
    const { specs } = await loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS])
    const chart = await renderChart(specs.get('meldingen-per-jaar')!, big, theme)
    expect(chart.svg).toContain('>1.234<')
  })

  it('are rendered once per spec and data within a process (the cache of watch mode)', async () => {
    const { specs } = loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS])
    const spec = specs.get('status')!
    const first = await renderChart(spec, datasets.get('meldingen_per_status')!, theme)
    expect(await renderChart(structuredClone(spec), structuredClone(datasets.get('meldingen_per_status')!), theme)).toBe(first)
    const other = datasetsOf(buildReportModel(project, 2023)).get('meldingen_per_status')!
    expect(await renderChart(spec, other, theme)).not.toBe(first)
  })

  it('are kept on disk by content and used by the next run; changed data draws anew', () => {
    // Drafts: an adopted year may not change, and this test changes a figure.
    const root = asDrafts(projectWith())
    const cache = mkdtempSync(join(tmpdir(), 'jaarverslag-cache-'))
    onTestFinished(() => rmSync(cache, { recursive: true, force: true }))
    const charts = join(cache, 'grafieken')
    const build = () => cli(['build', '--map', root, '--jaar', '2024', '--alleen', 'html', '--alles', '--stil'], { env: { JAARVERSLAG_CACHE: cache } })
    const page = () => readFileSync(join(root, 'output', '2024', 'index.html'), 'utf8')
    expect(build().code).toBe(0)
    const drawn = readdirSync(charts)
    expect(drawn).toHaveLength(page().match(/<svg/g)!.length)
    // Mark every kept chart: a page made from the cache carries the mark.
    for (const name of drawn) {
      const file = join(charts, name)
      writeFileSync(file, readFileSync(file, 'utf8').replace('role=\\"img\\"', 'role=\\"img\\" data-bewaard=\\"ja\\"'))
    }
    expect(build().code).toBe(0)
    expect(page().match(/data-bewaard="ja"/g)).toHaveLength(drawn.length)
    expect(readdirSync(charts)).toEqual(drawn)

    // Another count of one type: only the chart of the types is drawn again.
    const file = join(root, 'data', '2024', 'meldingen.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('  Fraude: 1\n  Corruptie: 1', '  Fraude: 2\n  Corruptie: 0'))
    expect(build().code).toBe(0)
    const fresh = [...page().matchAll(/<svg[^>]*>/g)].map((m) => m[0]).filter((tag) => !tag.includes('data-bewaard'))
    expect(fresh).toHaveLength(1)
    expect(fresh[0]).toContain('grafiek-meldingen-per-type')
    expect(readdirSync(charts)).toHaveLength(drawn.length + 1)
  })

  it('share no id between two charts of one page', () => {
    const ids = [...svgs.values()].flatMap((svg) => [...svg.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]))
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('are byte-identical in another render order', async () => {
    const reversed = await renderAll((n) => [...n].reverse())
    for (const [name, svg] of svgs) expect(reversed.get(name), name).toBe(svg)
  })

  it('are byte-identical in another process and time zone', () => {
    const script = `import { buildReportModel } from './src/aggregate/model.js'
import { datasetsOf, DATASET_NAMES } from './src/chart/datasets.js'
import { drawChart } from './src/chart/draw.js'
import { loadChartSpecs } from './src/chart/specs.js'
import { check } from './src/compile.js'
import { DEFAULT_TEMPLATES } from './src/compile/templates.js'
import { themeOf } from './src/compile/theme.js'
const project = check(process.cwd()).project
const datasets = datasetsOf(buildReportModel(project, 2024))
const { specs } = await loadChartSpecs([DEFAULT_TEMPLATES + 'charts'], DATASET_NAMES, [DEFAULT_TEMPLATES + 'charts'])
const out = {}
for (const [name, spec] of specs) out[name] = (await drawChart(spec, datasets.get(spec.dataName), themeOf(project))).svg
process.stdout.write(JSON.stringify(out))`
    for (const TZ of ['UTC', 'America/Los_Angeles']) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8', env: { ...process.env, TZ, LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8' }, maxBuffer: 64 * 1024 * 1024 })
      expect(r.stderr).toBe('')
      const other = JSON.parse(r.stdout) as Record<string, string>
      for (const [name, svg] of svgs) expect(other[name], `${name} in ${TZ}`).toBe(svg)
    }
  })
})

describe('charts load nothing from outside', () => {
  let server: Server
  let requests = 0
  let base = ''
  beforeAll(async () => {
    server = createServer((_req, res) => { requests++; res.end('jaar,aantal\n2024,1\n') })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

  const write = (dir: string, name: string, spec: unknown) => writeFileSync(join(dir, `${name}.vl.json`), JSON.stringify(spec, null, 2))

  it('refuses data.url (local file and http), image marks and links, positioned in the spec file, and the canary sees no request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jaarverslag-grafiek-'))
    write(dir, 'lokaal', { data: { url: '/etc/passwd' }, mark: 'bar' })
    write(dir, 'http', { data: { url: `${base}/data.csv` }, mark: 'bar' })
    write(dir, 'afbeelding', { data: { name: 'meldingen_per_jaar' }, mark: { type: 'image' }, encoding: { url: { field: 'jaar' } } })
    write(dir, 'link', { data: { name: 'meldingen_per_jaar' }, mark: 'bar', encoding: { href: { value: 'javascript:alert(1)' } } })
    const { specs, files } = await loadChartSpecs([dir], DATASET_NAMES, [dir])
    const messages = toJson(files, dir).filter((m) => m.ruleId === 'grafiek-extern')
    expect(messages.map((m) => [m.file.split('/').pop(), m.line])).toEqual(expect.arrayContaining([
      ['afbeelding.vl.json', expect.any(Number)], ['http.vl.json', 3], ['link.vl.json', expect.any(Number)], ['lokaal.vl.json', 3],
    ]))
    expect(specs.size).toBe(0)
    expect(requests).toBe(0)
  })

  it('a javascript: link that reaches vega does not crash the render', async () => {
    const { specs } = await loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS])
    const spec = structuredClone(specs.get('status')!)
    ;(spec.spec as Record<string, unknown>).encoding = { ...(spec.spec as { encoding: object }).encoding, href: { value: 'javascript:alert(1)' } }
    const chart = await renderChart(spec, datasets.get('meldingen_per_status')!, theme)
    expect(chart.svg).not.toContain('javascript:')
  })
})

describe('a chart that is not strict JSON', () => {
  // Each file has one mistake, away from the first line and column, so a wrong
  // offset-to-position or a fallback to the start of the file shows.
  const broken: Record<string, [text: string, line: number, column: number, detail: string]> = {
    'komma-te-veel': ['{\n  "data": { "name": "meldingen_per_jaar" },\n  "mark": "bar",\n}\n', 4, 1, "komma te veel voor '}'"],
    'komma-ontbreekt': ['{\n  "data": { "name": "meldingen_per_jaar" }\n  "mark": "bar"\n}\n', 3, 3, 'komma ontbreekt'],
    'haakje-ontbreekt': ['{\n  "data": { "name": "meldingen_per_jaar" },\n  "layer": [{ "mark": "bar" }\n}\n', 4, 1, 'komma ontbreekt'],
    'commentaar': ['{\n  "mark": "bar", // staven\n  "data": { "name": "meldingen_per_jaar" }\n}\n', 2, 18, 'commentaar (// of /* */) kan niet in JSON'],
    'enkele-aanhalingstekens': ['{\n  "data": { \'name\': "meldingen_per_jaar" }\n}\n', 2, 13, "onverwachte tekst \'\'name\'\'"],
    'houdt-op': ['{\n  "data": { "name": "meldingen_per_jaar" },\n  "mark": ', 3, 11, 'het bestand houdt onverwacht op'],
  }

  it('is refused with the line, column and kind of its first mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jaarverslag-grafiek-json-'))
    for (const [name, [text]] of Object.entries(broken)) writeFileSync(join(dir, `${name}.vl.json`), text)
    const { specs, broken: refused, files } = loadChartSpecs([dir], DATASET_NAMES, [dir])
    const found = Object.fromEntries(toJson(files, dir).map((m) => [m.file.replace('.vl.json', ''), [m.ruleId, m.line, m.column, m.message]]))
    expect(found).toEqual(Object.fromEntries(Object.entries(broken).map(([name, [, line, column, detail]]) =>
      [name, ['grafiek-json', line, column, `De grafiekspecificatie is geen geldige JSON: ${detail}.`]])))
    expect(specs.size).toBe(0)
    expect([...refused].sort()).toEqual(Object.keys(broken).sort())
  })

  it('is refused, not read half, with a key twice in one object; a spec that is no object gets a schema error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jaarverslag-grafiek-json-'))
    writeFileSync(join(dir, 'twee-keer.vl.json'), '{\n  "data": { "name": "meldingen_per_jaar" },\n  "mark": "bar",\n  "encoding": {},\n  "mark": "line"\n}\n')
    writeFileSync(join(dir, 'leeg.vl.json'), 'null\n')
    // The same key in two objects is no mistake.
    writeFileSync(join(dir, 'goed.vl.json'), '{\n  "data": { "name": "meldingen_per_jaar" },\n  "mark": { "type": "bar" },\n  "encoding": { "x": { "field": "jaar", "type": "ordinal" }, "y": { "field": "aantal", "type": "quantitative" } }\n}\n')
    const { specs, broken: refused, files } = loadChartSpecs([dir], DATASET_NAMES, [dir])
    expect(toJson(files, dir).map((m) => [m.file, m.ruleId, m.line, m.column])).toEqual([
      ['leeg.vl.json', 'grafiek-schema', 1, 1],
      ['twee-keer.vl.json', 'yaml-dubbele-sleutel', 5, 3],
    ])
    expect([...specs.keys()]).toEqual(['goed'])
    expect([...refused].sort()).toEqual(['leeg', 'twee-keer'])
  })
})

describe('a chart title', () => {
  const specs = () => loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS]).specs
  const valid = (name: string) => check(join(FIXTURES, 'valid', name)).project!
  // The chart's title is its one bold 14px text (facet headers are role-title-text too).
  const titleOf = (svg: string) => /<text[^>]*font-size="14px" font-weight="bold"[^>]*>([^<]*)<\/text>/.exec(svg)?.[1]

  it('promises only what is drawn: a part without figures leaves the title, and the description', async () => {
    const cases: [project: ReturnType<typeof valid>, year: number, chart: string, title: string][] = [
      // Maasvliet 2024 has herkomst but no regeling; Rotterdam counted no meldingen at the vertrouwenspersonen.
      [valid('maasvliet'), 2024, 'herkomst-en-regeling', 'Meldingen naar herkomst'],
      [valid('rotterdam'), 2019, 'vp-casussen', 'Casussen bij de vertrouwenspersonen'],
      // Both parts drawn: the spec's own title.
      [project, 2024, 'herkomst-en-regeling', 'Meldingen naar herkomst en regeling'],
      [project, 2024, 'vp-casussen', 'Casussen en meldingen vertrouwenspersonen'],
    ]
    for (const [p, year, name, title] of cases) {
      const spec = specs().get(name)!
      const dataset = datasetsOf(buildReportModel(p, year)).get(spec.dataName)!
      const chart = asDrawn(spec, dataset)
      expect(chart.title, `${name} ${year}`).toBe(title)
      const svg = (await drawChart(chart, dataset, themeOf(p))).svg
      expect(titleOf(svg), `${name} ${year}`).toBe(title)
      expect(svg).toContain(`>${title}</title>`)
    }
    const maasvliet = datasetsOf(buildReportModel(valid('maasvliet'), 2024)).get('herkomst_en_regeling')!
    expect(maasvliet.describe).toBe('Herkomst in 2024: intern: 7 meldingen; extern: 3 meldingen.')
  })

  it('of the years: a part of a year is named on the axis as the period it covers', async () => {
    // Maasvliet 2024 counts up to and including September, 2018 up to October.
    const p = valid('maasvliet')
    const dataset = datasetsOf(buildReportModel(p, 2024)).get('meldingen_per_jaar')!
    const svg = (await drawChart(specs().get('meldingen-per-jaar')!, dataset, themeOf(p))).svg
    const axis = svg.slice(svg.indexOf('role-axis-label'))
    expect(axis).toMatch(/<tspan>2024<\/tspan><tspan[^>]*>t\/m sep\.<\/tspan>/)
    expect(axis).toMatch(/<tspan>2018<\/tspan><tspan[^>]*>t\/m okt\.<\/tspan>/)
    expect(axis).toMatch(/>2023<\/text>/)
  })

  it('reaches the page: caption and figure label follow the drawn title', async () => {
    const { outputs } = await compile(join(FIXTURES, 'valid', 'maasvliet'), { years: [2024] })
    const html = String(outputs.get('2024/index.html'))
    const figure = /<figure class="grafiek" aria-label="(Meldingen naar [^".]*)\./.exec(html)
    expect(figure?.[1]).toBe('Meldingen naar herkomst')
    expect(html).not.toContain('Meldingen naar herkomst en regeling')
  })
})

describe('a chart of the years', () => {
  const specs = () => loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS]).specs
  const drawn = async (root: string, year: number) => {
    const p = check(root).project!
    const dataset = datasetsOf(buildReportModel(p, year)).get('meldingen_per_jaar')!
    return (await drawChart(specs().get('meldingen-per-jaar')!, dataset, themeOf(p))).svg
  }
  /** The bars, left to right, with the attributes that tell a whole year from a part. */
  const bars = (svg: string) => [...svg.matchAll(/<g class="mark-rect role-mark[^>]*>(.*?)<\/g>/g)]
    .flatMap((g) => [...g[1]!.matchAll(/<path d="M([\d.]+),[\d.]+h([\d.]+)[^"]*"([^>]*)>/g)])
    .map((m) => ({ left: Number(m[1]), right: Number(m[1]) + Number(m[2]), attrs: m[3]! }))
    .sort((a, b) => a.left - b.left)
  const open = (bar: { attrs: string }) => /fill-opacity="0\.\d+"/.test(bar.attrs) && /stroke-dasharray="[\d ]+"/.test(bar.attrs) && /stroke-width="2"/.test(bar.attrs)
  const rules = (svg: string) => [...svg.matchAll(/<g class="mark-rule role-mark[^>]*>(.*?)<\/g>/g)].flatMap((g) => [...g[1]!.matchAll(/<line transform="translate\(([\d.]+),0\)"[^>]*>/g)])

  it('marks a recorded series break with a dashed line between the two years and a label, and says so in its text', async () => {
    // Maasvliet counts differently from 2020 (historie.yaml): 2017, 2018, 2019 | 2020 …
    const svg = await drawn(join(FIXTURES, 'valid', 'maasvliet'), 2024)
    const found = bars(svg)
    expect(found).toHaveLength(8)
    const [rule, ...more] = rules(svg)
    expect(more).toEqual([])
    expect(rule![0]).toMatch(/stroke-dasharray="4 3"/)
    const x = Number(rule![1])
    expect(x).toBeGreaterThanOrEqual(found[2]!.right)
    expect(x).toBeLessThanOrEqual(found[3]!.left)
    const label = /<text text-anchor="start" transform="translate\(([\d.]+),[\d.]+\)"[^>]*>andere telling<\/text>/.exec(svg)
    expect(Number(label?.[1])).toBeGreaterThan(x)
    expect(svg).toContain('Vanaf 2020 wordt anders geteld (de gestippelde lijn): niet vergelijkbaar met de jaren ervoor.')
    // No break in the series: no line (Rotterdam's break is one of the onderzoeken, drawn in their own chart below).
    expect(rules(await drawn(join(FIXTURES, 'valid', 'rotterdam'), 2020))).toEqual([])
    expect(rules(await drawn(REPO, 2024))).toEqual([])
  })

  it('draws the (voor)onderzoeken over the years with their series break on the page (Rotterdam: counted with the lijn from 2019)', async () => {
    const { outputs } = await compile(join(FIXTURES, 'valid', 'rotterdam'), { years: [2019, 2020] })
    for (const year of [2019, 2020]) {
      const html = String(outputs.get(`${year}/index.html`))
      const svg = /<svg[^>]*aria-labelledby="grafiek-onderzoeken-per-jaar-titel[\s\S]*?<\/svg>/.exec(html)?.[0] ?? ''
      // 2016, 2017, 2018 | 2019 (and 2020): one dashed line between 2018 and 2019, labelled.
      const found = bars(svg)
      expect(found, `${year}`).toHaveLength(year - 2015)
      const [rule, ...more] = rules(svg)
      expect(more, `${year}`).toEqual([])
      expect(rule?.[0], `${year}`).toMatch(/stroke-dasharray="4 3"/)
      expect(Number(rule?.[1]), `${year}`).toBeGreaterThanOrEqual(found[2]!.right)
      expect(Number(rule?.[1]), `${year}`).toBeLessThanOrEqual(found[3]!.left)
      expect(svg, `${year}`).toMatch(/>andere telling<\/text>/)
      expect(html, `${year}`).toMatch(/vanaf 2019 wordt anders geteld/i)
    }
    // 2020 runs to 3 December: its bar is open, as in the chart of the meldingen.
    const svg2020 = /<svg[^>]*aria-labelledby="grafiek-onderzoeken-per-jaar-titel[\s\S]*?<\/svg>/.exec(String(outputs.get('2020/index.html')))![0]
    expect(bars(svg2020).map(open)).toEqual([false, false, false, false, true])
  })

  it('draws a part of a year as an open, dashed bar, never as the filled bar of a whole year, and names its period', async () => {
    // Maasvliet: 2018 up to October and 2024 up to September; Rotterdam: 2020 up to 3 December.
    const maasvliet = await drawn(join(FIXTURES, 'valid', 'maasvliet'), 2024)
    expect(bars(maasvliet).map(open)).toEqual([false, true, false, false, false, false, false, true])
    expect(maasvliet).toContain('De open staven beslaan een deel van het jaar: 2018 tot en met 31 oktober en 2024 tot en met 30 september.')
    const rotterdam = await drawn(join(FIXTURES, 'valid', 'rotterdam'), 2020)
    expect(bars(rotterdam).map(open)).toEqual([false, false, false, false, true])
    expect(rotterdam).toMatch(/<tspan>2020<\/tspan><tspan[^>]*>t\/m 3 dec\.<\/tspan>/)
    expect(rotterdam).toContain('De open staaf beslaat een deel van het jaar: 2020 tot en met 3 december.')
    // The open bar keeps the colour of its year: the current year's outline is the current year's colour.
    const current = bars(rotterdam).at(-1)!.attrs
    const whole = bars(await drawn(REPO, 2024)).at(-1)!.attrs
    expect(/stroke="(#[0-9a-f]{6})"/.exec(current)?.[1]).toBe(/fill="(#[0-9a-f]{6})"/.exec(whole)?.[1])
    expect(bars(await drawn(REPO, 2024)).some(open)).toBe(false)
  })
})

describe('a chart of categories over the years', () => {
  const specs = () => loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS]).specs
  const drawn = async (root: string, year: number, name: string) => {
    const p = check(root).project!
    const spec = specs().get(name)!
    const dataset = datasetsOf(buildReportModel(p, year)).get(spec.dataName)!
    return (await drawChart(asDrawn(spec, dataset), dataset, themeOf(p))).svg
  }
  /** The bars of the chart: open (a part of a year: light fill, dashed outline) or filled. */
  const bars = (svg: string) => [...svg.matchAll(/<g class="mark-rect role-mark[^>]*>(.*?)<\/g>/g)]
    .flatMap((g) => [...g[1]!.matchAll(/<path [^>]*>/g)].map((m) => m[0]))
  const open = (bar: string) => /fill-opacity="0\.\d+"/.test(bar) && /stroke-dasharray="[\d ]+"/.test(bar) && /stroke-width="2"/.test(bar)
  /** The lines under the title. */
  const subtitle = (svg: string) => /<g class="mark-text role-title-subtitle"[^>]*><text[^>]*>(.*?)<\/text>/.exec(svg)?.[1]!.split(/<\/?tspan[^>]*>/).filter(Boolean)
  const maasvliet = join(FIXTURES, 'valid', 'maasvliet')

  it('draws the bars of a part of a year open, and says its period and a series break under the title', async () => {
    // Maasvliet 2024 runs to September and counts its types anew (meta.yaml): 2023 filled, 2024 open.
    const types = await drawn(maasvliet, 2024, 'meldingen-per-type')
    const found = bars(types)
    expect(found.filter(open)).toHaveLength(5)
    expect(found.filter((b) => !open(b))).toHaveLength(5)
    expect(subtitle(types)).toEqual(['Vanaf 2024 anders geteld, niet vergelijkbaar met eerdere jaren', 'Open staven: 2024 t/m sep.'])
    expect(types).toContain('Vanaf 2024 wordt anders geteld: niet vergelijkbaar met de jaren ervoor. Open staven: meldingen over een deel van het jaar, 2024 tot en met 30 september.')
    // The vertrouwenspersonen's charts of three years: only 2024 open, no break.
    for (const name of ['vp-casussen', 'vp-uren']) {
      const svg = await drawn(maasvliet, 2024, name)
      expect(bars(svg).filter(open).length, name).toBe(bars(svg).length / 3)
      expect(subtitle(svg), name).toEqual(['Open staven: 2024 t/m sep.'])
      expect(svg, name).toContain('over een deel van het jaar, 2024 tot en met 30 september.')
    }
    // Whole years, no break (Helmond 2024): every bar filled, no subtitle, nothing added to the text.
    const whole = await drawn(REPO, 2024, 'soort-kwestie')
    expect(bars(whole).some(open)).toBe(false)
    expect(subtitle(whole)).toBeUndefined()
    expect(whole).not.toMatch(/open staven/i)
  })

  it('shows a part of a year in the legend the way its bars are drawn: an open, dashed swatch in its year\'s colour', async () => {
    /** The legend's swatches by their label: fill, outline and dashes. */
    const swatches = (svg: string) => Object.fromEntries([...svg.matchAll(/<path transform="[^"]*" d="[^"]*"([^>]*)><\/path><\/g><g class="mark-text role-legend-label"[^>]*><text[^>]*>([^<]+)<\/text>/g)]
      .map(([, attrs, label]) => [label!, { fill: /fill="([^"]*)"/.exec(attrs!)?.[1], stroke: /stroke="([^"]*)"/.exec(attrs!)?.[1], dashed: /stroke-dasharray="[\d ]+"/.test(attrs!) }]))
    // Maasvliet 2024 runs to September: its swatch is open (white inside) and dashed, 2023's filled and whole.
    for (const name of ['meldingen-per-type', 'vp-casussen', 'vp-uren']) {
      const legend = swatches(await drawn(maasvliet, 2024, name))
      expect(Object.keys(legend), name).toContain('2024')
      expect(legend['2024'], name).toMatchObject({ fill: '#ffffff', dashed: true })
      for (const year of Object.keys(legend).filter((y) => y !== '2024')) expect(legend[year]!.fill, `${name} ${year}`).toBe(legend[year]!.stroke)
      for (const year of Object.keys(legend).filter((y) => y !== '2024')) expect(legend[year]!.dashed, `${name} ${year}`).toBe(false)
    }
    // Whole years (Helmond 2024): every swatch filled in its year's colour.
    const whole = swatches(await drawn(REPO, 2024, 'soort-kwestie'))
    expect(Object.keys(whole).length).toBeGreaterThan(1)
    for (const [year, swatch] of Object.entries(whole)) expect(swatch, year).toMatchObject({ fill: swatch.stroke, dashed: false })
  })

  it('keeps the colour of the earlier years when the current year has no figure', async () => {
    // Waterland-Oost 2023: the meldingen of 2023 are unknown; 2019, 2021 and 2022 are earlier years, not the current one.
    const p = check(join(FIXTURES, 'valid', 'waterland-oost')).project!
    const dataset = datasetsOf(buildReportModel(p, 2023)).get('meldingen_per_jaar')!
    const svg = (await drawChart(specs().get('meldingen-per-jaar')!, dataset, themeOf(p))).svg
    const fills = new Set(bars(svg).map((b) => /fill="(#[0-9a-f]{6})"/.exec(b)?.[1]))
    expect(fills).toEqual(new Set([yearColours(themeOf(p), 2)[0]]))
  })
})

describe('chart labels read in full', () => {
  const labelsOf = (svg: string) => [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<tspan[^>]*>/g, ' ').replace(/<\/tspan>/g, '').trim())

  it('split Dutch labels between words, keep short words with the word after them, and cut nothing', () => {
    expect(splitLabel('Misbruik positie en belangenverstrengeling')).toEqual(['Misbruik positie', 'en belangenverstrengeling'])
    expect(splitLabel('misbruik positie / belangenverstrengeling')).toEqual(['misbruik positie /', 'belangenverstrengeling'])
    expect(splitLabel('Ongewenst gedrag/onveilig werkklimaat')).toEqual(['Ongewenst gedrag/onveilig', 'werkklimaat'])
    expect(splitLabel('pesten')).toEqual(['pesten'])
    const long = 'Gesprekken, incl. met leidinggevenden, HR, bedrijfsarts en de vertrouwenspersoon van een andere organisatie'
    expect(splitLabel(long).join(' ')).toBe(long)
    expect(fits(long)).toBe(false)
    expect(fits('Gesprekken, incl. met leidinggevenden en HR')).toBe(true)
  })

  it('show every category label of every default chart whole, for every example year', async () => {
    const { specs } = loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS])
    for (const year of project.years.map((y) => y.year)) {
      const all = datasetsOf(buildReportModel(project, year))
      for (const [name, spec] of specs) {
        const dataset = all.get(spec.dataName)!
        const chart = await renderChart(spec, dataset, theme)
        const labels = labelsOf(chart.svg)
        expect(labels.filter((l) => l.endsWith('…')), `${name} ${year}`).toEqual([])
        const field = dataset.columns[0]!.field
        for (const row of dataset.rows) expect(labels, `${name} ${year}`).toContain(String(row[field]))
        expect(chart.unfit, `${name} ${year}`).toEqual([])
      }
    }
  })

  it('wrap long legend labels too', async () => {
    const { specs } = loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS])
    const spec = structuredClone(specs.get('status')!)
    ;(spec.spec as { encoding: Record<string, unknown> }).encoding.color = { field: 'categorie', type: 'nominal' }
    const svg = (await renderChart(spec, datasets.get('meldingen_per_status')!, theme)).svg
    expect(svg.slice(svg.indexOf('role-legend'))).toMatch(/<tspan>Alleen als signaal<\/tspan><tspan x="0" dy="\d+">geregistreerd<\/tspan>/)
    expect(labelsOf(svg).filter((l) => l.endsWith('…'))).toEqual([])
  })

  it('show no legend of one year: a chart that draws one year has none, one of two years has both', async () => {
    const { specs } = loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS])
    const legend = (svg: string) => (svg.includes('role-legend') ? labelsOf(svg.slice(svg.indexOf('role-legend'))).slice(0, 3) : [])
    // Helmond 2022: the soort kwestie of 2021 is unknown, so only 2022 is drawn.
    const only = datasetsOf(buildReportModel(project, 2022)).get('soort_kwestie')!
    expect(new Set(only.rows.map((r) => r.jaar))).toEqual(new Set(['2021', '2022']))
    expect(legend((await drawChart(specs.get('soort-kwestie')!, only, theme)).svg)).toEqual([])
    expect(legend((await drawChart(specs.get('soort-kwestie')!, datasets.get('soort_kwestie')!, theme)).svg)).toEqual(['2023', '2024', 'Jaar'])
  })

  it('count in whole numbers on the axis, also for small counts', async () => {
    const { specs } = loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS])
    const small = { ...datasets.get('meldingen_per_status')!, rows: [{ categorie: 'Gegrond', aantal: 1 }, { categorie: 'Ongegrond', aantal: 2 }] }
    const svg = (await renderChart(specs.get('status')!, small, theme)).svg
    const ticks = labelsOf(svg).filter((l) => /^[\d,.]+$/.test(l))
    expect(ticks).toContain('2')
    expect(ticks.filter((t) => t.includes(','))).toEqual([])
    // A year without known counts (Huizen's meldingen) draws an empty axis, not "0,000000".
    const unknown = { ...datasets.get('meldingen_per_jaar')!, rows: [{ jaar: '2022', aantal: null, huidig: true, status: 'onbekend' }] }
    const empty = labelsOf((await renderChart(specs.get('meldingen-per-jaar')!, unknown, theme)).svg)
    expect(empty.filter((t) => /^[\d,.]+$/.test(t) && t.includes(','))).toEqual([])
  })

  it('grow with the number of lines of their longest label', async () => {
    const { specs } = loadChartSpecs([CHARTS], DATASET_NAMES, [CHARTS])
    const height = async (label: string) => {
      const data = { ...datasets.get('meldingen_per_status')!, rows: [{ categorie: label, aantal: 3 }, { categorie: 'Ongegrond', aantal: 2 }] }
      return Number(/^<svg[^>]* height="([\d.]+)"/.exec((await renderChart(specs.get('status')!, data, theme)).svg)![1])
    }
    expect(await height('Misstanden volgens de klokkenluidersregeling en verder')).toBeGreaterThan(await height('Gegrond'))
  })

  it('warn, naming chart and label, when an own chart cuts a label; the own chart still draws', async () => {
    const root = projectWith()
    mkdirSync(join(root, 'templates', 'charts'), { recursive: true })
    cpSync(join(DEFAULT_TEMPLATES, 'verslag.md'), join(root, 'templates', 'verslag.md'))
    for (const name of readdirSync(CHARTS)) cpSync(join(CHARTS, name), join(root, 'templates', 'charts', name))
    const own = JSON.parse(readFileSync(join(CHARTS, 'status.vl.json'), 'utf8')) as { encoding: { y: Record<string, unknown> } }
    own.encoding.y.axis = { labelExpr: 'datum.label', labelLimit: 60 }
    writeFileSync(join(root, 'templates', 'charts', 'status.vl.json'), JSON.stringify(own, null, 2))
    const { files, outputs } = await compile(root, { years: [2024] })
    const warnings = toJson(files, root).filter((m) => m.ruleId === 'grafiek-label-past-niet')
    expect(warnings.map((m) => m.file)).toEqual(warnings.map(() => 'templates/charts/status.vl.json'))
    expect(warnings.map((m) => m.message)).toContain("In de grafiek 'status' (2024) past het label 'Gegrond, met maatregelen' niet: het wordt afgekapt of heeft meer dan drie regels nodig.")
    expect(String(outputs.get('2024/index.html'))).toMatch(/>Stand van zaken<\/title>/)
  })
})
