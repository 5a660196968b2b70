import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { toolFingerprint } from '../package.js'
import { hashOf, hashTree } from '../hash.js'
import { changedReads, type Reads } from './reads.js'

/** Where the build remembers what it made from which inputs: inside the output, so the two never disagree. */
export const CACHE_FILE = '.cache/bouw.json'

/** The kinds of output a report has; each is made, kept or found out of date on its own. */
export const OUTPUT_KINDS = ['html', 'pdf', 'data'] as const
export type OutputKind = (typeof OUTPUT_KINDS)[number]

/**
 * What one report was made from: the files outside the data by content
 * (`tool`, `templates`, `charts`, included texts as `file:<path>`), and the
 * data as the reads the model and page made of it.
 */
export interface Inputs { files: Record<string, string>; reads: Reads }

export interface ReportRecord {
  /** Each kind of output: its files, and the inputs (by id in `inputs`) it was made from. */
  outputs: Partial<Record<OutputKind, { inputs: string; files: string[] }>>
  inputs: Record<string, Inputs>
}

export interface BuildCache { version: 2; reports: Record<string, ReportRecord> }

export const emptyCache = (): BuildCache => ({ version: 2, reports: {} })

export function readCache(outDir: string): BuildCache {
  try {
    const cache = JSON.parse(readFileSync(join(outDir, CACHE_FILE), 'utf8')) as BuildCache
    return cache.version === 2 ? cache : emptyCache()
  } catch {
    return emptyCache()
  }
}

/** The inputs every report shares: the tool, the template folders (the project's and the tool's) and the chart folders. */
export const sharedInputs = (templateDirs: readonly string[], chartDirs: readonly string[]): Record<string, string> =>
  ({ tool: toolFingerprint(), templates: hashOf(...[...new Set(templateDirs)].map((d) => hashTree(d))), charts: hashOf(...chartDirs.map((d) => hashTree(d))) })

/** A file a report included, by content; gone is a value of its own. */
export const fileInput = (path: string): string => (existsSync(path) ? hashOf(readFileSync(path)) : 'ontbreekt')

/** A stable id for a set of inputs, so outputs made together share one record. */
export const inputsId = (inputs: Inputs): string =>
  hashOf(JSON.stringify(Object.entries(inputs.files).sort()), JSON.stringify(Object.entries(inputs.reads).sort()))

/** What is no longer as it was: names of shared inputs and files, and the paths of reads. */
export interface Changes { files: string[]; reads: string[][] }

export function changesOf(inputs: Inputs, shared: Record<string, string>, project: object, root: string): Changes {
  const files = Object.entries(inputs.files)
    .filter(([name, before]) => (shared[name] ?? fileInput(join(root, name.replace(/^file:/, '')))) !== before)
    .map(([name]) => name)
  return { files, reads: changedReads(project, inputs.reads) }
}

export const unchanged = (c: Changes) => c.files.length === 0 && c.reads.length === 0
