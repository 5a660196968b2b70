import { h } from 'hastscript'
import type { Element } from 'hast'
import type { Breakdown, CategoryChange, Figure, ReportModel, VpTableRow } from '../aggregate/model.js'
import { changeText, GAP, listText, number, percent, pointText, sentenceCase, spanText, yearsText } from '../format/nl.js'
import type { Change, Point } from '../domain/series.js'
import type { Dataset } from '../domain/dataset.js'

// A total row closes the last <tbody> rather than sitting in a <tfoot>:
// Chromium keeps rows together across a page break only within one row
// group, and the total must stay with the rows above it in print.
//
// Tables are built as trees: every value from the data enters as a text
// node, so rehype-stringify escapes it. Captions and scope make them
// readable for screen readers and the tagged PDF.

const num = (text: string) => h('td', { className: ['getal'] }, text)

/** Up to this many rows, its total not counted, a table is printed whole, on one page (style.ts). */
export const SHORT_TABLE_ROWS = 12

const isTotal = (tr: Element) => (tr.properties.className as string[] | undefined)?.includes('totaal') === true

const bodyRows = (e: Element): number =>
  e.children.reduce((n, c) => n + (c.type !== 'element' || c.tagName === 'thead' ? 0 : c.tagName === 'tr' ? (isTotal(c) ? 0 : 1) : bodyRows(c)), 0)

/**
 * A table that may scroll sideways on a phone, reachable and named for
 * keyboard users; a short one ("kort") is never split over two pages.
 */
const wrap = (caption: string, wide: boolean, children: Element[]) => {
  const short = children.some((c) => c.tagName === 'table' && bodyRows(c) <= SHORT_TABLE_ROWS)
  return h('div', { className: ['tabel', ...(wide ? ['breed'] : []), ...(short ? ['kort'] : [])], role: 'region', ariaLabel: caption, tabIndex: 0 }, children)
}

const partialNote = (points: readonly Point[]) =>
  points.some((p) => p.partial && p.state === 'known')
    ? [h('p', { className: ['voetnoot'] }, '* Deel van het jaar: deze cijfers beslaan niet het hele jaar.')]
    : []

/** Where a shown series changes definition: the year and the reason, once per figure and break. */
const breakNotes = (series: readonly { label: string; points: readonly Point[] }[]) => {
  const notes = new Map<string, string>()
  for (const { label, points } of series) {
    for (const p of points) {
      if (p.break?.from === p.year && points.some((q) => q.year < p.year)) notes.set(`${label}|${p.year}`, `${label}: vanaf ${p.year} anders geteld, niet vergelijkbaar met eerdere jaren. ${p.break.reason}`)
    }
  }
  return [...notes.values()].map((text) => h('p', { className: ['voetnoot'] }, text))
}

const known = (p: Point) => p.state === 'known'

/** Which of the columns (years) hold a figure in at least one row: a column of dashes is left out. */
const filledColumns = (rows: readonly (readonly Point[])[], count: number) =>
  Array.from({ length: count }, (_, i) => i).filter((i) => rows.some((r) => known(r[i]!)))

/** The one explanation of "–", under every table that shows it: for a year's figure, and for a difference. */
const gapNote = (cells: readonly Point[], changes: readonly Change[] = []) => {
  const inCell = cells.some((p) => !known(p))
  const inChange = changes.some((c) => changeText(c) === GAP)
  if (!inCell && !inChange) return []
  const text = [
    ...(inCell ? ['– betekent: voor dat jaar is geen cijfer bekend (niet geregistreerd of niet gepubliceerd).'] : []),
    ...(inChange ? [inCell ? 'Bij een verschil: een van de twee cijfers ontbreekt.' : '– betekent bij een verschil: een van de twee cijfers ontbreekt.'] : []),
  ]
  return [h('p', { className: ['voetnoot'] }, text.join(' '))]
}

/**
 * A breakdown with this year, last year and the change; multi-label ones
 * count mentions. Last year's column is shown only when last year has the
 * breakdown; undefined when there is nothing to show.
 */
