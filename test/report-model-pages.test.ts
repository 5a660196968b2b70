import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { buildReportModel } from '../src/aggregate/model.js'
import { reportPeriods } from '../src/aggregate/period.js'
import { check, compile } from '../src/compile.js'
import { FIXTURES } from './helpers/project.js'
import { pdfName } from '../src/domain/report.js'

// The model's states as the built page shows them, on the fixture projects.

/** The text of a page: tags out, entities and white space normalised. */
const text = (html: string) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ')

describe('Rotterdam 2019: a series break in the page', () => {
  it('shows the onderzoeken comparison as not comparable, with the reason in a note, never +68', async () => {
    const { outputs, files } = await compile(join(FIXTURES, 'valid', 'rotterdam'), { years: [2019] })
    expect(files.flatMap((f) => f.messages)).toEqual([])
    const page = text(String(outputs.get('2019/index.html')))
    expect(page).toMatch(/\(Voor\)onderzoeken – 52 49 44 112 niet vergelijkbaar/)
    expect(page).toContain('(Voor)onderzoeken: vanaf 2019 anders geteld, niet vergelijkbaar met eerdere jaren. Tot en met 2018 telden alleen')
    expect(page).not.toContain('+68')
  })
})

// Huizen published one report over two years: "Jaarrapportage Integriteitsbeleid 2021 /2022" of 14 April 2023
// (seed 002). The figures below are the ones that report states; the fixture declares the period in 2022/meta.yaml.
describe('Huizen 2021/2022: one report over two years', () => {
  const root = join(FIXTURES, 'valid', 'huizen')
  const project = check(root).project!
  const model = buildReportModel(project, 2022)

  it('the model\'s unit is the period: 2021/2022, compared with 2019/2020; 2021 has no report of its own', () => {
    expect(model.period).toMatchObject({ from: 2021, to: 2022, label: '2021/2022', slug: '2021-2022' })
    expect(model.previousPeriod).toMatchObject({ from: 2019, to: 2020, label: '2019/2020' })
    // 2020 lives in historie.yaml (the MTO of 2020 and the vertrouwenspersonen): a year to compare with, not a report.
    expect(reportPeriods(project).map((p) => p.label)).toEqual(['2021/2022'])
  })

  it('compares the MTO of 2022 with that of 2020 from historie.yaml: 76%, 247 people, 27/31/42/51%, each with its source', () => {
    const in2020 = (id: string) => model.figures[`kengetallen.${id}`]!.window.find((p) => p.year === 2020)!
    expect(['mto-respons', 'mto-deelnemers', 'mto-ongewenst-intern', 'mto-ongewenst-extern', 'mto-niet-gemeld', 'mto-vp-onbekend'].map((id) => in2020(id).value)).toEqual([76, 247, 27, 31, 42, 51])
    expect(in2020('mto-respons').source).toMatch(/^Jaarrapportage Integriteitsbeleid 2021\/2022, gemeente Huizen/)
    // A year folder's figure has the report's own source.
    expect(model.figures['kengetallen.mto-respons']!.current.source).toBeUndefined()
  })

  it('holds the seed\'s figures, both years side by side', () => {
    const years = (key: string) => model.figures[key]!.years.map((p) => p.value)
    // "In 2021 waren dit 31 nieuwe medewerkers en in 2022 49."
    expect(years('kengetallen.eed-belofte')).toEqual([31, 49])
    // "in 2021 twee personen en in 2022 vier personen … In 2020 waren dit drie personen, in 2019 acht personen, terwijl in 2018 21 personen"
    expect(years('vp.casussen')).toEqual([2, 4])
    expect(model.figures['vp.casussen']!.window.map((p) => [p.year, p.value])).toEqual([[2018, 21], [2019, 8], [2020, 3], [2021, 2], [2022, 4]])
    // "Dat is een respons van 70%. Het MTO in 2020 had een respons van 76 %"
    expect(model.figures['kengetallen.mto-respons']!.periodTotal.value).toBe(70)
    expect(model.figures['kengetallen.mto-respons']!.previousPeriodTotal.value).toBe(76)
    // "31% … intern ongewenst gedrag … (iets toegenomen tov 27% in 2020). 24% … van bewoners / klanten (afgenomen tov 31% in 2020)"
    expect(model.figures['kengetallen.mto-ongewenst-intern']!.periodChange).toMatchObject({ kind: 'value', absolute: 4 })
    expect(model.figures['kengetallen.mto-ongewenst-extern']!.periodChange).toMatchObject({ kind: 'value', absolute: -7 })
    // "59% … niet te weten wie de (externe) vertrouwenspersoon is. In 2020 was dit 51%."
    expect(model.figures['kengetallen.mto-vp-onbekend']!.periodChange).toMatchObject({ kind: 'value', absolute: 8 })
    // "48% … In 2020 was dit 42% (toen is gevraagd naar melding bij vertrouwenspersoon, leidinggevende of P&O)": another question
    expect(model.figures['kengetallen.mto-niet-gemeld']!.periodChange).toMatchObject({ kind: 'not-comparable', break: { from: 2022 } })
    // "2022 was er een overschrijding van bijna €32.000,-"
    expect(model.figures['kengetallen.budget-overschrijding']!.years.map((p) => p.value)).toEqual([null, 32000])
    // One formal melding via the external vertrouwenspersoon, gegrond; the total was not reported.
    expect(model.figures['meldingen.gegrond']!.current.value).toBe(1)
    expect(model.figures['meldingen.totaal']!.periodTotal.state).toBe('unknown')
  })

  it('counts over the period add up, and compare with the two years before', () => {
    // 2 + 4 persons against 8 + 3.
    expect(model.figures['vp.casussen']).toMatchObject({ periodTotal: { value: 6 }, previousPeriodTotal: { value: 11 }, periodChange: { kind: 'value', absolute: -5 } })
  })

  it('builds one page and one PDF name after the period, with the period in the title', async () => {
    const { outputs, files } = await compile(root, { years: [2021] })
    expect(files.flatMap((f) => f.messages)).toEqual([])
    expect([...outputs.keys()].filter((k) => k.endsWith('index.html')).sort()).toEqual(['2021-2022/index.html', 'index.html'])
    const page = String(outputs.get('2021-2022/index.html'))
    expect(page).toContain('<title>Jaarrapportage Integriteitsbeleid 2021/2022')
    // The sum the period is compared with (8 + 3 = 11) stands beside it; no percentage on a base of 11.
    expect(text(page)).toMatch(/Casussen 21 8 3 2 4 11 6 −5 /)
    expect(text(page)).toContain('2019/2020 samen 2021/2022 samen Verschil met 2019/2020')
    expect(text(page)).toMatch(/Respons medewerkersonderzoek \(MTO\) 76% – 70% 76% \(2020\) 70% \(2022\) −6 procentpunten/)
    expect(text(page)).toContain('Bron van de cijfers over 2020: Jaarrapportage Integriteitsbeleid 2021/2022, gemeente Huizen, 14 april 2023')
    expect(String(outputs.get('index.html'))).toContain('<a href="2021-2022/index.html">Jaarrapportage Integriteitsbeleid 2021/2022</a>')
    expect(pdfName(model.period.slug)).toBe('jaarverslag-integriteit-2021-2022.pdf')
  })
})
