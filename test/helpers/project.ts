import { createHash } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO = fileURLToPath(new URL('../../', import.meta.url))
export const FIXTURES = join(REPO, 'test', 'fixtures')

/** The symlinks below a folder, by relative path. */
function linksBelow(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) =>
    e.isSymbolicLink() ? [join(rel, e.name)] : e.isDirectory() ? linksBelow(dir, join(rel, e.name)) : [])
}

/**
 * Every project the suite reads as a whole, by name: the example data and
 * each valid fixture (a new fixture is picked up by its folder).
 */
export const PROJECTS: [string, string][] = [
  ['voorbeeld', REPO],
  ...readdirSync(join(FIXTURES, 'valid')).filter((n) => statSync(join(FIXTURES, 'valid', n)).isDirectory()).sort()
    .map((n): [string, string] => [n, join(FIXTURES, 'valid', n)]),
]

const made: string[] = []

/**
 * A throw-away project: the example data of the repository (or another
 * fixture project), with a case folder's `files/` laid over it and the
 * paths in its `verwijder.txt` removed.
 */
export function projectWith(caseDir?: string, base = REPO): string {
  const root = mkdtempSync(join(tmpdir(), 'jaarverslag-test-'))
  made.push(root)
  cpSync(join(base, 'data'), join(root, 'data'), { recursive: true })
  if (caseDir) {
    const files = join(caseDir, 'files')
    // A case may put a symlink where the example has a file: copying cannot replace one with the other.
    if (existsSync(files)) for (const link of linksBelow(files)) rmSync(join(root, link), { recursive: true, force: true })
    if (existsSync(files)) cpSync(files, root, { recursive: true })
    const remove = join(caseDir, 'verwijder.txt')
    if (existsSync(remove)) {
      for (const line of readFileSync(remove, 'utf8').split('\n').filter(Boolean)) rmSync(join(root, line), { recursive: true, force: true })
    }
  }
  return root
}

/**
 * Every year of a project still a concept (as long as a report is not
 * adopted, a build may change it): for tests that change the data of the
 * example project, whose years are all adopted and so frozen.
 */
export function asDrafts(root: string): string {
  const data = join(root, 'data')
  for (const name of readdirSync(data)) {
    const meta = join(data, name, 'meta.yaml')
    if (existsSync(meta)) writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^status: definitief$/m, 'status: concept'))
  }
  return root
}

export function cleanupProjects(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** UPDATE=1 rewrites expected files; never on CI. */
export const updating = process.env.UPDATE === '1' && !process.env.CI

/** A sha256 per file below a folder, by relative path: for "unchanged" and "identical" checks. */
export function hashFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name)
      if (statSync(path).isDirectory()) walk(path)
      else out[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex')
    }
  }
  if (existsSync(dir)) walk(dir)
  return out
}
