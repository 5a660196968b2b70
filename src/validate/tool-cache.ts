import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { Ajv, ValidateFunction } from 'ajv'
import standalone from 'ajv/dist/standalone/index.js'

const require = createRequire(import.meta.url)

/** Where compiled validators and drawn charts are kept between runs: node_modules/.cache/jaarverslag, or JAARVERSLAG_CACHE. */
export const TOOL_CACHE = process.env.JAARVERSLAG_CACHE || join(dirname(require.resolve('ajv/package.json')), '..', '.cache', 'jaarverslag')


/** Write so that a reader never sees half a file, also with two builds at once. */
export function writeAtomic(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true })
  const temp = `${path}.${process.pid}.tmp`
  writeFileSync(temp, content)
  renameSync(temp, path)
}

/**
 * Compiling a large schema takes hundreds of milliseconds to seconds;
 * loading ajv's standalone code for it takes a fraction. The code is
 * generated once per schema content and kept in the tool cache.
 */
export function compiledValidators<T>(name: string, key: string, build: () => { ajv: Ajv; refs: Record<string, string> | ValidateFunction }): T {
  const file = join(TOOL_CACHE, `${name}-${key}.cjs`)
  if (existsSync(file)) return loadModule(file)
  const { ajv, refs } = build()
  try {
    writeAtomic(file, standalone.default(ajv, refs as never))
    return loadModule(file)
  } catch {
    // A read-only installation: compile in memory, every run.
    return (typeof refs === 'function' ? refs : Object.fromEntries(Object.entries(refs).map(([k, id]) => [k, ajv.getSchema(id)]))) as T
  }
}


/** A CommonJS file run with this package's require: ajv's runtime is found wherever the cache is. */
function loadModule<T>(file: string): T {
  const module = { exports: {} }
  new Function('module', 'exports', 'require', readFileSync(file, 'utf8'))(module, module.exports, require)
  return module.exports as T
}
