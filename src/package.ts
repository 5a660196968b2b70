import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { hashOf, hashTree } from './hash.js'

/** The name the package is published under; the command stays `jaarverslag`. */
export const PACKAGE_NAME = '@gemeente-integriteit/jaarverslag'

/**
 * The package's own folder, found from this module upwards, so paths hold
 * whether the code runs from src/ (tests), from dist/ or from the bundle.
 */
function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json')
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === PACKAGE_NAME) return dir
    if (dirname(dir) === dir) throw new Error('package.json van jaarverslag niet gevonden')
  }
}

export const PACKAGE_ROOT = packageRoot()
/** The schemas folder of the package: the one source of truth for data shapes. */
export const SCHEMA_DIR = join(PACKAGE_ROOT, 'schemas') + sep
export const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version
/** The code that is running: its content is part of every build's cache key. */
export const CODE_DIR = fileURLToPath(import.meta.url).startsWith(join(PACKAGE_ROOT, 'src')) ? join(PACKAGE_ROOT, 'src') : join(PACKAGE_ROOT, 'dist')

let toolHash: string | undefined

/** The bundle's fingerprint, written by scripts/bundle.mjs; the sources (tests) are hashed. */
const codeHash = () => {
  const made = join(CODE_DIR, 'vingerafdruk')
  return existsSync(made) ? readFileSync(made, 'utf8').trim() : hashTree(CODE_DIR, (n) => /\.(ts|js|mjs)$/.test(n))
}

/** The tool's own code and schemas: a new version of the tool rebuilds everything and renders every chart anew. */
export function toolFingerprint(): string {
  toolHash ??= hashOf(codeHash(), hashTree(join(PACKAGE_ROOT, 'schemas'), (n) => n.endsWith('.json')))
  return toolHash
}

const require = createRequire(import.meta.url)

/**
 * A data file of a dependency (a font, a schema). The published package has
 * no dependencies to install: scripts/bundle.mjs bundles the code and copies
 * these files to dist/vendor; from the sources (tests) they are resolved in node_modules.
 */
export function vendorFile(spec: string): string {
  const copied = join(PACKAGE_ROOT, 'dist', 'vendor', spec)
  return existsSync(copied) ? copied : require.resolve(spec)
}

/** node_modules of the project the tool is installed in (or of this repository): where caches live by npm custom. */
export function nodeModulesDir(): string {
  for (let dir = PACKAGE_ROOT; dirname(dir) !== dir; dir = dirname(dir)) if (basename(dir) === 'node_modules') return dir
  return join(PACKAGE_ROOT, 'node_modules')
}
