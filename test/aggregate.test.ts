import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compare } from '../src/aggregate/compare.js'
import { buildReportModel } from '../src/aggregate/model.js'
import { dataTables, toCsv } from '../src/aggregate/opendata.js'
import { check } from '../src/compile.js'
import { BREAKDOWN_IDS } from '../src/domain/breakdowns.js'
import { datasetsOf } from '../src/chart/datasets.js'
import { FIXTURES, REPO } from './helpers/project.js'
import type { Point } from '../src/domain/series.js'
import type { Project } from '../src/domain/project.js'

const helmond = check(REPO).project!
const rotterdam = check(join(FIXTURES, 'valid', 'rotterdam')).project!
const huizen = check(join(FIXTURES, 'valid', 'huizen')).project!
const rijnstede = check(join(FIXTURES, 'valid', 'rijnstede')).project!
const waterland = check(join(FIXTURES, 'valid', 'waterland-oost')).project!
const maasvliet = check(join(FIXTURES, 'valid', 'maasvliet')).project!

describe('report model of Helmond 2024', () => {
  const model = buildReportModel(helmond, 2024)
  const total = model.figures['meldingen.totaal']!

  it('compares the meldingen with the year before: 18 vs 10, +8, no percentage on a base below 20', () => {
    expect(total.current).toMatchObject({ year: 2024, value: 18, state: 'known' })
    expect(total.previous).toMatchObject({ year: 2023, value: 10 })
    expect(total.change).toEqual({ kind: 'value', absolute: 8, percent: null })
  })

  it('gives the change in percent from the base organisatie.yaml sets (vergelijking.procent_vanaf)', () => {
    const lower = { ...helmond, config: { ...helmond.config, vergelijking: { procent_vanaf: 10 } } }
    expect(buildReportModel(lower, 2024).figures['meldingen.totaal']!.change).toEqual({ kind: 'value', absolute: 8, percent: 80 })
    // Every comparison takes the same rule: the relatie breakdown's 'leidinggevende' 16 → 36 has its percentage only from a base of 10.
    const row = (p: Project) => buildReportModel(p, 2024).breakdowns['vertrouwenspersonen.relatie'].rows.find((r) => r.category === 'leidinggevende')!.change
    expect(row(helmond)).toEqual({ kind: 'value', absolute: 20, percent: null })
    expect(row(lower)).toEqual({ kind: 'value', absolute: 20, percent: 125 })
  })

  it('keeps the window N−4…N and the range of the earlier years ("schommelde tussen 7 en 17")', () => {
    expect(total.window.map((p) => [p.year, p.value])).toEqual([[2020, 17], [2021, 10], [2022, 7], [2023, 10], [2024, 18]])
    expect(total.before).toMatchObject({ min: 7, max: 17, count: 4, from: 2020, to: 2023 })
  })

  it('has the meldingen series over every known year, from the history', () => {
    expect(model.history[0]).toMatchObject({ year: 2011, value: 2 })
    expect(model.history.map((p) => p.value)).toEqual([2, 0, 2, 9, 6, 11, 4, 11, 10, 17, 10, 7, 10, 18])
  })

  it('builds the VP table with three years side by side: hours 619, 435, 215', () => {
    expect(model.vpTable.years).toEqual([2024, 2023, 2022])
    expect(model.vpTable.grandTotal.points.map((p) => p.value)).toEqual([619, 435, 215])
    const casussen = model.vpTable.sections.find((s) => s.id === 'casussen')!
    expect(casussen.rows.map((r) => [r.label, r.points.map((p) => p.value)])).toEqual([
      ['Lopende casussen (uit eerdere jaren)', [5, 0, 0]],
      ['Nieuwe casussen', [47, 24, 24]],
      ['Casussen', [52, 24, 24]],
    ])
    const subtotal = (id: string) => model.vpTable.sections.find((s) => s.id === id)!.rows.at(-1)!.points.map((p) => p.value)
    expect(subtotal('uren.contacten')).toEqual([365, 238, 93])
    expect(subtotal('uren.overig')).toEqual([254, 197, 122])
  })

  it('takes shares of the total, and multi-label shares of the number of cases', () => {
    expect(model.figures['meldingen.intern']!.share).toBe(0.5)
    const soort = model.breakdowns['vertrouwenspersonen.soort_kwestie']
    expect(soort.multiLabel).toBe(true)
    expect(soort.base).toMatchObject({ value: 52 })
    // The previous year's number of cases is known (2023: 24), so its column shows it.
    expect(soort.previousBase).toMatchObject({ year: 2023, value: 24 })
    expect(soort.sum).toBe(104)
    expect(soort.rows.find((r) => r.category === 'pesten')!.share).toBeCloseTo(15 / 52)
  })

  it('names the categories that rose and fell most, of those both years registered', () => {
    const type = model.breakdowns['meldingen.type']
    expect(type.rising.map((r) => r.category)).toEqual(['Misbruik bevoegdheden', 'Misbruik positie en belangenverstrengeling', 'Misdraging in privésfeer'])
    expect(type.falling).toEqual([])
  })

  it('a category one year did not register is absent that year, not 0, and its change is not comparable', () => {
    // 2023 used the national list of types, 2024 Helmond's own finer one.
    const type = model.breakdowns['meldingen.type']
    const row = (c: string) => type.rows.find((r) => r.category === c)!
    expect(row('Ongewenste omgangsvormen').previous).toMatchObject({ year: 2023, value: 4, state: 'known' })
    expect(row('Ongewenste omgangsvormen').current).toMatchObject({ year: 2024, value: null, state: 'absent' })
    expect(row('Ongewenst gedrag/onveilig werkklimaat').previous).toMatchObject({ value: null, state: 'absent' })
    for (const c of ['Ongewenste omgangsvormen', 'Financiële schending', 'Ongewenst gedrag/onveilig werkklimaat']) {
      expect(row(c).change).toMatchObject({ kind: 'not-comparable', break: { from: 2024 } })
    }
    expect(row('Misbruik bevoegdheden').change).toMatchObject({ kind: 'value', absolute: 1 })
    expect(type.listChanged).toBe(true)
    // A category registered with 0 stays a 0.
    expect(row('Misbruik positie en belangenverstrengeling').previous).toMatchObject({ value: 0, state: 'known' })
    expect(model.breakdowns['vertrouwenspersonen.soort_kwestie'].listChanged).toBe(false)
  })

  it('has no previous value for a breakdown that was not published the year before', () => {
    const regeling = model.breakdowns['meldingen.regeling']
    expect(regeling.rows[0]!.previous.state).toBe('absent')
    expect(regeling.rows[0]!.change).toEqual({ kind: 'no-previous' })
  })

  it('writes open data: CSV and JSON tables of every series', () => {
    const tables = dataTables(model)
    expect(tables.map((t) => t.name)).toContain('inzet-vertrouwenspersonen')
    const csv = toCsv(tables.find((t) => t.name === 'meldingen-per-jaar')!)
    expect(csv.split('\r\n').slice(0, 2)).toEqual(['jaar,meldingen,bekend,deel_van_jaar,reeksbreuk,reeksbreuk_toelichting', '2011,2,true,,false,'])
  })
})

