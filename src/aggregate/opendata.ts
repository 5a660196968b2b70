import type { Breakdown, Figure, ReportModel } from './model.js'
import { STATE_WORDS } from './series.js'
import type { Point } from '../domain/series.js'

/** One table of the report model, as published open data. */
export interface DataTable { name: string; title: string; columns: string[]; rows: (string | number | null)[][] }

const cell = (p: Point) => (p.state === 'known' ? p.value : null)
const state = (p: Point) =>
  STATE_WORDS[p.state] + (p.partial ? ', deel van het jaar' : '') + (p.break?.from === p.year ? `, anders geteld vanaf dit jaar: ${p.break.reason}` : '')

function figureTable(name: string, title: string, figures: readonly Figure[]): DataTable {
  return {
    name, title,
    columns: ['kengetal', 'omschrijving', 'eenheid', 'jaar', 'waarde', 'status'],
    rows: figures.flatMap((f) => f.window.map((p) => [f.key, f.label, f.unit, p.year, cell(p), state(p)])),
  }
}

function breakdownTable(b: Breakdown): DataTable {
  return {
    name: b.id.replace('.', '-'), title: b.title + (b.multiLabel ? ' (vermeldingen; een casus kan er meer hebben)' : ''),
    columns: ['categorie', 'jaar', 'aantal', 'status'],
    // The figures as recorded, not as compared: a renamed category's last year stays under its old name.
    rows: b.recorded.flatMap((r) => r.points.map((p) => [r.category, p.year, cell(p), state(p)])),
  }
}

/** Every table and series of the report model, in a form for CSV and JSON. */
export function dataTables(model: ReportModel): DataTable[] {
  const main = Object.values(model.figures).filter((f) => !f.key.startsWith('kengetallen.'))
  return [
    { name: 'meldingen-per-jaar', title: 'Meldingen per jaar', columns: ['jaar', 'meldingen', 'status'], rows: model.history.map((p) => [p.year, cell(p), state(p)]) },
    figureTable('kengetallen-vergelijking', `Kengetallen ${model.window[0]} t/m ${model.year}`, main),
    ...(model.keyFigures.length ? [figureTable('overige-kengetallen', 'Overige kengetallen', model.keyFigures)] : []),
    ...Object.values(model.breakdowns).filter((b) => b.present).map(breakdownTable),
    {
      name: 'inzet-vertrouwenspersonen', title: 'Inzet vertrouwenspersonen',
      columns: ['onderdeel', 'soort', ...model.vpTable.years.map(String)],
      rows: [...model.vpTable.sections.flatMap((s) => s.rows.map((r) => [r.label, r.kind, ...r.points.map(cell)])),
        [model.vpTable.grandTotal.label, 'totaal', ...model.vpTable.grandTotal.points.map(cell)]],
    },
  ]
}

/**
 * RFC 4180 CSV with a header row; text with separators or quotes is quoted.
 * Text a spreadsheet would run as a formula (=, +, -, @, tab or CR first)
 * gets a leading apostrophe, as OWASP's guidance on CSV injection says; the
 * JSON keeps the exact text. Numbers are numbers, also negative ones.
 */
export function toCsv(table: DataTable): string {
  const field = (v: string | number | null) => {
    if (v === null) return ''
    if (typeof v === 'number') return String(v)
    const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
    return /[",\n\r]/.test(s) || s !== v ? `"${s.replace(/"/g, '""')}"` : s
  }
  return [table.columns, ...table.rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
}

export interface Publication { licence: string; contact: string | undefined; keywords: readonly string[] }

/** A small DCAT-AP-DONL-style description of the data set of one report. */
export function metadata(model: ReportModel, tables: readonly DataTable[], pub: Publication) {
  return {
    'dct:title': `${model.title} ${model.period.label} – ${model.organisation} (open data)`,
    'dct:description': `De cijfers uit het ${model.title.toLowerCase()} ${model.period.label} van ${model.organisation}: meldingen, onderzoeken, vertrouwenspersonen en kengetallen, met de vergelijking met eerdere jaren.`,
    'dct:publisher': model.organisation,
    'dct:language': 'nl',
    'dct:license': pub.licence,
    'dct:temporal': { startDate: `${model.period.from}-01-01`, endDate: model.partial?.until ?? `${model.year}-12-31` },
    'dct:source': model.source,
    'dct:issued': model.date ?? null,
    'dcat:keyword': pub.keywords,
    'dcat:contactPoint': pub.contact ?? null,
    'adms:status': model.status,
    'dcat:distribution': tables.flatMap((t) => [
      { 'dct:title': t.title, 'dcat:downloadURL': `${t.name}.csv`, 'dcat:mediaType': 'text/csv' },
      { 'dct:title': t.title, 'dcat:downloadURL': `${t.name}.json`, 'dcat:mediaType': 'application/json' },
    ]),
  }
}
