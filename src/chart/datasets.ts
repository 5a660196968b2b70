import { STATE_WORDS, comparable } from '../aggregate/series.js'
import type { ReportModel } from '../aggregate/model.js'
import { afterColon, dateText, listText, number, plural, pluralOf, sentenceCase } from '../format/nl.js'
import type { BreakdownId } from '../domain/breakdowns.js'
import type { Dataset, Row } from '../domain/dataset.js'
import type { Point } from '../domain/series.js'

/** The rows a chart draws: vega leaves out a mark whose value is unknown (null). */
export const drawnRows = (dataset: Dataset): Row[] => dataset.rows.filter((r) => Object.values(r).some((v) => typeof v === 'number'))

/** How many different values a field takes in the rows a chart draws. */
export const distinctDrawn = (dataset: Dataset, field: string): number => new Set(drawnRows(dataset).map((r) => r[field])).size

const known = (p: Point) => (p.state === 'known' ? p.value : null)

/** The reason of a series break in the year it starts, so a chart can mark it (null elsewhere). */
const breakIn = (p: Point) => (p.break?.from === p.year ? p.break.reason : null)

/** The names a chart spec can use in "data": {"name": …}. */
export const DATASET_NAMES = [
  'meldingen_per_jaar', 'onderzoeken_per_jaar', 'meldingen_per_type', 'meldingen_per_status', 'herkomst_en_regeling',
  'vp_uren', 'vp_casussen', 'soort_kwestie', 'relatie',
] as const

/** Every dataset a chart spec can name in "data": {"name": …}. */
export function datasetsOf(model: ReportModel): Map<string, Dataset> {
  const list: Dataset[] = [
    perYear(model.history, model.year, { name: 'meldingen_per_jaar', label: 'Meldingen', noun: 'meldingen' }),
    perYear(model.figures['meldingen.onderzoeken']!.window, model.year, { name: 'onderzoeken_per_jaar', label: '(Voor)onderzoeken', noun: '(voor)onderzoeken' }),
    byYear(model, 'meldingen.type', 'meldingen_per_type', 'aantal', 'Aantal'),
    single(model, 'meldingen.status', 'meldingen_per_status'),
    herkomstEnRegeling(model),
    vpUren(model),
    vpCasussen(model),
    byYear(model, 'vertrouwenspersonen.soort_kwestie', 'soort_kwestie', 'vermeldingen', 'Vermeldingen'),
    byYear(model, 'vertrouwenspersonen.relatie', 'relatie', 'vermeldingen', 'Vermeldingen'),
  ]
  return new Map(list.map((d) => [d.name, d]))
}

/**
 * A figure over the years, as the chart of the years draws it: meldingen
 * (their whole history) or (voor)onderzoeken (the comparison's years), each
 * with its parts of a year and series breaks.
 */
