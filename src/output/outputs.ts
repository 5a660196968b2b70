import type { ReportModel } from '../aggregate/model.js'
import type { Page } from '../render/page.js'
import type { Organisatie } from '../types/data.js'
import type { AdoptionStatus } from '../domain/report.js'
import type { OutputKind } from './cache.js'
import { reportOpenData } from './opendata.js'

/** One output file's content; `copyOf` keeps a file of the previous output under another name. */
export type OutputContent = string | Uint8Array | { copyOf: string }

/** Output files by path relative to the output folder; null removes a stale file. */
export type Output = Map<string, OutputContent | null>

/**
 * Everything one report writes, by kind: the one place where a new output
 * is added. Stale-file removal and the index page follow from it. The PDF
 * is filled in by the print step.
 */
export function reportOutputs(key: string, model: ReportModel, page: Page, adoption: AdoptionStatus | undefined, publication: Organisatie['publicatie']): Record<OutputKind, Map<string, OutputContent>> {
  return {
    html: new Map([[`${key}/index.html`, page.html], [`${key}/fragment.html`, page.fragment]]),
    pdf: new Map(),
    data: reportOpenData(key, model, adoption, publication),
  }
}
