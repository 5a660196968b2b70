import { readFileSync, statSync } from 'node:fs'
import { extname } from 'node:path'
import { boundaryOf, inside, outsideProblem } from './inside.js'

export const MAX_ASSET_BYTES = 200 * 1024

/** Media types by extension: of the images a page may embed, and of what the preview server serves. */
export const MEDIA_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.pdf': 'application/pdf', '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
}

/**
 * An image from inside the project as a data URI, so the page stays one
 * file that loads nothing. Returns the problem in Dutch when it cannot.
 */
export function loadAsset(root: string, path: string): { dataUri: string } | { problem: string } {
  const type = MEDIA_TYPES[extname(path).toLowerCase()]
  if (!type?.startsWith('image/')) return { problem: 'alleen SVG, PNG en JPG zijn mogelijk' }
  const found = inside(boundaryOf(root), path)
  if ('problem' in found) return { problem: outsideProblem(root, found) }
  if (statSync(found.path).size > MAX_ASSET_BYTES) return { problem: 'het bestand is groter dan 200 kB' }
  return { dataUri: `data:${type};base64,${readFileSync(found.path).toString('base64')}` }
}
