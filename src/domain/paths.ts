import type { Meldingen, Vertrouwenspersonen } from '../types/data.js'

/** The year files that hold figures, by their generated types (one source of truth: schemas/). */
export interface DataFiles { meldingen: Meldingen; vertrouwenspersonen: Vertrouwenspersonen }
export type DataFile = keyof DataFiles

/**
 * Every path of keys into T, as a tuple: tsc rejects a path that the
 * generated types, and so the schemas, do not have. Keys of a map (a
 * breakdown's categories, an organisation's hour activities) are `string`.
 */
export type PathInto<T> = T extends readonly unknown[] ? never : T extends object
  ? { [K in keyof T & string]-?: readonly [K] | readonly [K, ...PathInto<NonNullable<T[K]>>] }[keyof T & string]
  : never

export type DataPath<F extends DataFile> = PathInto<DataFiles[F]>

/** A place in a year file: which file, and the checked path inside it. */
export type DataRef = { [F in DataFile]: { file: F; path: DataPath<F> } }[DataFile]
