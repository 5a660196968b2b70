import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compile } from '../src/compile.js'
import { CACHE_FILE } from '../src/output/cache.js'
import { cli } from './helpers/cli.js'
import { cleanupProjects, FIXTURES, hashFiles, projectWith, REPO, updating } from './helpers/project.js'

afterAll(cleanupProjects)

const GOLDEN = join(FIXTURES, 'output')
const SNAPSHOT = join(FIXTURES, 'build-snapshot.json')

/** The outputs with a golden file: open data, fragments and the index page (the pages have theirs in html/). */
const hasGolden = (path: string) => path !== CACHE_FILE && (/(^|\/)data\/[^/]+\.(csv|json)$/.test(path) || path.endsWith('/fragment.html') || path === 'index.html')

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesBelow(path) : [path]
  })
}

describe('golden output of the example project', () => {
  let outputs: Map<string, unknown>
  beforeAll(async () => { outputs = (await compile(REPO)).outputs })

  it('open data (CSV, JSON, metadata.json), fragments and the index page match their golden files (UPDATE=1 rewrites)', () => {
    const made = [...outputs.keys()].filter(hasGolden).sort()
    expect(made).toContain('2024/data/metadata.json')
    expect(made).toContain('2024/fragment.html')
    if (updating) rmSync(GOLDEN, { recursive: true, force: true })
    for (const path of made) {
      const file = join(GOLDEN, path)
      if (updating || !existsSync(file)) {
        if (process.env.CI) throw new Error(`${file} ontbreekt`)
        mkdirSync(dirname(file), { recursive: true })
        writeFileSync(file, String(outputs.get(path)))
      }
      expect(String(outputs.get(path)) === readFileSync(file, 'utf8'), `${path} wijkt af van de golden file`).toBe(true)
    }
    // No golden file for an output that is no longer made.
    expect(filesBelow(GOLDEN).map((f) => relative(GOLDEN, f)).sort()).toEqual(made)
  })
})

describe('a whole build of the example project', () => {
  it('makes exactly these files with these contents (PDFs by page count, the cache by presence)', () => {
    const root = projectWith()
    const r = cli(['build', '--map', root])
    expect(r.code, r.stderr).toBe(0)
    const out = join(root, 'output')
    const snapshot = Object.fromEntries(Object.entries(hashFiles(out)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, hash]) => {
      if (path.endsWith('.pdf')) return [path, `pdf, ${/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [join(out, path)], { encoding: 'utf8' }))![1]} pagina's`]
      // The cache holds the tool's own fingerprint, which changes with every change to the code.
      if (path === CACHE_FILE) return [path, 'cache']
      return [path, hash]
    }))
    if (updating || !existsSync(SNAPSHOT)) {
      if (process.env.CI) throw new Error(`${SNAPSHOT} ontbreekt`)
      writeFileSync(SNAPSHOT, JSON.stringify(snapshot, null, 2) + '\n')
    }
    expect(snapshot).toEqual(JSON.parse(readFileSync(SNAPSHOT, 'utf8')))
  }, 300_000)
})
