import { closest, distance } from 'fastest-levenshtein'

/**
 * The nearest allowed value, when it is near enough to be a typo;
 * otherwise ''. Case and accents are ignored for the comparison.
 */
export function suggest(found: string, allowed: readonly string[]): string {
  if (allowed.length === 0) return ''
  const norm = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  const byNorm = new Map(allowed.map((a) => [norm(a), a]))
  const n = norm(found)
  const best = closest(n, [...byNorm.keys()])
  const limit = Math.max(2, Math.floor(Math.max(n.length, best.length) / 3))
  return distance(n, best) <= limit ? (byNorm.get(best) ?? '') : ''
}

/** A list for a message: quoted, comma separated, shortened when long (never to leave out just one). */
export function listValues(values: readonly string[], max = 12): string {
  const cut = values.length > max + 1 ? max : values.length
  const shown = values.slice(0, cut).map((v) => `'${v}'`).join(', ')
  return cut < values.length ? `${shown} en ${values.length - cut} meer` : shown
}
