import type { Column, DataTable } from '../aggregate/opendata.js'

/**
 * The name CSV on the Web looks for next to a CSV file when the file itself
 * names no metadata: one table group for every CSV of the folder.
 */
export const CSVW_FILE = 'csv-metadata.json'

const column = (c: Column) => ({
  name: c.name,
  // The header holds the name; a CSVW processor matches the header against the titles.
  titles: { nl: c.title, und: c.name },
  datatype: c.datatype,
  required: c.empty === undefined,
  null: '',
  'dc:description': c.description,
  ...(c.unit ? { 'schema:unitText': c.unit } : {}),
  ...(c.empty ? { 'rdfs:comment': `Een lege cel betekent: ${c.empty}.` } : {}),
})

/**
 * W3C CSV on the Web metadata (a table group) for the CSV files of one
 * folder: per column its name, Dutch title, datatype, unit and what an
 * empty cell means. URLs are relative to this file, so the folder can move.
 */
export function csvwMetadata(tables: readonly DataTable[]) {
  return {
    '@context': ['http://www.w3.org/ns/csvw', { '@language': 'nl' }],
    tables: tables.map((t) => ({
      url: `${t.name}.csv`,
      'dc:title': t.title,
      'dc:description': t.description,
      dialect: { header: true, encoding: 'utf-8', lineTerminators: ['\r\n'] },
      tableSchema: { columns: t.columns.map(column) },
    })),
  }
}
