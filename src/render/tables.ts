import { h } from 'hastscript'
import type { Element } from 'hast'
import type { Breakdown, Figure, ReportModel, VpTableRow } from '../aggregate/model.js'
import type { Point } from '../aggregate/series.js'
import { changeText, percent, pointText } from '../format/nl.js'
import type { Dataset } from '../chart/datasets.js'

// A total row closes the last <tbody> rather than sitting in a <tfoot>:
// Chromium keeps rows together across a page break only within one row
// group, and the total must stay with the rows above it in print.
//
// Tables are built as trees: every value from the data enters as a text
// node, so rehype-stringify escapes it. Captions and scope make them
// readable for screen readers and the tagged PDF.

const num = (text: string) => h('td', { className: ['getal'] }, text)

/** A table that may scroll sideways on a phone, reachable and named for keyboard users. */
const wrap = (caption: string, wide: boolean, children: Element[]) =>
  h('div', { className: wide ? ['tabel', 'breed'] : ['tabel'], role: 'region', ariaLabel: caption, tabIndex: 0 }, children)

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

/** A breakdown with this year, last year and the change; multi-label ones count mentions. */
export function breakdownTable(model: ReportModel, b: Breakdown): Element {
  const unit = b.multiLabel ? 'Vermeldingen' : 'Aantal'
  const head = h('tr', [
    h('th', { scope: 'col' }, 'Categorie'),
    h('th', { scope: 'col', className: ['getal'] }, `${unit} ${model.year - 1}`),
    h('th', { scope: 'col', className: ['getal'] }, `${unit} ${model.year}`),
    h('th', { scope: 'col', className: ['getal'] }, 'Verschil'),
    ...(b.multiLabel ? [h('th', { scope: 'col', className: ['getal'] }, 'Van de casussen')] : []),
  ])
  const rows = b.rows.map((r) =>
    h('tr', [
      h('th', { scope: 'row' }, r.category),
      num(pointText(r.previous)),
      num(pointText(r.current)),
      num(changeText(r.change)),
      ...(b.multiLabel ? [num(r.share === null ? '–' : percent(r.share))] : []),
    ]),
  )
  const total = b.multiLabel
    ? h('tr', { className: ['totaal'] }, [h('th', { scope: 'row' }, 'Aantal casussen (een casus kan meerdere vermeldingen hebben)'), num(pointText(b.previousBase)), num(pointText(b.base)), num(''), num('')])
    : h('tr', { className: ['totaal'] }, [h('th', { scope: 'row' }, 'Totaal'), num(pointText(model.figures['meldingen.totaal']!.previous)), num(pointText(b.base)), num(changeText(model.figures['meldingen.totaal']!.change)), ])
  const caption = `${b.title}, ${model.year - 1} en ${model.year}`
  return wrap(caption, false, [
    h('table', [h('caption', caption), h('thead', head), h('tbody', [...rows, total])]),
    ...partialNote(b.rows.flatMap((r) => [r.current, r.previous])),
    ...breakNotes(b.rows.slice(0, 1).map((r) => ({ label: b.title, points: [r.previous, r.current] }))),
  ])
}

/** The VP table as the seeds print it: three years side by side, subtotals and a grand total. */
export function vpTable(model: ReportModel): Element {
  const { years, sections, grandTotal } = model.vpTable
  const row = (r: VpTableRow) =>
    h('tr', { className: r.kind === 'onderdeel' ? [] : [r.kind] }, [
      h('th', { scope: 'row' }, r.kind === 'subtotaal' ? 'Totaal' : r.label),
      ...r.points.map((p) => num(pointText(p))),
    ])
  const total = row({ ...grandTotal, label: 'Totaal aantal uren' })
  const bodies = sections.map((s, i) =>
    h('tbody', [
      h('tr', { className: ['sectie'] }, [h('th', { scope: 'colgroup', colSpan: years.length + 1 }, s.title)]),
      ...s.rows.map(row),
      ...(i === sections.length - 1 ? [total] : []),
    ]),
  )
  const caption = `Inzet vertrouwenspersonen, ${years[years.length - 1]} t/m ${years[0]}`
  return wrap(caption, false, [
    h('table', [
      h('caption', caption),
      h('thead', h('tr', [h('th', { scope: 'col' }, 'Onderdeel'), ...years.map((y) => h('th', { scope: 'col', className: ['getal'] }, String(y)))])),
      ...bodies,
    ]),
    ...partialNote([...sections.flatMap((s) => s.rows.flatMap((r) => r.points))]),
    ...breakNotes(sections.flatMap((s) => s.rows.map((r) => ({ label: r.label, points: r.points })))),
  ])
}

/** A figure over every year the project knows. */
export function seriesTable(caption: string, label: string, points: readonly Point[]): Element {
  return wrap(caption, false, [
    h('table', [
      h('caption', caption),
      h('thead', h('tr', [h('th', { scope: 'col' }, 'Jaar'), h('th', { scope: 'col', className: ['getal'] }, label)])),
      h('tbody', points.map((p) => h('tr', [h('th', { scope: 'row' }, String(p.year)), num(pointText(p))]))),
    ]),
    ...partialNote(points),
    ...breakNotes([{ label, points }]),
  ])
}

/** Every figure against the year before and the years before that (Rotterdam's requirement). */
export function comparisonTable(model: ReportModel, figures: readonly Figure[], caption: string): Element {
  const shown = figures.filter((f) => f.window.some((p) => p.state !== 'absent'))
  const several = model.period.years.length > 1
  return wrap(caption, true, [
    h('table', [
      h('caption', caption),
      h('thead', h('tr', [
        h('th', { scope: 'col' }, 'Kengetal'),
        ...model.window.map((y) => h('th', { scope: 'col', className: ['getal'] }, String(y))),
        ...(several ? [h('th', { scope: 'col', className: ['getal'] }, `${model.period.label} samen`)] : []),
        h('th', { scope: 'col', className: ['getal'] }, `Verschil met ${model.previousPeriod.label}`),
      ])),
      h('tbody', shown.map((f) => h('tr', [
        h('th', { scope: 'row' }, f.label),
        ...f.window.map((p) => num(pointText(p, f.unit))),
        // A report over several years compares the period with the period before.
        ...(several ? [num(pointText(f.periodTotal, f.unit))] : []),
        num(changeText(f.periodChange, f.unit)),
      ]))),
    ]),
    h('p', { className: ['voetnoot'] }, '– betekent: niet geregistreerd of niet gepubliceerd voor dat jaar.'),
    ...partialNote(shown.flatMap((f) => f.window)),
    ...breakNotes(shown.map((f) => ({ label: f.label, points: f.window }))),
  ])
}

/** The data behind a chart, for readers who cannot see it. */
export function datasetTable(dataset: Dataset, caption: string): Element {
  return h('table', [
    h('caption', caption),
    h('thead', h('tr', dataset.columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    h('tbody', dataset.rows.map((r) => h('tr', dataset.columns.map((c, i) => {
      const v = r[c.field]
      const text = v === null || v === undefined ? '–' : typeof v === 'number' ? pointText({ year: 0, value: v, state: 'known', partial: false }) : String(v)
      return i === 0 ? h('th', { scope: 'row' }, text) : typeof v === 'number' ? num(text) : h('td', text)
    })))),
  ])
}
