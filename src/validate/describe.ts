const nl = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 6, useGrouping: false })

/** A number as a message shows it: Dutch decimal comma, no grouping. */
export const formatNumber = (n: number): string => nl.format(n)

/** How a found value is named in a message: "de tekst 'tien'", "het getal 2,5". */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'een lege waarde (een leeg veld telt niet als 0)'
  if (typeof value === 'string') return `de tekst '${value.length > 60 ? value.slice(0, 57) + '…' : value}'`
  if (typeof value === 'number') return `het getal ${nl.format(value)}`
  if (typeof value === 'boolean') return `de waarde ${value ? 'true' : 'false'}`
  if (Array.isArray(value)) return 'een opsomming'
  return 'een groep velden'
}
