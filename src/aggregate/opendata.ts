import type { Breakdown, Figure, ReportModel } from './model.js'
import type { Point } from '../domain/series.js'

/** The datatypes of open-data columns, named as CSV on the Web (and XML Schema) name them. */
export type Datatype = 'integer' | 'decimal' | 'boolean' | 'date' | 'string'

/** One column of a published table, described for CSVW metadata and the JSON next to the CSV. */
export interface Column {
  /** The header in the CSV. */
  name: string
  /** A Dutch title for people. */
  title: string
  datatype: Datatype
  description: string
  /** The unit of every value in the column, when it has one. */
  unit?: string
  /** What an empty cell means; a column without it is never empty. */
  empty?: string
}

export type Cell = string | number | boolean | null

/** One table of open data: typed columns, rows in column order. */
export interface DataTable { name: string; title: string; description: string; columns: Column[]; rows: Cell[][] }

/**
 * The state of a figure as columns of their own, so a data user filters on
 * them instead of parsing words. A figure not registered in a year has no
 * row at all: a gap is never a zero, and never a row with an empty value.
 */
export const STATE_COLUMNS: readonly Column[] = [
  { name: 'bekend', title: 'Bekend', datatype: 'boolean', description: 'Of het cijfer bekend is. Onwaar (false): het is geregistreerd als onbekend en de waarde is leeg.' },
  { name: 'deel_van_jaar', title: 'Deel van het jaar, tot en met', datatype: 'date', description: 'De laatste dag die is meegeteld, als de cijfers van dit jaar maar een deel van het jaar beslaan.', empty: 'de cijfers beslaan het hele jaar' },
  { name: 'reeksbreuk', title: 'Reeksbreuk', datatype: 'boolean', description: 'Waar (true) als het cijfer vanaf dit jaar anders wordt geteld dan in de jaren ervoor: het is niet te vergelijken met die jaren.' },
  { name: 'reeksbreuk_toelichting', title: 'Toelichting bij de reeksbreuk', datatype: 'string', description: 'Wat vanaf dit jaar anders wordt geteld.', empty: 'geen reeksbreuk in dit jaar' },
]

/** The state columns of one point, in the order of STATE_COLUMNS. */
export function stateCells(p: Point): Cell[] {
  const breaks = p.break?.from === p.year
  return [p.state === 'known', p.until ?? null, breaks, breaks ? p.break!.reason : null]
}

const registered = (p: Point) => p.state !== 'absent'
const value = (p: Point) => (p.state === 'known' ? p.value : null)

const YEAR: Column = { name: 'jaar', title: 'Jaar', datatype: 'integer', description: 'Het jaar waarover het cijfer gaat.' }
const UNIT: Column = { name: 'eenheid', title: 'Eenheid', datatype: 'string', description: "De eenheid van de waarde: 'aantal', 'uren', 'procent' of 'euro'." }
const valueColumn = (name: string, title: string, datatype: Datatype, description: string, unit?: string): Column =>
  ({ name, title, datatype, description, ...(unit ? { unit } : {}), empty: 'niet bekend (bekend is onwaar)' })
export const VALUE = valueColumn('waarde', 'Waarde', 'decimal', 'Het cijfer, in de eenheid van de kolom eenheid.')

function figureTable(name: string, title: string, description: string, figures: readonly Figure[]): DataTable {
  return {
    name, title, description,
    columns: [
      { name: 'kengetal', title: 'Kengetal', datatype: 'string', description: "De naam van het cijfer, zoals sjablonen het noemen (bijvoorbeeld 'meldingen.totaal')." },
      { name: 'omschrijving', title: 'Omschrijving', datatype: 'string', description: 'Wat het cijfer telt, zoals het verslag het noemt.' },
      UNIT, YEAR, VALUE, ...STATE_COLUMNS,
    ],
    rows: figures.flatMap((f) => f.window.filter(registered).map((p) => [f.key, f.label, f.unit, p.year, value(p), ...stateCells(p)])),
  }
}

