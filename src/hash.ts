import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** A sha256 of some data: hex by default, base64 for Content-Security-Policy hashes. */
export const sha256 = (data: string | Uint8Array, encoding: 'hex' | 'base64' = 'hex'): string =>
  createHash('sha256').update(data).digest(encoding)

/** A short content key over several parts (16 hex digits), for caches. */
export const hashOf = (...parts: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256')
  for (const p of parts) hash.update(p).update('\0')
  return hash.digest('hex').slice(0, 16)
}

function treeParts(dir: string, filter: (name: string) => boolean, parts: (string | Buffer)[] = []): (string | Buffer)[] {
  if (!existsSync(dir)) return parts
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) treeParts(path, filter, parts)
    else if (filter(name)) parts.push(name, readFileSync(path))
  }
  return parts
}

/** A content key over a folder: its files' names and contents, in name order. */
export const hashTree = (dir: string, filter: (name: string) => boolean = () => true) => hashOf(...treeParts(dir, filter))
