import { readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs'
import { join } from 'node:path'
import { TOOL_CACHE, writeAtomic } from '../validate/tool-cache.js'

/** Rendered charts between runs, by content key: vega's first chart of a process costs more than the rest of a page. */
const DIR = join(TOOL_CACHE, 'grafieken')
/** Every edit of a figure makes new charts; past this many the oldest go. */
const KEEP = 400

export interface CachedChart { svg: string; unfit: string[] }

export function readCachedChart(key: string): CachedChart | undefined {
  try {
    const path = join(DIR, `${key}.json`)
    const chart = JSON.parse(readFileSync(path, 'utf8')) as CachedChart
    // Used now: the last to go when the cache is pruned.
    const now = new Date()
    utimesSync(path, now, now)
    return chart
  } catch {
    return undefined
  }
}

export function writeCachedChart(key: string, chart: CachedChart): void {
  try {
    writeAtomic(join(DIR, `${key}.json`), JSON.stringify(chart))
    const names = readdirSync(DIR)
    if (names.length <= KEEP) return
    const byAge = names.map((n) => ({ path: join(DIR, n), time: statSync(join(DIR, n)).mtimeMs })).sort((a, b) => a.time - b.time)
    for (const { path } of byAge.slice(0, names.length - KEEP / 2)) rmSync(path, { force: true })
  } catch { /* a read-only installation renders again next run */ }
}