function breakdownTable(b: Breakdown): DataTable {
  const counted = b.multiLabel ? 'vermeldingen' : 'meldingen'
  return {
    name: b.id.replace('.', '-'), title: b.title + (b.multiLabel ? ' (vermeldingen; een casus kan er meer hebben)' : ''),
    description: `${b.title} in ${b.previousBase.year} en ${b.base.year}, per categorie.${b.multiLabel ? ' Een casus kan in meer categorieën vallen: de aantallen tellen niet op tot het aantal casussen.' : ''} Een categorie zonder rij in een jaar stond dat jaar niet in de indeling.`,
    columns: [
      { name: 'categorie', title: 'Categorie', datatype: 'string', description: 'De categorie, zoals de organisatie die registreert.' },
      YEAR, valueColumn('aantal', 'Aantal', 'integer', `Het aantal ${counted} in deze categorie.`, counted), ...STATE_COLUMNS,
    ],
    // The figures as recorded, not as compared: a renamed category's last year stays under its old name.
    rows: b.recorded.flatMap((r) => r.points.filter(registered).map((p) => [r.category, p.year, value(p), ...stateCells(p)])),
  }
}

/** Every table and series of the report model, in a form for CSV and JSON. */
export function dataTables(model: ReportModel): DataTable[] {
  const main = Object.values(model.figures).filter((f) => !f.key.startsWith('kengetallen.'))
  const window = `${model.window[0]} t/m ${model.year}`
  const vp = model.vpTable
  return [
    {
      name: 'meldingen-per-jaar', title: 'Meldingen per jaar',
      description: `Het aantal meldingen bij het meldpunt integriteit per jaar, ${model.history[0]?.year ?? model.year} t/m ${model.year}.`,
      columns: [YEAR, valueColumn('meldingen', 'Meldingen', 'integer', 'Het aantal meldingen in het jaar.', 'meldingen'), ...STATE_COLUMNS],
      rows: model.history.filter(registered).map((p) => [p.year, value(p), ...stateCells(p)]),
    },
    figureTable('kengetallen-vergelijking', `Kengetallen ${window}`, `De cijfers over meldingen en vertrouwenspersonen, ${window}, zoals het verslag ze vergelijkt.`, main),
    ...(model.keyFigures.length ? [figureTable('overige-kengetallen', 'Overige kengetallen', `De overige kengetallen van de organisatie, ${window}.`, model.keyFigures)] : []),
    ...Object.values(model.breakdowns).filter((b) => b.present).map(breakdownTable),
    {
      name: 'inzet-vertrouwenspersonen', title: 'Inzet vertrouwenspersonen',
      description: `Casussen, meldingen en uren van de vertrouwenspersonen, ${vp.years.at(-1)} t/m ${vp.years[0]}, met subtotalen en het totaal aantal uren.`,
      columns: [
        { name: 'onderdeel', title: 'Onderdeel', datatype: 'string', description: 'Het onderdeel, zoals in de tabel van het verslag.' },
        { name: 'soort', title: 'Soort rij', datatype: 'string', description: "'onderdeel', 'subtotaal' (van de onderdelen erboven) of 'totaal' (alle uren)." },
        UNIT, YEAR, VALUE, ...STATE_COLUMNS,
      ],
      rows: [...vp.sections.flatMap((s) => s.rows.map((r) => ({ r, unit: s.unit }))), { r: vp.grandTotal, unit: 'uren' as const }]
        .flatMap(({ r, unit }) => [...r.points].reverse().filter(registered).map((p) => [r.label, r.kind, unit, p.year, value(p), ...stateCells(p)])),
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
  const field = (v: Cell) => {
    if (v === null) return ''
    if (typeof v !== 'string') return String(v)
    const s = /^[=+\-@\t\r]/.test(v) ? `'${v}` : v
    return /[",\n\r]/.test(s) || s !== v ? `"${s.replace(/"/g, '""')}"` : s
  }
  return [table.columns.map((c) => c.name), ...table.rows].map((r) => r.map(field).join(',')).join('\r\n') + '\r\n'
}