describe('gaps stay gaps', () => {
  it('a missing year in the window is "ontbreekt", not 0', () => {
    const model = buildReportModel(helmond, 2022)
    const adviesvragen = model.figures['meldingen.adviesvragen']!
    expect(adviesvragen.window.map((p) => [p.year, p.state, p.value])).toEqual([
      [2018, 'absent', null], [2019, 'absent', null], [2020, 'absent', null], [2021, 'known', 38], [2022, 'known', 35],
    ])
    expect(adviesvragen.before).toMatchObject({ min: 38, max: 38, count: 1 })
  })

  it('an unknown value is "onbekend" and cannot be compared', () => {
    const model = buildReportModel(huizen, 2022)
    expect(model.figures['meldingen.totaal']!.current.state).toBe('unknown')
    expect(model.figures['meldingen.totaal']!.change).toEqual({ kind: 'unknown' })
    expect(model.figures['vp.casussen']!.window.map((p) => p.value)).toEqual([21, 8, 3, 2, 4])
  })

  it('a partial year is marked, and 11 months never compare with 12: the change is withheld, the figures stay', () => {
    const model = buildReportModel(rotterdam, 2020)
    const total = model.figures['meldingen.totaal']!
    expect(total.current).toMatchObject({ value: 93, partial: true, until: '2020-12-03' })
    expect(total.previous).toMatchObject({ value: 137, partial: false })
    for (const key of ['meldingen.totaal', 'meldingen.onderzoeken', 'meldingen.gegrond']) {
      expect(model.figures[key]!.change, key).toEqual({ kind: 'not-comparable', because: 'partial' })
      expect(model.figures[key]!.periodChange, key).toEqual({ kind: 'not-comparable', because: 'partial' })
    }
    expect(model.partial?.until).toBe('2020-12-03')
    // A partial year is left out of the range of whole years.
    expect(buildReportModel(rotterdam, 2020).figures['meldingen.totaal']!.before).toMatchObject({ min: 125, max: 172, count: 4 })
  })

  it('a change from 0 has no percentage, never a division by zero', () => {
    const at = (year: number, value: number): Point => ({ year, value, state: 'known', partial: false })
    expect(compare(at(2023, 2), at(2022, 0), 'aantal', { percentFrom: 1 })).toEqual({ kind: 'value', absolute: 2, percent: null })
  })

  it('a category added to the list (indelingswijzigingen) has no figure of the year before, whatever the data of that year says', () => {
    const model = buildReportModel(helmond, 2023)
    const row = model.breakdowns['vertrouwenspersonen.relatie'].rows.find((r) => r.category === 'bestuurder')!
    expect(row).toMatchObject({ previous: { state: 'absent' }, change: { kind: 'no-previous' }, relisted: { kind: 'toegevoegd', to: ['bestuurder'] } })
    // Open data keep the figure as recorded: 0 in 2022.
    expect(model.breakdowns['vertrouwenspersonen.relatie'].recorded.find((r) => r.category === 'bestuurder')!.points.map((p) => p.value)).toEqual([0, 2])
  })
})

