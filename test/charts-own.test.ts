import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { VFile } from 'vfile'
import { afterAll, describe, expect, it } from 'vitest'
import { buildReportModel } from '../src/aggregate/model.js'
import { datasetsOf } from '../src/chart/datasets.js'
import { CATEGORY_PALETTE, yearColours } from '../src/chart/palette.js'
import { DATASET_NAMES } from '../src/chart/datasets.js'
import { loadChartSpecs, type ChartSpec } from '../src/chart/specs.js'
import { drawChart } from '../src/chart/draw.js'
import { renderChart } from '../src/chart/render.js'
import { check } from '../src/compile.js'
import { contrastWithWhite } from '../src/validate/consistency.js'
import { exampleSpec } from '../scripts/generate-docs.js'
import { Lifecycle } from '../src/cli/lifecycle.js'
import { cli, drawers as drawersBelow } from './helpers/cli.js'
import { cleanupProjects, projectWith, REPO } from './helpers/project.js'
import { themeOf } from '../src/compile/theme.js'
import { DEFAULT_TEMPLATES } from '../src/compile/templates.js'

afterAll(cleanupProjects)

// Colour-vision deficiency simulation (Machado, Oliveira & Fernandes 2009, severity 1) on linear RGB,
// then CIELAB distance: a pair closer than 20 is hard to tell apart.
const CVD: Record<string, number[][]> = {
  gewoon: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
  protanopie: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
  deuteranopie: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
  tritanopie: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]],
}
const linear = (hex: string) => [1, 3, 5].map((i) => {
  const c = parseInt(hex.slice(i, i + 2), 16) / 255
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
})
function lab(rgb: number[]): number[] {
  const [r, g, b] = rgb as [number, number, number]
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116)
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047)
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b)
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}
const seen = (hex: string, m: number[][]) => lab(m.map((row) => Math.min(1, Math.max(0, row.reduce((s, v, i) => s + v * linear(hex)[i]!, 0)))))

describe('the category palette', () => {
  it('has eight colours, each with at least 3:1 contrast on white', () => {
    expect(new Set(CATEGORY_PALETTE).size).toBeGreaterThanOrEqual(8)
    for (const colour of CATEGORY_PALETTE) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(3)
  })

  it('stays distinct for normal vision and the three kinds of colour blindness', () => {
    for (const [vision, m] of Object.entries(CVD)) {
      for (const [i, a] of CATEGORY_PALETTE.entries()) {
        for (const b of CATEGORY_PALETTE.slice(i + 1)) {
          const [p, q] = [seen(a, m), seen(b, m)]
          expect(Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!), `${vision}: ${a} ${b}`).toBeGreaterThan(20)
        }
      }
    }
  })

  it('reaches a chart coloured by category: every slice its own colour', async () => {
    const project = check(REPO).project!
    const model = buildReportModel(project, 2024)
    const dataset = datasetsOf(model).get('meldingen_per_status')!
    const spec = { data: { name: dataset.name }, mark: 'arc', encoding: { theta: { field: 'aantal', type: 'quantitative' }, color: { field: 'categorie', type: 'nominal' } } }
    const chart = await renderChart({ name: 'taart', title: 'Taart', dataName: dataset.name, spec, file: new VFile({ path: '/project/templates/charts/taart.vl.json' }) }, dataset, themeOf(project))
    const fills = new Set([...chart.svg.matchAll(/fill="(#[0-9a-f]{6})"/gi)].map((m) => m[1]!.toLowerCase()))
    const slices = dataset.rows.filter((r) => typeof r.aantal === 'number' && r.aantal > 0).length
    expect(slices).toBeGreaterThanOrEqual(3)
    expect([...fills].filter((f) => (CATEGORY_PALETTE as readonly string[]).includes(f)).length).toBe(slices)
  })
})

