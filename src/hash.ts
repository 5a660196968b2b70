import { createHash } from 'node:crypto'

/** A sha256 of some data: hex by default, base64 for Content-Security-Policy hashes. */
export const sha256 = (data: string | Uint8Array, encoding: 'hex' | 'base64' = 'hex'): string =>
  createHash('sha256').update(data).digest(encoding)

/** A short content key over several parts (16 hex digits), for caches. */
export const hashOf = (...parts: (string | Uint8Array)[]): string => {
  const hash = createHash('sha256')
  for (const p of parts) hash.update(p).update('\0')
  return hash.digest('hex').slice(0, 16)
}