describe('two partial years compare only when they end on the same day of the year', () => {
  const rules = { percentFrom: 1 }
  const at = (year: number, value: number, until?: string): Point => ({ year, value, state: 'known', partial: until !== undefined, ...(until ? { until } : {}) })

  it('January to September twice compares; September against November, or against a whole year, does not', () => {
    expect(compare(at(2024, 10, '2024-09-30'), at(2023, 8, '2023-09-30'), 'aantal', rules)).toEqual({ kind: 'value', absolute: 2, percent: 25 })
    expect(compare(at(2024, 10, '2024-09-30'), at(2023, 8, '2023-11-30'), 'aantal', rules)).toEqual({ kind: 'not-comparable', because: 'partial' })
    expect(compare(at(2024, 10, '2024-09-30'), at(2023, 8), 'aantal', rules)).toEqual({ kind: 'not-comparable', because: 'partial' })
    expect(compare(at(2024, 10), at(2023, 8, '2023-09-30'), 'aantal', rules)).toEqual({ kind: 'not-comparable', because: 'partial' })
  })
})

describe('percentages (Huizen\'s MTO): a change in procentpunten, and a period shows its last year', () => {
  const model = buildReportModel(huizen, 2022)
  const respons = model.keyFigures.find((f) => f.unit === 'procent' && f.label.startsWith('Respons'))!

  it('70% against 76% is −6 (procentpunten), with no percentage of a percentage', () => {
    expect(respons.current).toMatchObject({ year: 2022, value: 70 })
    expect(respons.periodChange).toEqual({ kind: 'value', absolute: -6, percent: null })
  })

  it('the period 2021/2022 is not a sum of percentages: it is 2022\'s', () => {
    expect(respons.periodTotal).toMatchObject({ year: 2022, value: 70 })
  })
})