describe('the year colours', () => {
  // The fixtures' themes, the default, and the extremes the theme check lets through: a main colour at 4.5:1
  // (lighter than the year steps allow), a red beside a green, and one colour for both.
  const themes = [
    ...['data', ...['huizen', 'maasvliet', 'rijnstede', 'rotterdam', 'waterland-oost'].map((f) => join('test', 'fixtures', 'valid', f, 'data'))].map((dir) => themeOf(check(join(REPO, dir, '..')).project!)),
    { primary: '#767676', secondary: '#767676' }, { primary: '#c00000', secondary: '#00a000' }, { primary: '#000000', secondary: '#949494' },
  ]
  const distance = (p: number[], q: number[]) => Math.hypot(p[0]! - q[0]!, p[1]! - q[1]!, p[2]! - q[2]!)

  it('have 3:1 contrast on white and differ in lightness, so greyscale print and colour-blind readers tell the years apart', () => {
    expect(new Set(themes.map((t) => t.primary)).size).toBeGreaterThanOrEqual(4)
    for (const theme of themes) {
      for (const n of [1, 2, 3]) {
        const colours = yearColours(theme, n)
        expect(colours, `${theme.primary} ${n}`).toHaveLength(n)
        for (const colour of colours) expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(3)
        for (const [i, a] of colours.entries()) {
          for (const b of colours.slice(i + 1)) {
            // Greyscale: lightness alone; colour blindness: the whole colour as seen.
            expect(Math.abs(seen(a, CVD.gewoon!)[0]! - seen(b, CVD.gewoon!)[0]!), `grijs: ${a} ${b}`).toBeGreaterThanOrEqual(12)
            for (const [vision, m] of Object.entries(CVD)) expect(distance(seen(a, m), seen(b, m)), `${vision}: ${a} ${b}`).toBeGreaterThanOrEqual(12)
          }
        }
      }
      // The newest year is the organisation's own colour, unless that is too light to leave room for the earlier years.
      const newest = yearColours(theme, 2).at(-1)
      if (seen(theme.primary, CVD.gewoon!)[0]! <= 35) expect(newest).toBe(theme.primary)
    }
  })

  it('of two earlier years differ in hue as well as lightness, so three years never show as two shades of one grey', () => {
    // Helmond's 2022 and 2023 were #8592a2 and #64707f, Rijnstede's two olives: ΔE 13.
    for (const theme of themes) {
      const [oldest, middle] = yearColours(theme, 3)
      expect(distance(seen(oldest!, CVD.gewoon!), seen(middle!, CVD.gewoon!)), `${theme.secondary}: ${oldest} ${middle}`).toBeGreaterThanOrEqual(20)
    }
  })

  it('reach the bars of a chart of three years', async () => {
    const project = check(REPO).project!
    const dataset = datasetsOf(buildReportModel(project, 2024)).get('vp_uren')!
    const spec = loadChartSpecs([join(DEFAULT_TEMPLATES, 'charts')], DATASET_NAMES, [join(DEFAULT_TEMPLATES, 'charts')]).specs.get('vp-uren')!
    // Drawn, not taken from the tool's cache.
    const svg = (await drawChart(spec, dataset, themeOf(project))).svg
    const bars = svg.slice(svg.indexOf('role-mark'), svg.indexOf('mark-text role-mark'))
    const fills = new Set([...bars.matchAll(/fill="(#[0-9a-f]{6})"/g)].map((m) => m[1]))
    expect([...fills].sort()).toEqual([...yearColours(themeOf(project), 3)].sort())
  })
})

describe('own charts', () => {
  const chart = (title: string) => ({ title, data: { name: 'meldingen_per_status' }, mark: 'bar', encoding: { y: { field: 'categorie', type: 'nominal' }, x: { field: 'aantal', type: 'quantitative' } } })

  it('add to the standard charts, and one with the same name replaces that one', () => {
    const root = projectWith()
    mkdirSync(join(root, 'templates', 'charts'), { recursive: true })
    writeFileSync(join(root, 'templates', 'charts', 'eigen.vl.json'), JSON.stringify(chart('Mijn eigen grafiek')))
    writeFileSync(join(root, 'templates', 'charts', 'status.vl.json'), JSON.stringify(chart('Status op mijn manier')))
    writeFileSync(join(root, 'templates', 'verslag.md'), '# Verslag\n\n::grafiek{naam="eigen"}\n\n::grafiek{naam="status"}\n\n::grafiek{naam="meldingen-per-jaar"}\n')
    const r = cli(['build', '--map', root, '--alleen', 'html', '--jaar', '2024'])
    expect(r.code, r.stderr).toBe(0)
    const html = readFileSync(join(root, 'output', '2024', 'index.html'), 'utf8')
    expect(html).toContain('Mijn eigen grafiek')
    expect(html).toContain('Status op mijn manier')
    expect(html).not.toContain('>Stand van zaken</title>')
    expect(html).toContain('id="grafiek-meldingen-per-jaar-titel"')
  })
})

describe('where charts are drawn', () => {
  const drawers = () => drawersBelow(process.pid)
  /** End the run as the CLI does, and wait for its drawing process to go. */
  const endRun = async () => {
    new Lifecycle().end()
    const deadline = Date.now() + 5000
    while (drawers().length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
  }
  it('the tool\'s own specs in this process; a project\'s own in one drawing process for the whole run, which ends with the run', async () => {
    const project = check(REPO).project!
    const dataset = datasetsOf(buildReportModel(project, 2024)).get('vp_uren')!
    const tool = loadChartSpecs([join(DEFAULT_TEMPLATES, 'charts')], DATASET_NAMES, [join(DEFAULT_TEMPLATES, 'charts')]).specs.get('vp-uren')!
    // A title of its own each time: drawn, not taken from the tool's cache.
    const fresh = (path: string): ChartSpec => ({ ...tool, title: `Getekend ${Math.random()}`, file: new VFile({ path }) })
    const own = join(projectWith(), 'templates', 'charts', 'vp-uren.vl.json')
    // Earlier tests of this file drew own charts.
    await endRun()

    expect((await renderChart(fresh(tool.file.path), dataset, themeOf(project))).svg).toContain('<svg')
    expect(drawers()).toEqual([])
    expect((await renderChart(fresh(own), dataset, themeOf(project))).svg).toContain('<svg')
    const first = drawers()
    expect(first).toHaveLength(1)
    await renderChart(fresh(own), dataset, themeOf(project))
    expect(drawers()).toEqual(first)

    await endRun()
    expect(drawers()).toEqual([])
  })
})

describe('the chart datasets in docs/sjablonen.md', () => {
  it('each example spec draws its dataset', async () => {
    const project = check(REPO).project!
    const datasets = datasetsOf(buildReportModel(project, 2024))
    for (const dataset of datasets.values()) {
      const spec = exampleSpec(dataset)
      // Written by a coördinator: a project's own spec.
      const file = new VFile({ path: `/project/templates/charts/${dataset.name}.vl.json` })
      const rendered = await renderChart({ name: dataset.name, title: dataset.name, dataName: dataset.name, spec, file }, dataset, themeOf(project))
      expect(rendered.svg, dataset.name).toMatch(/<path|<rect/)
    }
  })
})