export function breakdownTable(model: ReportModel, b: Breakdown): Element | undefined {
  const rows = b.rows.filter((r) => known(r.current) || known(r.previous))
  if (rows.length === 0) return undefined
  const withPrevious = rows.some((r) => known(r.previous))
  const withShare = b.multiLabel && rows.some((r) => r.share !== null)
  const unit = b.multiLabel ? 'Vermeldingen' : 'Aantal'
  const head = h('tr', [
    h('th', { scope: 'col' }, 'Categorie'),
    ...(withPrevious ? [h('th', { scope: 'col', className: ['getal'] }, `${unit} ${model.year - 1}`)] : []),
    h('th', { scope: 'col', className: ['getal'] }, `${unit} ${model.year}`),
    ...(withPrevious ? [h('th', { scope: 'col', className: ['getal'] }, 'Verschil')] : []),
    ...(withShare ? [h('th', { scope: 'col', className: ['getal'] }, 'Van de casussen')] : []),
  ])
  const body = rows.flatMap((r, i) => [
    h('tr', [
      h('th', { scope: 'row' }, withPrevious ? `${sentenceCase(r.category)}${relistedText(r, model.year - 1)}` : sentenceCase(r.category)),
      ...(withPrevious ? [num(pointText(r.previous))] : []),
      num(pointText(r.current)),
      ...(withPrevious ? [num(changeText(r.change))] : []),
      ...(withShare ? [num(r.share === null ? GAP : percent(r.share))] : []),
    ]),
    // After the last row of a split: the new categories together against the one they came from.
    ...b.groups.filter((g) => withPrevious && g.change === r.relisted && rows[i + 1]?.relisted !== g.change).map((g) =>
      h('tr', { className: ['samen'] }, [
        h('th', { scope: 'row' }, `Samen (in ${model.year - 1}: ${listText(g.change.from)})`),
        num(pointText(g.previous)),
        num(pointText(g.current)),
        num(changeText(g.comparison)),
        ...(withShare ? [num('')] : []),
      ])),
  ])
  // The base of the shares: the number of cases for mentions, else the total meldingen.
  const total = h('tr', { className: ['totaal'] }, [
    h('th', { scope: 'row' }, b.multiLabel ? 'Aantal casussen (een casus kan meerdere vermeldingen hebben)' : 'Totaal'),
    ...(withPrevious ? [num(pointText(b.multiLabel ? b.previousBase : model.figures['meldingen.totaal']!.previous))] : []),
    num(pointText(b.base)),
    ...(withPrevious ? [num(b.multiLabel ? '' : changeText(model.figures['meldingen.totaal']!.change))] : []),
    ...(withShare ? [num('')] : []),
  ])
  const caption = withPrevious ? `${b.title}, ${model.year - 1} en ${model.year}` : `${b.title}, ${model.year}`
  return wrap(caption, false, [
    h('table', [h('caption', caption), h('thead', head), h('tbody', [...body, total])]),
    ...sumNote(b),
    ...(withPrevious && b.changes.length ? [h('p', { className: ['voetnoot'] }, changesText(b.changes, model.year))] : []),
    // Once under the table rather than in every row: the list changed, not the categories one by one.
    ...(withPrevious && b.listChanged
      ? [h('p', { className: ['voetnoot'] }, `– betekent: niet in de indeling van dat jaar, dus niet geregistreerd. De indeling is in ${model.year} gewijzigd; voor die categorieën is er geen verschil.`)]
      : gapNote(rows.flatMap((r) => [r.current, ...(withPrevious ? [r.previous] : [])]), withPrevious ? rows.map((r) => r.change) : [])),
    ...partialNote(rows.flatMap((r) => [r.current, ...(withPrevious ? [r.previous] : [])])),
    ...breakNotes(rows.slice(0, 1).map((r) => ({ label: b.title, points: withPrevious ? [r.previous, r.current] : [r.current] }))),
  ])
}

/**
 * A stated total that the categories do not add up to is shown as stated (validate warns, som-verschil), and the
 * reader is told: both numbers and the difference, under the table.
 */
function sumNote(b: Breakdown): Element[] {
  if (b.multiLabel || !b.present || b.base.state !== 'known' || b.rows.some((r) => r.current.state === 'unknown') || b.sum === b.base.value) return []
  const difference = b.base.value! - b.sum
  return [h('p', { className: ['voetnoot', 'somverschil'] }, `De categorieën tellen op tot ${number(b.sum)}, maar het opgegeven totaal is ${number(b.base.value!)}: ${number(Math.abs(difference))} ${difference > 0 ? 'meer' : 'minder'} dan de som. De tabel toont het totaal zoals het is opgegeven.`)]
}

/** What a row's category was last year, when a recorded change of the list made it: " (toegevoegd)", " (in 2022: Intern)". */
function relistedText(r: Breakdown['rows'][number], previousYear: number): string {
  switch (r.relisted?.kind) {
    case 'toegevoegd': return ' (toegevoegd)'
    case 'vervallen': return ' (vervallen)'
    case 'hernoemd': case 'samengevoegd': return ` (in ${previousYear}: ${listText(r.relisted.from)})`
    default: return ''
  }
}

