/**
 * The pipeline, one stage per folder:
 *
 *   data/*.yaml ──load──▶ YAML with positions ──validate──▶ Project
 *        │                                                    │
 *        │                         aggregate (per year) ◀─────┘
 *        │                                │ ReportModel
 *        │                 chart ◀────────┤────────▶ open data (CSV, JSON)
 *        │                   │ SVG        │
 *        │                   └──▶ render ◀┘ templates/*.md + data/<jaar>/tekst/*.md
 *        │                          │ HTML page, fragment
 *        │                          └──▶ print ──▶ PDF
 *
 * compile() runs it for each report that needs it, step by step; a report
 * prints the moment its page exists, while the next one is built:
 *
 *   check ──▶ plan ─────────────────▶ build a report ──▶ print ──▶ record ──────────────▶ index
 *             .cache/bouw.json:         model (reads      PDFs      outputs by kind; files   index.html
 *             which reports changed,    recorded), page,            a kind no longer makes
 *             outdated, adopted         charts, open data           are removed
 *
 * Each step is a module of compile/ (check.ts, build.ts, print-queue.ts,
 * record.ts, index-page.ts; plan is output/plan.ts); this file only joins them.
 * Imports point down the stages only, domain/ at the bottom and cli/ on top
 * (scripts/layers.ts, test/layers.test.ts).
 *
 * Problems in user content are messages on the files (vfile); a build
 * produces its outputs in memory, and the caller writes them staged.
 */
import { join } from 'node:path'
import type { VFile } from 'vfile'
import { hasErrors } from './diagnostics/emit.js'
import { compareText } from './domain/order.js'
import type { Project } from './domain/project.js'
import { CACHE_FILE, emptyCache, sharedInputs, type OutputKind } from './output/cache.js'
import type { Output } from './output/outputs.js'
import { plan } from './output/plan.js'
import { adoptionOf, archivedOutputs, published, recordAdoptions, versionsOf } from './compile/adopt.js'
import { allYearsData } from './compile/all-years.js'
import { buildReports } from './compile/build.js'
import { check } from './compile/check.js'
import { indexPage } from './compile/index-page.js'
import { since, type CompileOptions } from './compile/options.js'
import { printQueue } from './compile/print-queue.js'
import { recordOutputs } from './compile/record.js'
import { chartDirs, DEFAULT_TEMPLATES, templateDir } from './compile/templates.js'

// compile() and check() are the pipeline's two ways in, with the types they take and give.
export { check, type Checked } from './compile/check.js'
export { checkReports } from './compile/build.js'
export type { CompileOptions, StageEvent } from './compile/options.js'
export type { Output } from './output/outputs.js'

export interface CompileResult {
  files: VFile[]
  outputs: Output
  /** Files of the adoption folder (vastgesteld/, paths relative to it) for the reports adopted or revised by this build; null removes one. */
  adoption: Output
  /** Report keys (the output folder of each report). */
  built: string[]
  /** Reports left as they were because nothing they were made from changed. */
  fresh: string[]
  project: Project | undefined
}

/** Build the reports of a project in memory; `adoption` holds what to write in the project's adoption folder (vastgesteld/). */
export async function compile(root: string, options: CompileOptions = {}): Promise<CompileResult> {
  const start = performance.now()
  const kinds = outputKinds(options)
  const adoptionOptions = { revise: options.revise, today: options.today ?? today(), record: kinds.includes('pdf') && kinds.includes('html'), ci: options.ci ?? false }
  const { files, project, loaded, adoption } = check(root, options.strict, options.years, adoptionOptions)
  const none = { files, outputs: new Map(), adoption: new Map(), built: [], fresh: [], project }
  if (!project || !adoption) return none
  options.onStage?.({ stage: 'controleren', ms: since(start) })
  const previous = options.cache ?? emptyCache()
  const shared = sharedInputs([templateDir(root), join(root, 'templates'), DEFAULT_TEMPLATES], chartDirs(root))
  const planned = plan(project, root, previous, shared, { years: options.years, kinds, all: options.all ?? false, archived: new Set(adoption.archived.keys()), adopting: adoption.adopting })
  files.push(...planned.files)
  if (hasErrors(files)) return none

  const printing = printQueue(options.printer, options.onStage)
  const made = await buildReports(planned.build, project, root, shared, files, options, printing.add, (key, adopted) => adoptionOf(key, adoption, adopted))
  const failed = await printing.finish()
  if (hasErrors(files)) return none
  if (failed) throw failed.reason
  const { outputs, cache } = recordOutputs(made, previous, kinds, planned.outdated)
  const records = recordAdoptions(root, adoption, made, project, outputs, cache)
  const archived = [...adoption.archived.keys()].filter((key) => !published(previous, key, root))
  archivedOutputs(root, adoption, cache, outputs)
  if (made.length === 0 && archived.length === 0) return { ...none, fresh: [...planned.fresh, ...adoption.archived.keys()] }
  outputs.set(CACHE_FILE, JSON.stringify(cache) + '\n')
  outputs.set('index.html', indexPage(project, cache, planned.outdated, (key) => versionsOf(key, adoption, undefined)))
  for (const [path, content] of allYearsData(project, loaded, (key, adopted) => adoptionOf(key, adoption, adopted))) outputs.set(path, content)
  const fresh = [...planned.fresh, ...[...adoption.archived.keys()].filter((key) => !archived.includes(key))]
  return { files, outputs, adoption: records, built: [...made.map((m) => m.report.key), ...archived].sort(compareText), fresh, project }
}

const outputKinds = (options: CompileOptions): OutputKind[] =>
  [...(options.html !== false ? ['html' as const] : []), ...(options.printer ? ['pdf' as const] : []), 'data']

const today = () => new Date().toISOString().slice(0, 10)