function perYear(all: readonly Point[], year: number, what: { name: string; label: string; noun: string }): Dataset {
  const { noun } = what
  // The series starts at its first figure: years before it are no gap, just not yet recorded.
  const points = all.slice(Math.max(0, all.findIndex((p) => p.state === 'known')))
  // A break in the first year drawn has nothing before it to mark.
  const rows = points.map((p, i) => ({
    jaar: String(p.year), periode: periodOf(p), aantal: known(p), huidig: p.year === year, status: p.partial ? 'deel van het jaar' : STATE_WORDS[p.state], reeksbreuk: i > 0 ? breakIn(p) : null,
  }))
  const current = points.at(-1)!
  const previous = points.at(-2)
  const none = `Aantal ${noun} per jaar.`
  let describe = none
  const partYear = (p: typeof current) => `${p.year}${p.partial ? ' (deel van het jaar)' : ''}`
  if (current.state === 'known' && previous?.state === 'known' && !comparable(current, previous)) {
    describe = `Het aantal ${noun} was ${number(current.value!)} in ${current.year}, tegen ${number(previous.value!)} in ${previous.year}; vanaf ${current.break!.from} wordt anders geteld.`
  } else if (current.state === 'known' && previous?.state === 'known' && (current.partial || previous.partial)) {
    // A part of a year does not rise or fall against a whole one: both numbers, no verdict.
    describe = `Het aantal ${noun} was ${number(current.value!)} in ${partYear(current)}, tegen ${number(previous.value!)} in ${partYear(previous)}.`
  } else if (current.state === 'known' && previous?.state === 'known') {
    const verb = current.value! > previous.value! ? 'steeg' : current.value! < previous.value! ? 'daalde' : 'bleef gelijk'
    describe = verb === 'bleef gelijk'
      ? `Het aantal ${noun} bleef gelijk op ${number(current.value!)} in ${current.year}.`
      : `Het aantal ${noun} ${verb} van ${number(previous.value!)} in ${previous.year} naar ${number(current.value!)} in ${current.year}${verb === 'steeg' ? extreme(points, 'hoogste') : extreme(points, 'laagste')}.`
  } else if (current.state === 'known' && previous && points.slice(0, -2).some((p) => p.state === 'known')) {
    // Said only beside earlier bars: a lone bar is told by the page's own sentence about the year.
    const gap = previous.state === 'unknown' ? 'is het aantal niet bekend' : `zijn geen ${noun} vastgelegd`
    describe = `Het aantal ${noun} was ${number(current.value!)} in ${partYear(current)}; over ${previous.year} ${gap}.`
  }
  // A year without a figure keeps its place on the axis (the chart writes "onbekend" there); the text says it too.
  const firstKnown = points.find((p) => p.state === 'known')?.year ?? current.year
  // A year the sentence above already named is not said again.
  const gaps = points.slice(0, -2).filter((p) => p.state !== 'known' && p.year > firstKnown && !describe.includes(`over ${p.year} `)).map((p) => String(p.year))
  // Beside the year before without a figure, the earlier gaps join its clause: "over 2020 en 2023 is het aantal niet bekend", not two sentences alike.
  const unknownBefore = previous ? `over ${previous.year} is het aantal niet bekend.` : undefined
  if (gaps.length && unknownBefore && describe.endsWith(unknownBefore)) describe = `${describe.slice(0, -unknownBefore.length)}over ${listText([...gaps, String(previous!.year)])} is het aantal niet bekend.`
  else if (gaps.length && describe !== none) describe += ` Over ${listText(gaps)} is het aantal niet bekend.`
  return { name: what.name, columns: [{ field: 'jaar', label: 'Jaar' }, { field: 'aantal', label: what.label }], rows, ...withMarks(describe, drawnMarks(points, describe)) }
}

/**
 * What the chart draws besides the bars, said in words: a series break (a
 * dashed line before its first year in the chart of the years, the subtitle
 * in a chart of categories, whose bars are `noun`), a part of a year as open
 * bars. Only for a year after the first drawn: a break in the first has
 * nothing to part from. A break the sentence before already named is not
 * said again; the noun keeps two charts' sentences apart.
 */
function drawnMarks(points: readonly Point[], said: string, noun?: string): string {
  const years = [...new Set(points.filter((p) => p.state === 'known').map((p) => p.year))].sort()
  const breaks = [...new Set(points.filter((p) => p.year > years[0]! && breakIn(p) !== null && !said.includes(`vanaf ${p.year} wordt anders geteld`) && !said.includes(`vanaf ${p.year}; daarvoor werd anders geteld`)).map((p) => p.year))].sort()
  const parts = [...new Map(points.filter((p) => p.state === 'known' && p.partial && p.until).map((p) => [p.year, `${p.year} tot en met ${dateText(p.until!).replace(/ \d{4}$/, '')}`])).entries()].sort(([a], [b]) => a - b).map(([, text]) => text)
  const out: string[] = []
  for (const year of breaks) out.push(`Vanaf ${year} wordt anders geteld${noun ? '' : ' (de gestippelde lijn)'}: niet vergelijkbaar met de jaren ervoor.`)
  if (parts.length > 0 && noun) out.push(`Open staven: ${noun} over een deel van het jaar, ${listText(parts)}.`)
  else if (parts.length === 1) out.push(`De open staaf beslaat een deel van het jaar: ${parts[0]}.`)
  else if (parts.length > 1) out.push(`De open staven beslaan een deel van het jaar: ${listText(parts)}.`)
  return out.map((s) => ` ${s}`).join('')
}

