import { realpathSync } from 'node:fs'
import { isAbsolute, relative, resolve } from 'node:path'

/** True when `inner` is `outer` or lies inside it, by path (links are not followed). */
export function within(outer: string, inner: string): boolean {
  const rel = relative(resolve(outer), resolve(inner))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/** A file of the project by its real path (links followed), or why there is none: missing, or outside the folder. */
export function realInside(root: string, target: string): { path: string } | { problem: 'missing' | 'outside' } {
  let path: string
  try {
    path = realpathSync(resolve(root, target))
  } catch {
    return { problem: 'missing' }
  }
  const real = realpathSync(root)
  return path !== real && within(real, path) ? { path } : { problem: 'outside' }
}