const quoted = (names: readonly string[]) => listText(names.map((n) => `‘${n}’`))

/** The recorded changes of the list, in one note: what became of last year's categories, and why. */
function changesText(changes: readonly CategoryChange[], year: number): string {
  const said = changes.map((c) => {
    switch (c.kind) {
      case 'gesplitst': return `${quoted(c.from)} is gesplitst in ${quoted(c.to)}`
      case 'samengevoegd': return `${quoted(c.from)} zijn samengevoegd tot ${quoted(c.to)}`
      case 'hernoemd': return `${quoted(c.from)} heet nu ${quoted(c.to)}`
      case 'toegevoegd': return `${quoted(c.to)} ${c.to.length === 1 ? 'is' : 'zijn'} toegevoegd`
      case 'vervallen': return `${quoted(c.from)} ${c.from.length === 1 ? 'is' : 'zijn'} vervallen`
    }
  })
  const reasons = changes.flatMap((c) => (c.reason ? [c.reason.trim().replace(/([^.])$/, '$1.')] : []))
  return [`De indeling is in ${year} gewijzigd: ${listText(said)}.`, ...reasons].join(' ')
}

/**
 * The VP table as the seeds print it: three years side by side, subtotals
 * and a grand total. Rows, sections and years without any figure are left
 * out; undefined when nothing is left.
 */
export function vpTable(model: ReportModel): Element | undefined {
  const { years, sections, grandTotal } = model.vpTable
  const shownSections = sections
    .map((s) => ({ ...s, rows: s.rows.filter((r) => r.points.some(known)) }))
    .filter((s) => s.rows.length > 0)
  // Without figures of the report's own year (the first column) the table would only show other years.
  if (shownSections.length === 0 || !shownSections.some((s) => s.rows.some((r) => known(r.points[0]!)))) return undefined
  const withTotal = grandTotal.points.some(known)
  const allRows = [...shownSections.flatMap((s) => s.rows), ...(withTotal ? [grandTotal] : [])]
  // Oldest year first, as in every other table of the report (the model keeps the VP reports' newest-first order).
  const columns = filledColumns(allRows.map((r) => r.points), years.length).reverse()
  const row = (r: VpTableRow) =>
    h('tr', r.kind === 'onderdeel' ? {} : { className: [r.kind] }, [
      h('th', { scope: 'row' }, r.kind === 'subtotaal' ? 'Totaal' : r.label),
      ...columns.map((i) => num(pointText(r.points[i]!))),
    ])
  const total = withTotal ? [row({ ...grandTotal, label: 'Totaal aantal uren' })] : []
  const bodies = shownSections.map((s, i) => {
    // Only its total known: one row named after the section, not a heading over a lone 'Totaal'.
    const lone = s.rows.length === 1 && s.rows[0]!.kind === 'subtotaal'
    return h('tbody', [
      ...(lone
        ? [row({ ...s.rows[0]!, kind: 'onderdeel', label: s.title })]
        : [h('tr', { className: ['sectie'] }, [h('th', { scope: 'colgroup', colSpan: columns.length + 1 }, s.title)]), ...s.rows.map(row)]),
      ...(i === shownSections.length - 1 ? total : []),
    ])
  })
  const shownYears = columns.map((i) => years[i]!)
  const caption = `Inzet vertrouwenspersonen, ${yearsText(shownYears)}`
  const cells = allRows.flatMap((r) => columns.map((i) => r.points[i]!))
  return wrap(caption, false, [
    h('table', [
      h('caption', caption),
      h('thead', h('tr', [h('th', { scope: 'col' }, 'Onderdeel'), ...shownYears.map((y) => h('th', { scope: 'col', className: ['getal'] }, String(y)))])),
      ...bodies,
    ]),
    ...gapNote(cells),
    ...partialNote(cells),
    ...breakNotes(shownSections.flatMap((s) => s.rows.map((r) => ({ label: r.label, points: columns.map((i) => r.points[i]!) })))),
  ])
}

/** A figure over every year the project knows; years without a figure are left out, and so is a series of fewer than two. */
export function seriesTable(caption: string, label: string, points: readonly Point[]): Element | undefined {
  const shown = points.filter(known)
  if (shown.length < 2) return undefined
  return wrap(caption, false, [
    h('table', [
      h('caption', caption),
      h('thead', h('tr', [h('th', { scope: 'col' }, 'Jaar'), h('th', { scope: 'col', className: ['getal'] }, label)])),
      h('tbody', shown.map((p) => h('tr', [h('th', { scope: 'row' }, String(p.year)), num(pointText(p))]))),
    ]),
    ...partialNote(shown),
    ...breakNotes([{ label, points: shown }]),
  ])
}

