// The small language the catalogue's words are written in (meldingen.json),
// so the Dutch stays out of the code and the code decides nothing about it:
//   {name}                    the value of an argument
//   {name:zero:one:other}     a count with its noun: '# spatie' says the number (geen spaties, 1 spatie, 2 spaties)
//   [then|else] or [then]     'then' when every argument in it has a value ('' and 0 have none), else 'else'
// Other braces and brackets are text: {{slot}} shows a slot's value between braces.

export type Value = string | number

const SLOT = /\{(\w+)(?::([^{}:]*):([^{}:]*):([^{}:]*))?\}/g
const SEGMENT = /\[([^[\]|]*)(?:\|([^[\]|]*))?\]/g

const given = (value: Value | undefined): boolean => value !== undefined && value !== '' && value !== 0

/** The arguments a text names, in order of first use. */
export const slotsIn = (text: string): string[] => [...new Set([...text.matchAll(SLOT)].map((m) => m[1]!))]

export function fill(text: string, args: Readonly<Record<string, Value>>): string {
  return text
    .replace(SEGMENT, (_all, then: string, otherwise: string | undefined) => (slotsIn(then).every((s) => given(args[s])) ? then : otherwise ?? ''))
    .replace(SLOT, (_all, name: string, zero: string | undefined, one: string, other: string) => {
      const value = args[name]
      if (zero === undefined) return String(value)
      const n = Number(value)
      return (n === 0 ? zero : n === 1 ? one : other).replace('#', String(n))
    })
}
