import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import type { Output } from './outputs.js'
import { compareText } from '../domain/order.js'
import { sha256 } from '../hash.js'
import { renderOrganisationsIndex, type OrganisationEntry } from '../render/index-page.js'

/** The organisations a build of several organisations made: what `samenvoegen` makes the one index from. */
export const ORGANISATIONS_FILE = '.cache/organisaties.json'

const DEFAULT_THEME = { primary: '#1d4f91', secondary: '#5f6b7a' }

/**
 * The share (1…count) of `build --deel` an organisation falls in, from its
 * folder name alone: adding or removing an organisation moves no other, so
 * each CI runner keeps its organisations (and their build cache).
 */
export function shareOf(folder: string, count: number): number {
  return (parseInt(sha256(folder).slice(0, 8), 16) % count) + 1
}

/** The top of a build of several organisations: one index and the list it was made from. */
export function organisationsOutput(entries: readonly OrganisationEntry[]): Output {
  const sorted = [...entries].sort((a, b) => compareText(a.folder, b.folder))
  return new Map([
    ['index.html', renderOrganisationsIndex(sorted, DEFAULT_THEME)],
    [ORGANISATIONS_FILE, JSON.stringify({ version: 1, organisations: sorted }, null, 2) + '\n'],
  ])
}

export function readOrganisations(dir: string): OrganisationEntry[] | undefined {
  const path = join(dir, ORGANISATIONS_FILE)
  if (!existsSync(path)) return undefined
  return (JSON.parse(readFileSync(path, 'utf8')) as { organisations: OrganisationEntry[] }).organisations
}

export type MergeProblem = { missing: string } | { file: string; first: string; second: string }

/**
 * The outputs of `build --deel` shares as one output: every organisation's
 * folder as built, and one index over all of them, made as a single build
 * of all organisations makes it, so the bytes are the same.
 */
export function mergeShares(dirs: readonly string[]): { output: Output } | { problem: MergeProblem } {
  const output: Output = new Map()
  const from = new Map<string, string>()
  const entries: OrganisationEntry[] = []
  for (const dir of dirs) {
    const listed = readOrganisations(dir)
    if (!listed) return { problem: { missing: dir } }
    entries.push(...listed)
    for (const { folder } of listed) {
      for (const path of filesBelow(join(dir, folder))) {
        const key = relative(dir, path).split('\\').join('/')
        const earlier = from.get(key)
        if (earlier !== undefined) return { problem: { file: key, first: earlier, second: dir } }
        from.set(key, dir)
        output.set(key, readFileSync(path))
      }
    }
  }
  for (const [path, content] of organisationsOutput(entries)) output.set(path, content)
  return { output }
}

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesBelow(join(dir, e.name)) : [join(dir, e.name)]))
}
