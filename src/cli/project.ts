import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { parse } from 'yaml'
import { isYearText } from '../domain/years.js'
import type { CliOptions } from './args.js'
import { fail, type Console } from './report.js'

/** One organisation: its folder, and its place in the output ('' when the project is the organisation). */
export interface Organisation { name: string; root: string }

const isProject = (dir: string) => existsSync(join(dir, 'data', 'organisatie.yaml'))

/**
 * The folder itself when it holds data/organisatie.yaml; otherwise its
 * subfolders that do (a shared service with several organisations). Never
 * a folder above: a command works on the folder it is given.
 */
export function organisationsIn(root: string): Organisation[] {
  if (isProject(root)) return [{ name: '', root }]
  if (!existsSync(root) || !statSync(root).isDirectory()) return []
  return readdirSync(root).sort()
    .filter((n) => !n.startsWith('.') && statSync(join(root, n)).isDirectory() && isProject(join(root, n)))
    .map((name) => ({ name, root: join(root, name) }))
}

const list = (items: readonly string[]) => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} en ${items.at(-1)}`)

/** "Gemeente Helmond (map /work/main): 2022, 2023 en 2024", read before any check so it comes first. */
export function describeOrganisation(org: Organisation, years: readonly number[]): string {
  let name = basename(org.root)
  try {
    const config = parse(readFileSync(join(org.root, 'data', 'organisatie.yaml'), 'utf8')) as { organisatie?: unknown } | null
    if (typeof config?.organisatie === 'string' && config.organisatie.trim()) name = config.organisatie.trim()
  } catch { /* unreadable: the check itself reports it */ }
  const found = readdirSync(join(org.root, 'data')).filter(isYearText).sort()
  const shown = years.length ? years.map(String) : found
  return `${name} (map ${org.root}): ${shown.length ? list(shown) : 'nog geen jaren'}`
}

/**
 * The organisations this run works on, each announced with its folder and
 * years; none is the catalogued error naming the folder that was searched.
 */
export function organisationsFor(options: CliOptions, io: Console, doing: string, keep: (org: Organisation) => boolean = () => true): Organisation[] | number {
  const all = organisationsIn(options.root)
  if (all.length === 0) return fail(io, 'project-niet-gevonden', { folder: options.root }, options.json)
  const found = all.filter(keep)
  if (options.quiet || options.json) return found
  // A folder of several organisations: say so, and which, before each one's own line.
  if (all[0]!.name) io.err(`${doing} ${found.length} ${found.length === 1 ? 'organisatie' : 'organisaties'} in ${options.root}: ${list(found.map((o) => o.name))}`)
  for (const org of found) io.err(`${doing} ${describeOrganisation(org, options.years)}`)
  return found
}