describe('the organisation\'s own hour activities (Rijnstede: nazorg, and a group preventie)', () => {
  const model = buildReportModel(rijnstede, 2024)

  it('the VP table follows the vocabulary: own activity in a national group, own group with its subtotal', () => {
    const sections = model.vpTable.sections.map((s) => [s.id, s.unit, s.rows.map((r) => r.label)])
    expect(sections.slice(2)).toEqual([
      ['uren.contacten', 'uren', ['Gesprekken, incl. mailwisseling', 'Begeleiding in (klacht)traject', 'Nazorg na het afsluiten van een casus', 'Uren contacten']],
      ['uren.overig', 'uren', ['Intern afstemmingsoverleg en verslaglegging', 'Cursus, intervisie e.d. voor kwalificatie', 'Aanwezigheid bij informatiebijeenkomsten', 'Begeleiding onboarding en themadagen', 'Uren overige activiteiten']],
      ['uren.preventie', 'uren', ['Training aanspreken voor leidinggevenden', 'Inloopspreekuur op de buitenlocaties', 'Uren preventie']],
    ])
    const preventie = model.vpTable.sections.find((s) => s.id === 'uren.preventie')!
    expect(preventie.rows.map((r) => r.points.map((p) => p.value))).toEqual([[30, 24, 18], [28, 26, 22], [58, 50, 40]])
    expect(model.vpTable.grandTotal.points.map((p) => p.value)).toEqual([356, 311, 256])
  })

  it('every own activity is a figure with its comparison, and reaches the hours chart', () => {
    expect(model.figures['vp.uren_spreekuur']).toMatchObject({ label: 'Inloopspreekuur op de buitenlocaties', unit: 'uren', change: { kind: 'value', absolute: 2 } })
    expect(model.figures['vp.uren_preventie']!.current.value).toBe(58)
    const chart = datasetsOf(model).get('vp_uren')!
    expect(new Set(chart.rows.map((r) => r.activiteit))).toContain('Nazorg na het afsluiten van een casus')
    expect(chart.rows.filter((r) => r.jaar === '2024').reduce((a, r) => a + Number(r.uren), 0)).toBe(356)
  })

  it('Helmond keeps the national list, in the order of its reports', () => {
    const helmondModel = buildReportModel(helmond, 2024)
    expect(helmondModel.vpTable.sections.map((s) => s.title)).toEqual(['Casussen (aantal)', 'Meldingen (aantal)', 'Contacten (aantal uren)', 'Overige activiteiten (aantal uren)'])
  })
})

describe('series breaks (Rotterdam counts onderzoeken differently from 2019)', () => {
  const reason = /Tot en met 2018 telden alleen de onderzoeken van de centrale onderzoekseenheid/

  it('2019 against 2018 is not comparable, with the reason, instead of +68 (+154,5%)', () => {
    const onderzoeken = buildReportModel(rotterdam, 2019).figures['meldingen.onderzoeken']!
    expect(onderzoeken.current).toMatchObject({ value: 112, break: { from: 2019 } })
    expect(onderzoeken.previous).toMatchObject({ value: 44 })
    expect(onderzoeken.previous.break).toBeUndefined()
    expect(onderzoeken.change).toMatchObject({ kind: 'not-comparable', break: { from: 2019, reason: expect.stringMatching(reason) } })
    // The years under the old count do not make a range for the new one.
    expect(onderzoeken.before).toBeUndefined()
  })

  it('years on the same side of the break count the same: 2020 against 2019 is withheld only for the part of the year', () => {
    const onderzoeken = buildReportModel(rotterdam, 2020).figures['meldingen.onderzoeken']!
    expect(onderzoeken.change).toEqual({ kind: 'not-comparable', because: 'partial' })
    expect(onderzoeken.before).toMatchObject({ min: 112, max: 112, count: 1, from: 2019 })
  })

  it('other figures of the same years are untouched', () => {
    expect(buildReportModel(rotterdam, 2019).figures['meldingen.totaal']!.change).toMatchObject({ kind: 'value', absolute: -2 })
  })

  it('open data and chart data carry the break in the year it starts', () => {
    const model = buildReportModel(rotterdam, 2019)
    const table = dataTables(model).find((t) => t.name === 'kengetallen-vergelijking')!
    const at = (year: number) => Object.fromEntries(table.columns.map((c, i) => [c.name, table.rows.find((r) => r[0] === 'meldingen.onderzoeken' && r[3] === year)![i]]))
    expect(at(2019)).toMatchObject({ waarde: 112, bekend: true, reeksbreuk: true, reeksbreuk_toelichting: expect.stringMatching(/^Tot en met 2018/) })
    expect(at(2018)).toMatchObject({ waarde: 44, bekend: true, reeksbreuk: false, reeksbreuk_toelichting: null })
  })
})

