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

/** A list for a message: quoted, comma separated, shortened when long. */
export function listValues(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).map((v) => `'${v}'`).join(', ')
  return values.length > max ? `${shown} en ${values.length - max} meer` : shown
}
