export const isKnown = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)

/** Read a nested value by path from plain data. */
export function getPath(data: unknown, path: readonly (string | number)[]): unknown {
  let node = data
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[key]
  }
  return node
}