describe('a sparse project: only totals, some years unknown (Waterland-Oost)', () => {
  it('keeps unknown years unknown in the series, never 0', () => {
    const model = buildReportModel(waterland, 2024)
    expect(model.history.map((p) => [p.year, p.state, p.value])).toEqual([
      [2019, 'known', 3], [2020, 'unknown', null], [2021, 'known', 5], [2022, 'known', 6], [2023, 'unknown', null], [2024, 'known', 9],
    ])
    expect(model.figures['meldingen.totaal']!.change).toEqual({ kind: 'unknown' })
    expect(model.figures['meldingen.totaal']!.before).toMatchObject({ min: 5, max: 6, count: 2 })
  })

  it('compares where both years are known, also with a year from the history', () => {
    const model = buildReportModel(waterland, 2022)
    expect(model.figures['meldingen.totaal']!.change).toMatchObject({ kind: 'value', absolute: 1 })
    expect(model.figures['vp.casussen']!.current.state).toBe('unknown')
    expect(buildReportModel(waterland, 2024).figures['vp.casussen']!.change).toMatchObject({ kind: 'value', absolute: -2 })
  })

  it('has no breakdowns and nothing in the VP table but the cases', () => {
    const model = buildReportModel(waterland, 2024)
    expect(BREAKDOWN_IDS.filter((id) => model.breakdowns[id].present)).toEqual([])
    const filled = model.vpTable.sections.flatMap((s) => s.rows).filter((r) => r.points.some((p) => p.state !== 'absent'))
    expect(filled.map((r) => r.key)).toEqual(['vp.casussen'])
  })
})

describe('a partial year and series breaks (Maasvliet)', () => {
  const model = buildReportModel(maasvliet, 2024)

  it('the partial year is marked on its figures, and no change is given against the whole year before', () => {
    expect(model.partial).toMatchObject({ until: '2024-09-30' })
    expect(model.figures['meldingen.totaal']!.current).toMatchObject({ value: 10, partial: true })
    expect(model.figures['meldingen.totaal']!.change).toEqual({ kind: 'not-comparable', because: 'partial' })
    expect(model.figures['vp.uren']!.change).toEqual({ kind: 'not-comparable', because: 'partial' })
    const status = model.breakdowns['meldingen.status']
    // Rows both years registered: part of a year against a whole one; the others were not in 2023's or 2024's list.
    const both = status.rows.filter((r) => r.current.state !== 'absent' && r.previous.state !== 'absent')
    expect(new Set(both.map((r) => JSON.stringify(r.change)))).toEqual(new Set([JSON.stringify({ kind: 'not-comparable', because: 'partial' })]))
    expect(status.rows.filter((r) => !both.includes(r)).map((r) => r.change)).toEqual([
      { kind: 'not-comparable', because: 'break', break: expect.objectContaining({ from: 2024 }) },
      { kind: 'not-comparable', because: 'break', break: expect.objectContaining({ from: 2024 }) },
    ])
    // Nothing rose or fell against a whole year.
    expect([...status.rising, ...status.falling]).toEqual([])
  })

  it('a break in a year folder: adviesvragen 2023 against 2022 is not comparable, 2024 against 2023 is', () => {
    expect(buildReportModel(maasvliet, 2023).figures['meldingen.adviesvragen']!.change).toMatchObject({ kind: 'not-comparable', break: { from: 2023 } })
    expect(model.figures['meldingen.adviesvragen']!.change).toEqual({ kind: 'not-comparable', because: 'partial' })
  })

  it('a break in a breakdown: every category of the type breakdown in 2024 against 2023 is not comparable', () => {
    const type = model.breakdowns['meldingen.type']
    expect(new Set(type.rows.map((r) => r.change.kind))).toEqual(new Set(['not-comparable']))
    expect(type.rising).toEqual([])
  })

  it('a break in the history: meldingen counted differently from 2020, so 2019 is out of the range of 2022', () => {
    const at2022 = buildReportModel(maasvliet, 2022)
    expect(at2022.history.find((p) => p.year === 2020)!.break).toMatchObject({ from: 2020, reason: expect.stringMatching(/anonieme meldingen/) })
    expect(at2022.figures['meldingen.totaal']!.window.map((p) => p.year)).toEqual([2019, 2020, 2021, 2022])
    expect(at2022.figures['meldingen.totaal']!.before).toMatchObject({ min: 11, max: 13, from: 2020, to: 2021 })
  })
})

