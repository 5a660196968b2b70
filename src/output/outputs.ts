import type { ReportModel } from '../aggregate/model.js'
import { dataTables, metadata, toCsv } from '../aggregate/opendata.js'
import type { Page } from '../render/page.js'
import type { Organisatie } from '../types/data.js'
import type { OutputKind } from './cache.js'

/** One output file's content; `copyOf` keeps a file of the previous output under another name. */
export type OutputContent = string | Uint8Array | { copyOf: string }

/** Output files by path relative to the output folder; null removes a stale file. */
export type Output = Map<string, OutputContent | null>

/**
 * Everything one report writes, by kind: the one place where a new output
 * is added. Stale-file removal and the index page follow from it. The PDF
 * is filled in by the print step.
 */
export function reportOutputs(key: string, model: ReportModel, page: Page, publication: Organisatie['publicatie']): Record<OutputKind, Map<string, OutputContent>> {
  const tables = dataTables(model)
  const data = new Map<string, OutputContent>()
  for (const t of tables) {
    data.set(`${key}/data/${t.name}.csv`, toCsv(t))
    data.set(`${key}/data/${t.name}.json`, json({ titel: t.title, kolommen: t.columns, rijen: t.rows }))
  }
  data.set(`${key}/data/metadata.json`, json(metadata(model, tables, { licence: publication?.licentie ?? 'CC0 1.0', contact: publication?.contact, keywords: publication?.trefwoorden ?? [] })))
  return {
    html: new Map([[`${key}/index.html`, page.html], [`${key}/fragment.html`, page.fragment]]),
    pdf: new Map(),
    data,
  }
}

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n'
