import { lstatSync, realpathSync } from 'node:fs'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { PACKAGE_ROOT } from '../package.js'

/** True when `inner` is `outer` or lies inside it, by path (links are not followed). */
export function within(outer: string, inner: string): boolean {
  const rel = relative(resolve(outer), resolve(inner))
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}

/**
 * The folders a project's files may really lie in: the project folder and
 * the tool's own templates (the defaults a project's templates replace).
 */
export type Boundary = readonly string[]

export const boundaryOf = (root: string): Boundary => [root, join(PACKAGE_ROOT, 'templates')]

/**
 * A file within the boundary by its real path, or why not: missing, or
 * outside, through a link (the first on the way that leads out) or because
 * the path itself names a place outside (`../`).
 */
export type Inside = { path: string } | { problem: 'missing' } | { problem: 'outside'; link?: string; target: string }

const real = (path: string): string | undefined => {
  try { return realpathSync(path) } catch { return undefined }
}

/**
 * Resolve a file of a project with its links followed: it must really lie
 * inside one of the boundary's folders. Every loader reads through this, so
 * a symlink in a project (a pull request may add one) cannot publish a file
 * of the machine that builds it. Nothing of an outside file is read.
 */
export function inside(boundary: Boundary, target: string): Inside {
  const roots = boundary.flatMap((b) => real(b) ?? [])
  const isInside = (path: string) => roots.some((r) => path !== r && within(r, path))
  const absolute = resolve(boundary[0]!, target)
  const path = real(absolute)
  if (path === undefined) return { problem: 'missing' }
  if (isInside(path)) return { path }
  // Name the link that leads out: the first part of the path, from its folder down, whose real place is outside.
  const base = boundary.find((b) => within(b, absolute))
  if (base === undefined) return { problem: 'outside', target: path }
  let walked = resolve(base)
  for (const part of relative(walked, absolute).split(sep)) {
    walked = join(walked, part)
    let link = false
    try { link = lstatSync(walked).isSymbolicLink() } catch { /* checked whole above */ }
    const there = link ? real(walked) : undefined
    if (there !== undefined && !isInside(there) && !roots.includes(there)) return { problem: 'outside', link: walked, target: there }
  }
  return { problem: 'outside', link: absolute, target: path }
}

/** Why a file named in the project cannot be used, in the words of a message's problem slot. */
export function outsideProblem(root: string, found: Exclude<Inside, { path: string }>): string {
  if (found.problem === 'missing') return 'het bestand bestaat niet'
  return found.link ? `'${relative(root, found.link)}' is een koppeling naar '${found.target}', buiten de projectmap` : 'het bestand ligt buiten de projectmap'
}
