import { hashOf } from '../hash.js'

/**
 * What a report was made from, found by watching it being made: the build
 * hands the model a view of the project that records every value it reads
 * (and every key list and membership test), so no list of dependencies is
 * kept by hand. Replaying the recorded reads on new data tells whether the
 * report would come out the same.
 */

/** A read: `get`, `has` or `keys`, then the property path, as one JSON string. */
export type Reads = Record<string, string>

/** Arrays and plain objects: the shape of parsed YAML, seen through the view. */
function plain(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && (Array.isArray(v) || [Object.prototype, null].includes(Object.getPrototypeOf(v)))
}

/** What was read where nothing is: a word of its own, so the cache file never says "undefined". */
const ABSENT = 'absent'

/** A value as it was read: primitives as JSON, containers by kind (their contents are reads of their own), anything else by content. */
function fingerprint(value: unknown): string {
  if (value === undefined) return ABSENT
  if (typeof value !== 'object' || value === null) return JSON.stringify(value)
  if (Array.isArray(value)) return 'array'
  if (plain(value)) return 'object'
  if (value instanceof Map) return hashOf(JSON.stringify([...value].map(([k, v]) => [k, fingerprint(v)])))
  // A VFile: its text.
  if ('value' in value) return hashOf(String((value as { value: unknown }).value))
  return hashOf(JSON.stringify(value))
}

const keysOf = (target: object) => JSON.stringify(Object.keys(target))

export interface Recording<T> { view: T; reads: Reads; stop(): void }

/** A view of `root` that records what is read through it, until stopped. */
export function record<T extends object>(root: T): Recording<T> {
  const reads: Reads = {}
  let on = true
  const note = (op: string, path: readonly string[], value: string) => { if (on) reads[JSON.stringify([op, ...path])] = value }
  const views = new WeakMap<object, object>()
  const wrap = <O extends object>(target: O, path: readonly string[]): O => {
    const known = views.get(target)
    if (known) return known as O
    // The data does not change while a report is made: a value read once need not be noted again.
    const got = new Set<string>()
    const view = new Proxy(target, {
      get(t, p, receiver) {
        const value: unknown = Reflect.get(t, p, receiver)
        // Methods and symbols are the language's, not the data's.
        if (typeof p === 'symbol' || (!Object.hasOwn(t, p) && p in t)) return value
        if (!got.has(p) && on) {
          got.add(p)
          note('get', [...path, p], fingerprint(value))
        }
        return plain(value) ? wrap(value, [...path, p]) : value
      },
      has(t, p) {
        if (typeof p === 'string') note('has', [...path, p], String(Object.hasOwn(t, p)))
        return Reflect.has(t, p)
      },
      ownKeys(t) {
        note('keys', path, keysOf(t))
        return Reflect.ownKeys(t)
      },
    })
    views.set(target, view)
    return view
  }
  return { view: wrap(root, []), reads, stop: () => { on = false } }
}

/** The reads that would now give another value than they gave when recorded. */
export function changedReads(root: object, reads: Reads): string[][] {
  const changed: string[][] = []
  for (const [key, before] of Object.entries(reads)) {
    const [op, ...path] = JSON.parse(key) as string[]
    if (replayRead(root, op!, path) !== before) changed.push(path)
  }
  return changed
}

/** What a read gives on this data, as it was recorded. */
export function replayRead(root: object, op: string, path: readonly string[]): string {
  const at = (n: number) => path.slice(0, n).reduce<unknown>((o, p) => (plain(o) && Object.hasOwn(o, p) ? o[p] : undefined), root)
  if (op === 'keys') {
    const target = at(path.length)
    return plain(target) ? keysOf(target) : ABSENT
  }
  const parent = at(path.length - 1)
  const last = path[path.length - 1]!
  const own = plain(parent) && Object.hasOwn(parent, last)
  if (op === 'has') return String(own)
  return fingerprint(own ? parent[last] : undefined)
}