/**
 * Every figure against the year before and the years before that
 * (Rotterdam's requirement). A figure without any number in the window, and
 * a year without any number for the shown figures, are left out.
 */
export function comparisonTable(model: ReportModel, figures: readonly Figure[], caption: (years: string) => string): Element | undefined {
  const shown = figures.filter((f) => f.window.some(known))
  if (shown.length === 0) return undefined
  const columns = filledColumns(shown.map((f) => f.window), model.window.length)
  const cells = shown.flatMap((f) => columns.map((i) => f.window[i]!))
  const title = caption(spanText(columns.map((i) => model.window[i]!)))
  const several = model.period.years.length > 1
  // A change column of only 'onbekend' and 'geen vorig jaar' says nothing.
  const withChange = shown.some((f) => f.periodChange.kind === 'value' || f.periodChange.kind === 'not-comparable')
  return wrap(title, true, [
    h('table', [
      h('caption', title),
      h('thead', h('tr', [
        h('th', { scope: 'col' }, 'Kengetal'),
        ...columns.map((i) => h('th', { scope: 'col', className: ['getal'] }, String(model.window[i]))),
        // The period before gets its own column: the number the change is taken from is on the page.
        ...(several ? [h('th', { scope: 'col', className: ['getal'] }, `${model.previousPeriod.label} samen`), h('th', { scope: 'col', className: ['getal'] }, `${model.period.label} samen`)] : []),
        ...(withChange ? [h('th', { scope: 'col', className: ['getal'] }, `Verschil met ${model.previousPeriod.label}`)] : []),
      ])),
      h('tbody', shown.map((f) => h('tr', [
        h('th', { scope: 'row' }, f.label),
        ...columns.map((i) => num(pointText(f.window[i]!, f.unit))),
        // A report over several years compares the period with the period before.
        ...(several ? [num(periodTotalText(f, f.previousPeriodTotal)), num(periodTotalText(f, f.periodTotal))] : []),
        ...(withChange ? [num(changeText(f.periodChange, f.unit))] : []),
      ]))),
    ]),
    ...gapNote([...cells, ...(several ? shown.flatMap((f) => [f.previousPeriodTotal, f.periodTotal]) : [])], withChange ? shown.map((f) => f.periodChange) : []),
    ...partialNote(cells),
    ...(several && shown.some((f) => f.unit === 'procent')
      // The comparison is named only where the table shows one.
      ? [h('p', { className: ['voetnoot'] }, `Percentages zijn niet op te tellen: bij ${model.period.label} samen staat het percentage van ${model.period.to}${withChange && shown.some((f) => f.unit === 'procent' && f.periodChange.kind === 'value') ? `, vergeleken met dat van ${model.previousPeriod.to}` : ''}.`)]
      : []),
    ...breakNotes(shown.map((f) => ({ label: f.label, points: columns.map((i) => f.window[i]!) }))),
    ...sourceNotes(cells),
  ])
}

/** A figure over a period: the sum, or for a percentage the last year's, with that year named. */
const periodTotalText = (f: Figure, total: Point) =>
  f.unit === 'procent' && total.state === 'known' ? `${pointText(total, f.unit)} (${total.year})` : pointText(total, f.unit)

/** Figures of years before the tool was used (historie.yaml) name their source: the report's own does not cover them. */
function sourceNotes(cells: readonly Point[]): Element[] {
  const years = new Map<string, Set<number>>()
  for (const p of cells) if (p.source && p.state === 'known') years.set(p.source, (years.get(p.source) ?? new Set()).add(p.year))
  return [...years].map(([source, ys]) => h('p', { className: ['voetnoot', 'bron'] }, `Bron van de cijfers over ${yearsText([...ys].sort((a, b) => a - b))}: ${source}`))
}

/** The data behind a chart, for readers who cannot see it. */
export function datasetTable(dataset: Dataset, caption: string): Element {
  return h('table', [
    h('caption', caption),
    h('thead', h('tr', dataset.columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    // A row without any number (a year without a figure) says nothing a reader needs.
    h('tbody', dataset.rows.filter((r) => dataset.columns.some((c) => typeof r[c.field] === 'number')).map((r) => h('tr', dataset.columns.map((c, i) => {
      const v = r[c.field]
      const text = v === null || v === undefined ? '–' : typeof v === 'number' ? pointText({ year: 0, value: v, state: 'known', partial: false }) : String(v)
      return i === 0 ? h('th', { scope: 'row' }, text) : typeof v === 'number' ? num(text) : h('td', text)
    })))),
  ])
}
