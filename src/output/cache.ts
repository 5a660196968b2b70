import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { basename, join, sep } from 'node:path'
import { CODE_DIR, PACKAGE_ROOT } from '../package.js'
import type { VFile } from 'vfile'
import { pointOf } from '../aggregate/series.js'
import { compareText } from '../domain/order.js'
import type { Project } from '../validate/index.js'

/** Where the build remembers what it made from which inputs: inside the output, so the two never disagree. */
export const CACHE_FILE = '.cache/bouw.json'

export interface BuildCache { versie: 1; jaren: Record<string, { sleutel: string; html: boolean; pdf: boolean }> }

export function readCache(outDir: string): BuildCache {
  try {
    const cache = JSON.parse(readFileSync(join(outDir, CACHE_FILE), 'utf8')) as BuildCache
    return cache.versie === 1 ? cache : { versie: 1, jaren: {} }
  } catch {
    return { versie: 1, jaren: {} }
  }
}

function hashTree(hash: ReturnType<typeof createHash>, dir: string, filter: (name: string) => boolean): void {
  if (!existsSync(dir)) return
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) hashTree(hash, path, filter)
    else if (filter(name)) hash.update(`${name}\0`).update(readFileSync(path)).update('\0')
  }
}

let toolHash: string | undefined

/** The tool's own code and schemas: a new version of the tool rebuilds everything. */
function toolFingerprint(): string {
  if (!toolHash) {
    const hash = createHash('sha256')
    hashTree(hash, CODE_DIR, (n) => /\.(ts|js|mjs)$/.test(n))
    hashTree(hash, join(PACKAGE_ROOT, 'schemas'), (n) => n.endsWith('.json'))
    toolHash = hash.digest('hex')
  }
  return toolHash
}

/**
 * The input key of each year's report: the tool, the settings, the template
 * and charts, every file of the years the report compares with, and the
 * meldingen totals of all earlier years (the long series). A change
 * elsewhere leaves the key, and so the report, as it was.
 */
export function yearKeys(project: Project, files: readonly VFile[], templateDirs: readonly string[], years: readonly number[], windowSize: number, variant: string): Map<number, string> {
  const shared = createHash('sha256').update(toolFingerprint()).update(variant)
  for (const dir of templateDirs) hashTree(shared, dir, () => true)
  const sharedFiles = files.filter((f) => /[\\/]data[\\/](organisatie|historie)\.yaml$/.test(f.path ?? ''))
  for (const f of sharedFiles) shared.update(basename(f.path ?? '')).update(String(f.value))
  const base = shared.digest('hex')

  const keys = new Map<number, string>()
  for (const year of years) {
    const hash = createHash('sha256').update(base)
    const first = Math.min(year - windowSize + 1, year - 2)
    for (let y = first; y <= year; y++) {
      const dir = `${sep}data${sep}${y}${sep}`
      for (const f of files.filter((file) => file.path?.includes(dir)).sort((a, b) => compareText(a.path!, b.path!))) {
        hash.update(f.path!.slice(f.path!.indexOf(dir))).update('\0').update(String(f.value)).update('\0')
      }
    }
    for (const { year: y } of project.years.filter((d) => d.year < first)) {
      hash.update(JSON.stringify(pointOf(project, 'meldingen.totaal', y)))
    }
    keys.set(year, hash.digest('hex'))
  }
  return keys
}
