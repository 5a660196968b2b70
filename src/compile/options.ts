import type { buildReportModel } from '../aggregate/model.js'
import type { BuildCache } from '../output/cache.js'
import type { Printer } from '../print/index.js'

/** A stage done; `report` is the report's key as the user knows it: '2024', or '2021-2022' for a period. */
export interface StageEvent { stage: 'controleren' | 'html' | 'pdf'; report?: string; ms: number }

export interface CompileOptions {
  /** Only these years (default: all). */
  years?: readonly number[]
  strict?: boolean
  html?: boolean
  /** Prints the PDF; without one no PDF is made. */
  printer?: Printer | undefined
  /** The previous build's cache: reports whose inputs did not change are skipped. */
  cache?: BuildCache | undefined
  /** Rebuild also the reports whose inputs did not change. */
  all?: boolean
  /** The reason for a new version of an adopted report (`--herzien`); without it an adopted report does not change. */
  revise?: string | undefined
  /** The date of a revision (default today), as YYYY-MM-DD; it is kept in the adoption record, so later builds show the same. */
  today?: string
  /** `--ci`: record nothing; an adopted report without a record in vastgesteld/ is an error. */
  ci?: boolean
  onStage?: (event: StageEvent) => void
  /** The report model (default: the real one); a report depends on whatever it reads. */
  model?: typeof buildReportModel
}

/** Milliseconds since `start`, as a StageEvent reports them. */
export const since = (start: number) => Math.round(performance.now() - start)
