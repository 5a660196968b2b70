/**
 * The pipeline's layering, checked over the import lines of src/: each
 * stage folder may import only from its own stage or a lower one, and no
 * file may reach itself again through its imports (a loop), also not inside
 * one folder. Type-only and dynamic imports count: they tie the stages
 * together as much as any other.
 *
 *   npx tsx scripts/layers.ts [folder]   lists every upward import and loop, exit code 1 when any
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * The stages from the bottom up; a top-level file is named by its path
 * without extension. hash.ts and package.ts use nothing of the pipeline and
 * sit with the shared types; compile.ts and its steps (compile/) drive
 * every stage up to print, and only the CLI drives them.
 */
export const STAGES: readonly (readonly string[])[] = [
  ['domain', 'types', 'hash', 'package'],
  ['format'],
  ['diagnostics'],
  ['load'],
  ['validate'],
  ['aggregate'],
  ['chart'],
  ['render'],
  ['output'],
  ['print'],
  ['compile'],
  ['cli'],
]

export interface Layering {
  files: string[]
  /** Imports from a lower stage to a higher one, as `from → to` with their stages. */
  upward: { from: string; to: string; fromStage: string; toStage: string }[]
  /** Each loop as its files, smallest path first (strongly connected parts of the import graph). */
  loops: string[][]
  /** Files outside every stage (a new folder must be given its place). */
  unplaced: string[]
}

// Static imports and re-exports start a line; dynamic imports may stand anywhere.
const STATIC = /^(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]/gm
const SIDE_EFFECT = /^import\s*['"]([^'"]+)['"]/gm
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g

function sourceFiles(dir: string, found: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) sourceFiles(path, found)
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) found.push(path)
  }
  return found
}

/** The local files a source file imports (`./x.js` is x.ts on disk). */
export function importsOf(path: string): string[] {
  const text = readFileSync(path, 'utf8')
  const specifiers = [STATIC, SIDE_EFFECT, DYNAMIC].flatMap((re) => [...text.matchAll(re)].map((m) => m[1]!))
  return [...new Set(specifiers.filter((s) => s.startsWith('.')).map((s) => resolve(dirname(path), s.replace(/\.js$/, '.ts'))))]
}

function stageOf(root: string, path: string): number {
  const first = relative(root, path).split(sep)[0]!.replace(/\.ts$/, '')
  return STAGES.findIndex((names) => names.includes(first))
}

/** Tarjan's strongly connected components: every part with more than one file, or a file importing itself, is a loop. */
function loopsOf(graph: Map<string, string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const loops: string[][] = []
  const visit = (v: string): void => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!))
    }
    if (low.get(v) !== index.get(v)) return
    const part: string[] = []
    let w: string
    do {
      w = stack.pop()!
      onStack.delete(w)
      part.push(w)
    } while (w !== v)
    if (part.length > 1 || graph.get(v)?.includes(v)) loops.push(part.sort())
  }
  for (const v of graph.keys()) if (!index.has(v)) visit(v)
  return loops.sort((a, b) => (a[0]! < b[0]! ? -1 : 1))
}

export function layering(dir: string): Layering {
  const root = resolve(dir)
  const files = sourceFiles(root)
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((to) => to.startsWith(root + sep))]))
  const name = (path: string) => relative(root, path).split(sep).join('/')
  const stageName = (path: string) => STAGES[stageOf(root, path)]?.join('/') ?? '?'
  const upward: Layering['upward'] = []
  for (const [from, targets] of graph) {
    for (const to of targets) {
      if (stageOf(root, to) > stageOf(root, from)) upward.push({ from: name(from), to: name(to), fromStage: stageName(from), toStage: stageName(to) })
    }
  }
  return {
    files: files.map(name),
    upward,
    loops: loopsOf(graph).map((loop) => loop.map(name)),
    unplaced: files.filter((f) => stageOf(root, f) < 0).map(name),
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = process.argv[2] ?? join(dirname(new URL(import.meta.url).pathname), '..', 'src')
  const { files, upward, loops, unplaced } = layering(dir)
  for (const u of upward) console.log(`upward: ${u.from} (${u.fromStage}) → ${u.to} (${u.toStage})`)
  for (const loop of loops) console.log(`loop: ${loop.join(' ↔ ')}`)
  for (const f of unplaced) console.log(`unplaced: ${f}`)
  console.log(`${files.length} files, ${upward.length} upward imports, ${loops.length} loops (${loops.reduce((n, l) => n + l.length, 0)} files), ${unplaced.length} unplaced`)
  process.exitCode = upward.length + loops.length + unplaced.length > 0 ? 1 : 0
}
