import { readFileSync, realpathSync, statSync } from 'node:fs'
import { extname, isAbsolute, relative, resolve } from 'node:path'

export const MAX_ASSET_BYTES = 200 * 1024

const TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' }

/**
 * An image from inside the project as a data URI, so the page stays one
 * file that loads nothing. Returns the problem in Dutch when it cannot.
 */
export function loadAsset(root: string, path: string): { dataUri: string } | { problem: string } {
  const type = TYPES[extname(path).toLowerCase()]
  if (!type) return { problem: 'alleen SVG, PNG en JPG zijn mogelijk' }
  let real: string
  try {
    real = realpathSync(resolve(root, path))
  } catch {
    return { problem: 'het bestand bestaat niet' }
  }
  const rel = relative(realpathSync(root), real)
  if (!rel || rel.startsWith('..') || isAbsolute(rel)) return { problem: 'het bestand ligt buiten de projectmap' }
  if (statSync(real).size > MAX_ASSET_BYTES) return { problem: 'het bestand is groter dan 200 kB' }
  return { dataUri: `data:${type};base64,${readFileSync(real).toString('base64')}` }
}