/** The description with the drawn marks said for screen readers; the caption a sighted reader reads beside the chart, without them. */
const withMarks = (describe: string, marks: string): Pick<Dataset, 'describe' | 'caption'> => (marks ? { describe: describe + marks, caption: describe } : { describe })

/** The fields a chart of categories per year reads of a year: its period and a break that starts in it. */
const yearOf = (p: Point) => ({ jaar: String(p.year), periode: periodOf(p), reeksbreuk: breakIn(p) })

const MONTHS = ['jan.', 'feb.', 'mrt.', 'apr.', 'mei', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.']

/** The year as the chart's axis names it: "2024 t/m sep." for the part of a year, so its bar is not read as a whole year. */
function periodOf(p: Point): string {
  if (!p.partial || !p.until) return String(p.year)
  const [y, m, d] = p.until.split('-').map(Number) as [number, number, number]
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${p.year} t/m ${d === lastDay ? '' : `${d} `}${MONTHS[m - 1]}`
}

/**
 * ", het hoogste aantal sinds 2016": the latest earlier year with at least as
 * many (at most as many for "laagste"). Only whole, known years that count the
 * same way are read; when none is as high, the sentence says how far back it
 * looked and what stopped it (the first year, a change in counting, an unknown
 * or a partial year). Empty when fewer than two earlier years were read.
 */
function extreme(history: readonly Point[], word: 'hoogste' | 'laagste'): string {
  const current = history.at(-1)!
  const asFar = (p: Point) => (word === 'hoogste' ? p.value! >= current.value! : p.value! <= current.value!)
  let read = 0
  for (let i = history.length - 2; i >= 0; i--) {
    const p = history[i]!
    const from = history[i + 1]!.year
    const since = `, het ${word} aantal van alle jaren vanaf ${from}`
    if (!comparable(p, current)) return read >= 2 ? `${since}; daarvoor werd anders geteld` : ''
    if (p.state !== 'known') return read >= 2 ? `${since}; over ${p.year} is het aantal niet bekend` : ''
    // A part of a year already as high says enough; a lower one says nothing about the whole year.
    if (asFar(p)) return read >= 1 ? `, het ${word} aantal sinds ${p.year}` : ''
    if (p.partial) return read >= 2 ? `${since}; de cijfers over ${p.year} beslaan maar een deel van het jaar` : ''
    read++
  }
  return read >= 2 ? `, het ${word} aantal van alle jaren vanaf ${history[0]!.year}` : ''
}

function listed(rows: { label: string; value: number | null }[], unit: string): string {
  // An unknown value is left out of the sentence, never written as "onbekend" in place of a number.
  // In a sentence a category is a common noun, in lower case after the colon (a table or axis capitalises it).
  return rows.flatMap((r) => (r.value === null ? [] : [`${afterColon(r.label)}: ${plural(r.value, unit)}`])).join('; ')
}

function byYear(model: ReportModel, id: BreakdownId, name: string, field: string, label: string): Dataset {
  const b = model.breakdowns[id]
  const rows: Row[] = []
  for (const r of b.rows) {
    for (const p of [r.previous, r.current]) rows.push({ categorie: sentenceCase(r.category), ...yearOf(p), [field]: known(p) })
  }
  const unit = field === 'vermeldingen' ? 'vermelding' : 'melding'
  const current = listed(b.rows.map((r) => ({ label: sentenceCase(r.category), value: known(r.current) })), unit)
  const base = b.multiLabel && b.base.state === 'known'
    ? ` Eén casus kan meerdere vermeldingen hebben; het aantal casussen was ${number(b.base.value!)}.`
    : ''
  return {
    name,
    columns: [{ field: 'categorie', label: 'Categorie' }, { field: 'jaar', label: 'Jaar' }, { field, label }],
    rows,
    // The chart's title names the breakdown: its description starts with the year, not with the title again.
    ...(b.rows.length ? withMarks(`In ${model.year}: ${current}.${base}`, drawnMarks(b.rows.flatMap((r) => [r.previous, r.current]), '', pluralOf(unit))) : { describe: `${b.title}: geen gegevens.` }),
  }
}

function single(model: ReportModel, id: BreakdownId, name: string): Dataset {
  const b = model.breakdowns[id]
  const rows = b.rows.map((r) => ({ categorie: sentenceCase(r.category), aantal: known(r.current) }))
  return {
    name,
    columns: [{ field: 'categorie', label: 'Categorie' }, { field: 'aantal', label: 'Aantal' }],
    rows,
    describe: b.rows.length ? `${model.partial ? `Op ${dateText(model.partial.until)}` : `Aan het einde van ${model.year}`}: ${listed(rows.map((r) => ({ label: r.categorie, value: r.aantal })), 'melding')}.` : `${b.title}: geen gegevens.`,
  }
}

function herkomstEnRegeling(model: ReportModel): Dataset {
  const rows: Row[] = [
    { indeling: 'Herkomst', categorie: 'Intern', aantal: known(model.figures['meldingen.intern']!.current) },
    { indeling: 'Herkomst', categorie: 'Extern', aantal: known(model.figures['meldingen.extern']!.current) },
    ...model.breakdowns['meldingen.regeling'].rows.map((r) => ({ indeling: 'Regeling', categorie: sentenceCase(r.category), aantal: known(r.current) })),
  ]
  const parts = ['Herkomst', 'Regeling'].filter((part) => rows.some((r) => r.indeling === part && r.aantal !== null))
  const part = (name: string, i: number) => `${name}${i === 0 ? ` in ${model.year}` : ''}: ${listed(rows.filter((r) => r.indeling === name).map((r) => ({ label: String(r.categorie), value: r.aantal as number | null })), 'melding')}.`
  return {
    name: 'herkomst_en_regeling',
    columns: [{ field: 'indeling', label: 'Indeling' }, { field: 'categorie', label: 'Categorie' }, { field: 'aantal', label: 'Aantal' }],
    rows,
    // Only the parts that have a figure, each named (the chart's title names the two together).
    describe: parts.map(part).join(' '),
  }
}

function vpUren(model: ReportModel): Dataset {
  const rows: Row[] = []
  for (const section of model.vpTable.sections.filter((s) => s.unit === 'uren')) {
    for (const row of section.rows.filter((r) => r.kind === 'onderdeel')) {
      row.points.forEach((p) => rows.push({ activiteit: row.label, ...yearOf(p), uren: known(p) }))
    }
  }
  const totals = model.vpTable.grandTotal.points
  return {
    name: 'vp_uren',
    columns: [{ field: 'activiteit', label: 'Activiteit' }, { field: 'jaar', label: 'Jaar' }, { field: 'uren', label: 'Uren' }],
    rows,
    // The chart's title says what it draws; the description adds the totals, or says it once when there are none.
    ...(totals.some((p) => p.state === 'known')
      ? withMarks(`In totaal ${totals.flatMap((p) => (p.state === 'known' ? [`${number(p.value!)} uur in ${p.year}`] : [])).join(', ')}.`, drawnMarks(totals, '', 'uren'))
      : { describe: 'Uren van de vertrouwenspersonen per activiteit.' }),
  }
}

function vpCasussen(model: ReportModel): Dataset {
  const rows: Row[] = []
  const points: Point[] = []
  const section = (id: string) => model.vpTable.sections.find((s) => s.id === id)!
  for (const [label, id] of [['Casussen', 'casussen'], ['Meldingen', 'meldingen']] as const) {
    const total = section(id).rows.at(-1)!
    total.points.forEach((p) => rows.push({ soort: label, ...yearOf(p), aantal: known(p) }))
    points.push(...total.points)
  }
  const text = (label: string, what: string) => {
    const known = rows.filter((r) => r.soort === label && r.aantal !== null).map((r) => `${number(r.aantal as number)} in ${r.jaar}`)
    return known.length ? [`${what}: ${known.join(', ')}.`] : []
  }
  return {
    name: 'vp_casussen',
    columns: [{ field: 'soort', label: 'Soort' }, { field: 'jaar', label: 'Jaar' }, { field: 'aantal', label: 'Aantal' }],
    rows,
    ...withMarks([...text('Casussen', 'Casussen bij de vertrouwenspersonen'), ...text('Meldingen', 'Meldingen bij de vertrouwenspersonen, met lopende uit eerdere jaren')].join(' '), drawnMarks(points, '', 'aantallen')),
  }
}
