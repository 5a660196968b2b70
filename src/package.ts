import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, sep } from 'node:path'
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
