import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import type { Ajv, ValidateFunction } from 'ajv'
import equal from 'ajv/dist/runtime/equal.js'
import ucs2length from 'ajv/dist/runtime/ucs2length.js'
import uri from 'ajv/dist/runtime/uri.js'
import validationError from 'ajv/dist/runtime/validation_error.js'
import standalone from 'ajv/dist/standalone/index.js'
import { nodeModulesDir } from '../package.js'

/** Where compiled validators and drawn charts are kept between runs: node_modules/.cache/jaarverslag, or JAARVERSLAG_CACHE. */
export const TOOL_CACHE = process.env.JAARVERSLAG_CACHE || join(nodeModulesDir(), '.cache', 'jaarverslag')

/**
 * A CommonJS module's exports as require() gives them. Node and esbuild hand
 * an ES import the whole `exports` ({ default }), vitest the default itself.
 */
const asRequired = (m: unknown): unknown =>
  m !== null && typeof m === 'object' && Object.keys(m).join() === 'default' ? m : { default: m }

/** What ajv's standalone code requires, bundled with the tool: the installed package has no node_modules of its own. */
const RUNTIME: Record<string, unknown> = {
  'ajv/dist/runtime/equal': asRequired(equal),
  'ajv/dist/runtime/ucs2length': asRequired(ucs2length),
  'ajv/dist/runtime/uri': asRequired(uri),
  'ajv/dist/runtime/validation_error': asRequired(validationError),
}
const runtimeRequire = (id: string): unknown => {
  if (id in RUNTIME) return RUNTIME[id]
  throw new Error(`${id} hoort niet bij de runtime van ajv`)
}


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


/** A CommonJS file run with the bundled ajv runtime as its only require. */
function loadModule<T>(file: string): T {
  const module = { exports: {} }
  new Function('module', 'exports', 'require', readFileSync(file, 'utf8'))(module, module.exports, runtimeRequire)
  return module.exports as T
}
