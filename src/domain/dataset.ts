/** One row of a dataset: a value per column field (null for a gap). */
export type Row = Record<string, string | number | boolean | null>

/** A named table of the report model that charts draw and the page shows beside them. */
export interface Dataset {
  name: string
  columns: { field: string; label: string }[]
  rows: Row[]
  /** A Dutch sentence stating what the data shows, for screen readers and the PDF's alt text. */
  describe: string
  /** The visible caption when it says less than `describe`: what the chart draws besides its bars (open bars, a break) the reader sees in it. */
  caption?: string
}
