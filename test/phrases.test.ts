import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Figure, ReportModel } from '../src/aggregate/model.js'
import { compare, DEFAULT_PERCENT_FROM } from '../src/aggregate/compare.js'
import { loadPhrases, say, variantNames } from '../src/render/phrases.js'
import type { Point } from '../src/domain/series.js'
import { DEFAULT_TEMPLATES } from '../src/compile/templates.js'

// The tool's own sentences (templates/zinnen.yaml) said about a figure in
// every state it can be in: the variant follows the state, never a gap in a
// number slot.

const { phrases, files } = loadPhrases(DEFAULT_TEMPLATES, join(DEFAULT_TEMPLATES, 'geen-project'), [DEFAULT_TEMPLATES])

type P = number | 'onbekend' | 'ontbreekt'
const point = (year: number, v: P, extra: Partial<Point> = {}): Point =>
  typeof v === 'number' ? { year, value: v, state: 'known', partial: false, ...extra } : { year, value: null, state: v === 'onbekend' ? 'unknown' : 'absent', partial: false, ...extra }

/** A report model for 2024 whose figure `key` has these values for the years up to 2024 (2020…2024 for five). */
function modelWith(key: string, values: P[], extra: { partial?: Record<number, string>; breakFrom?: number; period?: number[] } = {}): ReportModel {
  const years = values.map((_, i) => 2024 - values.length + 1 + i)
  const brk = (y: number) => (extra.breakFrom !== undefined && y >= extra.breakFrom ? { break: { from: extra.breakFrom, reason: 'Vanaf 2024 tellen ook de onderzoeken door de lijn mee.' } } : {})
  const window = years.map((y, i) => point(y, values[i]!, { partial: Boolean(extra.partial?.[y]), ...brk(y) }))
  const current = window.at(-1)!
  const previous = window.at(-2)!
  let change = compare(current, previous, 'aantal', { percentFrom: DEFAULT_PERCENT_FROM })
  if (extra.breakFrom === 2024 && current.state === 'known') change = { kind: 'not-comparable', because: 'break', break: current.break! }
  const period = extra.period ?? [2024]
  const figure: Figure = { key, label: key, unit: 'aantal', current, previous, change, share: null, window, before: undefined, years: window.filter((p) => period.includes(p.year)), periodTotal: current, previousPeriodTotal: previous, periodChange: change }
  return { organisation: 'Gemeente Waterland-Oost', year: 2024, period: { years: period }, partialYears: extra.partial ?? {}, figures: { [key]: figure } } as unknown as ReportModel
}

const text = (name: string, model: ReportModel) => say(phrases.get(name)!, model, phrases)?.text