describe('property: breakdowns keep their parts and totals', () => {
  /** A project with the Helmond config and generated meldingen for two years. */
  function projectWith(types: Record<string, number>[]): Project {
    const years = types.map((type, i) => ({
      year: 2020 + i,
      meta: { jaar: 2020 + i, status: 'concept' as const, bron: 'test' },
      meldingen: { totaal: Object.values(type).reduce((a, b) => a + b, 0), type },
      texts: new Map(),
    }))
    return { ...helmond, history: {}, years }
  }
  const categories = helmond.vocabularies.type
  const breakdown = fc.dictionary(fc.constantFrom(...categories), fc.nat({ max: 1000 }), { maxKeys: categories.length })

  it('the sum of the rows equals the sum of the data, shares add up to 1, changes are current − previous where both years registered the category', () => {
    fc.assert(fc.property(breakdown, breakdown, (before, now) => {
      const model = buildReportModel(projectWith([before, now]), 2021)
      const b = model.breakdowns['meldingen.type']
      const total = Object.values(now).reduce((a, v) => a + v, 0)
      expect(b.sum).toBe(total)
      expect(b.rows.map((r) => r.category)).toEqual(categories.filter((c) => c in now || c in before))
      if (total > 0) expect(b.rows.reduce((a, r) => a + (r.share ?? 0), 0)).toBeCloseTo(1)
      for (const r of b.rows) {
        if (r.category in now && r.category in before) expect(r.change).toMatchObject({ kind: 'value', absolute: now[r.category]! - before[r.category]! })
        else expect(r.change).toMatchObject({ kind: 'not-comparable' })
      }
      expect(b.listChanged).toBe(b.rows.some((r) => !(r.category in now && r.category in before)))
    }), { numRuns: 200 })
  })

  it('every breakdown of every example year is internally consistent', () => {
    for (const project of [helmond, rotterdam, huizen, rijnstede, waterland, maasvliet]) {
      for (const { year } of project.years) {
        const model = buildReportModel(project, year)
        for (const id of BREAKDOWN_IDS) {
          const b = model.breakdowns[id]
          expect(b.sum).toBe(b.rows.reduce((a, r) => a + (r.current.value ?? 0), 0))
          if (!b.multiLabel && b.present && b.base.state === 'known') expect(b.sum).toBe(b.base.value)
        }
      }
    }
  })
})

describe('a total of hours over other activities than the year before', () => {
  it('is not compared as like for like; totals over the same activities still are', () => {
    // Rijnstede registered 'nazorg' from 2023 on, not in 2022.
    const rijnstede = check(join(FIXTURES, 'valid', 'rijnstede')).project!
    const m = buildReportModel(rijnstede, 2023)
    for (const key of ['vp.uren', 'vp.uren_contacten']) {
      const change = m.figures[key]!.change
      expect(change.kind, key).toBe('not-comparable')
      expect(change.kind === 'not-comparable' && change.because === 'break' && change.break.reason, key).toContain('nazorg na het afsluiten van een casus')
      expect(m.figures[key]!.periodChange, key).toEqual(change)
    }
    expect(m.figures['vp.uren_overig']!.change).toEqual({ kind: 'value', absolute: 10, percent: 12.5 })
    expect(m.figures['vp.casussen']!.change.kind).toBe('value')
    expect(buildReportModel(rijnstede, 2024).figures['vp.uren']!.change.kind).toBe('value')
  })
})