describe('the phrase book', () => {
  it('loads without messages, and has the sentences the default template uses', () => {
    expect(files.flatMap((f) => f.messages.map((m) => m.reason))).toEqual([])
    for (const name of ['meldingen', 'meldingen-eerder', 'intern', 'extern', 'onderzoeken', 'gegrond', 'ongegrond', 'maatregelen', 'ontslagen', 'adviesvragen', 'vp-casussen', 'vp-uren']) {
      expect(phrases.has(name), name).toBe(true)
    }
  })

  it('says the meldingen sentence in every state of the figure', () => {
    const m = 'meldingen.totaal'
    expect(text('meldingen', modelWith(m, [9, 10, 7, 25, 30]))).toBe('In 2024 ontving het meldpunt 30 meldingen, tegen 25 in 2023: 5 meer, een stijging van 20%.')
    expect(text('meldingen', modelWith(m, [9, 10, 7, 40, 30]))).toBe('In 2024 ontving het meldpunt 30 meldingen, tegen 40 in 2023: 10 minder, een daling van 25%.')
    // Below vergelijking.procent_vanaf (20) a change is said in numbers only: 1 → 3 is no 'stijging van 200%'.
    expect(text('meldingen', modelWith(m, [9, 10, 7, 1, 3]))).toBe('In 2024 ontving het meldpunt 3 meldingen, tegen 1 in 2023: 2 meer.')
    expect(text('meldingen', modelWith(m, [9, 10, 7, 10, 18]))).toBe('In 2024 ontving het meldpunt 18 meldingen, tegen 10 in 2023: 8 meer.')
    expect(text('meldingen', modelWith(m, [9, 10, 7, 10, 4]))).toBe('In 2024 ontving het meldpunt 4 meldingen, tegen 10 in 2023: 6 minder.')
    expect(text('meldingen', modelWith(m, [9, 10, 7, 10, 10]))).toBe('In 2024 ontving het meldpunt tien meldingen, net als in 2023.')
    expect(text('meldingen', modelWith(m, [9, 10, 7, 0, 3]))).toBe('In 2024 ontving het meldpunt drie meldingen, tegen geen enkele in 2023.')
    expect(text('meldingen', modelWith(m, [9, 10, 7, 3, 0]))).toBe('In 2024 ontving het meldpunt geen meldingen, tegen 3 in 2023: 3 minder.')
    expect(text('meldingen', modelWith(m, ['ontbreekt', 'ontbreekt', 'ontbreekt', 'ontbreekt', 1]))).toBe('In 2024 ontving het meldpunt één melding. Over 2023 zijn geen meldingen vastgelegd, dus een vergelijking met dat jaar is er niet.')
    expect(text('meldingen', modelWith(m, [9, 10, 7, 'onbekend', 9]))).toBe('In 2024 ontving het meldpunt negen meldingen. Hoeveel meldingen er in 2023 waren, is niet bekend.')
    expect(text('meldingen', modelWith(m, [9, 10, 7, 10, 'onbekend']))).toBe('Over 2024 is het aantal meldingen bij het meldpunt niet bekend.')
    expect(text('meldingen', modelWith(m, [9, 10, 7, 10, 'ontbreekt']))).toBeUndefined()
    expect(text('meldingen', modelWith(m, [9, 10, 7, 27, 30], { partial: { 2023: '2023-11-30' } })))
      .toBe('In 2024 ontving het meldpunt 30 meldingen, tegen 27 in 2023 (tot en met 30 november). Die aantallen zijn niet vergelijkbaar: ze gaan niet over even lange perioden.')
    expect(text('onderzoeken', modelWith('meldingen.onderzoeken', [49, 52, 49, 44, 112], { breakFrom: 2024 })))
      .toBe('In 2024 waren er 112 (voor)onderzoeken, tegen 44 in 2023. Die aantallen zijn niet vergelijkbaar. Vanaf 2024 tellen ook de onderzoeken door de lijn mee.')
  })

  it('bends words with one and zero, and says the earlier years by how many there are', () => {
    expect(text('gegrond', modelWith('meldingen.gegrond', [0, 0, 0, 2, 1]))).toBe('In 2024 werd 1 melding gegrond bevonden, tegen 2 in 2023.')
    expect(text('onderzoeken', modelWith('meldingen.onderzoeken', [0, 0, 0, 'ontbreekt', 1]))).toBe('In 2024 was er één (voor)onderzoek.')
    expect(text('maatregelen', modelWith('meldingen.maatregelen', [0, 0, 0, 2, 0]))).toBe('Op geen enkele melding volgde in 2024 een maatregel.')
    const earlier = (values: P[]) => text('meldingen-eerder', modelWith('meldingen.totaal', values))
    expect(earlier(['ontbreekt', 'ontbreekt', 'ontbreekt', 9, 12])).toBeUndefined()
    expect(earlier(['ontbreekt', 'ontbreekt', 9, 9, 12])).toBe('In 2022 waren het er 9.')
    expect(earlier(['ontbreekt', 9, 9, 9, 12])).toBe('In de jaren 2021 en 2022 waren het er steeds 9.')
    expect(earlier([7, 17, 10, 9, 12])).toBe('In de jaren 2020 t/m 2022 lag het aantal tussen 7 en 17.')
    // Two years are two numbers, not a range; a year without a figure between them is said, not hidden.
    expect(earlier(['ontbreekt', 5, 6, 'ontbreekt', 9])).toBe('Eerder waren het er 5 in 2021 en 6 in 2022.')
    expect(earlier([7, 'onbekend', 10, 9, 12])).toBe('Eerder waren het er 7 in 2020 en 10 in 2022.')
    expect(earlier([8, 7, 'onbekend', 10, 9, 12])).toBe('In de jaren 2019, 2020 en 2022 (over 2021 is niets bekend) lag het aantal tussen 7 en 10.')
    expect(text('meldingen-eerder', modelWith('meldingen.totaal', [8, 7, 4, 10, 9, 12], { partial: { 2021: '2021-06-30' } })))
      .toBe('In de jaren 2019, 2020 en 2022 (de cijfers over 2021 beslaan maar een deel van het jaar) lag het aantal tussen 7 en 10.')
  })

  it('says an equal figure as equal, and a part of a year beside a whole one without "tegen"', () => {
    expect(text('gegrond', modelWith('meldingen.gegrond', [0, 0, 0, 1, 1]))).toBe('In 2024 werd één melding gegrond bevonden, evenveel als in 2023.')
    expect(text('onderzoeken-extern', modelWith('meldingen.onderzoeken_extern', [0, 0, 0, 1, 1], { partial: { 2024: '2024-09-30' } })))
      .toBe('Extern werd 1 onderzoek uitgevoerd (2023: 1).')
  })

  it('in a report over two years, names the earlier year too when only the last has a figure', () => {
    const period = [2023, 2024]
    expect(text('meldingen', modelWith('meldingen.totaal', [9, 10, 7, 'onbekend', 'onbekend'], { period }))).toBe('Over 2023 en 2024 is het aantal meldingen bij het meldpunt niet bekend.')
    expect(text('meldingen', modelWith('meldingen.totaal', [9, 10, 7, 'onbekend', 'onbekend']))).toBe('Over 2024 is het aantal meldingen bij het meldpunt niet bekend.')
    expect(text('gegrond', modelWith('meldingen.gegrond', [0, 0, 0, 'ontbreekt', 1], { period }))).toBe('In 2024 werd één melding gegrond bevonden; over 2023 is dat niet bekend.')
    expect(text('maatregelen', modelWith('meldingen.maatregelen', [0, 0, 0, 'onbekend', 1], { period }))).toBe('Op één melding volgde in 2024 een maatregel.')
    // A report over one year says nothing of a year it does not cover.
    expect(text('gegrond', modelWith('meldingen.gegrond', [0, 0, 0, 'ontbreekt', 1]))).toBe('In 2024 werd één melding gegrond bevonden.')
  })

  it('writes a count up to twenty in words where the sentence compares no figures, and every count in digits where it does', () => {
    expect(text('maatregelen', modelWith('meldingen.maatregelen', [0, 0, 0, 'ontbreekt', 1]))).toBe('Op één melding volgde een maatregel.')
    expect(text('maatregelen', modelWith('meldingen.maatregelen', [0, 0, 0, 1, 1]))).toBe('Op één melding volgde een maatregel, net als in 2023.')
    expect(text('ontslagen', modelWith('meldingen.disciplinaire_ontslagen', [0, 0, 0, 'ontbreekt', 2]))).toBe('Er volgden twee disciplinaire ontslagen.')
    expect(text('intern', modelWith('meldingen.intern', [0, 0, 0, 'ontbreekt', 20]))).toBe('Van binnen de organisatie kwamen twintig meldingen.')
    expect(text('intern', modelWith('meldingen.intern', [0, 0, 0, 'ontbreekt', 21]))).toBe('Van binnen de organisatie kwamen 21 meldingen.')
    expect(text('intern', modelWith('meldingen.intern', [0, 0, 0, 'ontbreekt', 0]))).toBe('Van binnen de organisatie kwamen geen meldingen.')
    // Figures set against each other stay figures, all alike, and so do the earlier years that go on comparing.
    expect(text('intern', modelWith('meldingen.intern', [0, 0, 0, 3, 2]))).toBe('Van binnen de organisatie kwamen 2 meldingen, tegen 3 in 2023.')
    expect(text('intern', modelWith('meldingen.intern', [0, 0, 0, 30, 2]))).toBe('Van binnen de organisatie kwamen 2 meldingen, tegen 30 in 2023.')
    expect(text('intern', modelWith('meldingen.intern', [0, 0, 0, 3, 2], { partial: { 2024: '2024-09-30' } }))).toBe('Van binnen de organisatie kwamen 2 meldingen (2023: 3).')
    expect(text('meldingen-eerder', modelWith('meldingen.totaal', ['ontbreekt', 'ontbreekt', 9, 9, 12]))).toBe('In 2022 waren het er 9.')
    // After a sentence in words, the earlier years go on in words; two of them compare in themselves.
    expect(text('meldingen-eerder', modelWith('meldingen.totaal', ['ontbreekt', 'ontbreekt', 9, 'onbekend', 12]))).toBe('In 2022 waren het er negen.')
    expect(text('meldingen-eerder', modelWith('meldingen.totaal', ['ontbreekt', 'ontbreekt', 9, 10, 10]))).toBe('In 2022 waren het er negen.')
    expect(text('meldingen-eerder', modelWith('meldingen.totaal', ['ontbreekt', 5, 6, 'onbekend', 9]))).toBe('Eerder waren het er 5 in 2021 en 6 in 2022.')
    // Unless a count would then follow a year: "in 2024 3 nieuwe meldingen" reads as one number.
    expect(text('vp-meldingen-via', modelWith('vp.meldingen_via_vp', [0, 0, 0, 2, 3]))).toBe('Via de vertrouwenspersonen werden in 2024 drie nieuwe meldingen gedaan, tegen twee in 2023.')
    // Hours are no count; a sentence that starts with its count starts with a capital.
    const uren = modelWith('vp.uren', [0, 0, 0, 'ontbreekt', 12])
    uren.figures['vp.uren']!.unit = 'uren'
    expect(text('vp-uren', uren)).toBe('De vertrouwenspersonen besteedden 12 uur aan hun werk.')
    const first = { name: 'eigen', kind: 'vergelijking' as const, figure: 'meldingen.maatregelen', singular: 'melding', pluralForm: undefined, variants: { bekend: '{waarde} leidde tot een maatregel.' } }
    expect(say(first, modelWith('meldingen.maatregelen', [0, 0, 0, 'ontbreekt', 1]))?.text).toBe('Één melding leidde tot een maatregel.')
  })

  it('knows the variants of each kind', () => {
    expect(variantNames('vergelijking')).toEqual(expect.arrayContaining(['onbekend', 'geen_vorig', 'vorig_onbekend', 'niet_vergelijkbaar', 'deeljaar', 'gelijk', 'gestegen', 'gestegen_zonder_procent', 'van_nul', 'gedaald', 'gedaald_zonder_procent', 'nul', 'veranderd', 'vergeleken', 'bekend', 'deel_periode']))
    expect(variantNames('eerdere-jaren')).toEqual(['een_jaar', 'steeds', 'twee_jaren', 'bereik'])
  })
})
