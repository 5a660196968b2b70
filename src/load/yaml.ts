import {
  isAlias, isCollection, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit,
  type Document, type Node as YamlNode,
} from 'yaml'
import type { VFile } from 'vfile'
import { emit, type Place } from '../diagnostics/emit.js'
import { hiddenCharacter } from './read.js'
import { diagnose } from './yaml-cause.js'

/** A parsed YAML file that still knows where every value came from. */
export interface YamlSource {
  file: VFile
  doc: Document
  lines: LineCounter
  value: unknown
}

export const MAX_DEPTH = 32

export type Path = ReadonlyArray<string | number>

/** herkomst.intern, kengetallen[2].eenheid: a number is a place in a list, counted from 1 as people do; "2019" is a key. */
export const fieldName = (path: Path): string =>
  path.length === 0 ? 'het bestand' : path.map((p, i) => (typeof p === 'number' ? `[${p + 1}]` : `${i ? '.' : ''}${p}`)).join('')

/** The path to a node from the ancestors \`visit\` gives: the keys of maps, the positions in lists. */
function pathTo(ancestors: readonly unknown[], node: unknown): Path {
  return ancestors.flatMap((a, i): (string | number)[] => {
    if (isPair(a) && isScalar(a.key)) return [String(a.key.value)]
    if (isSeq(a)) return [a.items.indexOf((ancestors[i + 1] ?? node) as never)]
    return []
  })
}

export function placeOfRange(lines: LineCounter, range: readonly [number, number, ...number[]]): Place {
  const start = lines.linePos(range[0])
  const end = lines.linePos(range[1])
  return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } }
}

/**
 * Parse YAML 1.2 (core schema only) without expanding anything: a `%YAML`
 * directive, explicit tags, anchors and aliases, non-finite numbers and very
 * deep nesting are errors. Returns undefined when the file has errors.
 */
export function parseYaml(file: VFile, options: { plainNumbers?: boolean } = {}): YamlSource | undefined {
  const text = String(file.value)
  if (file.messages.length > 0) return undefined
  const lines = new LineCounter()
  if (text.split(/\r?\n/).every((l) => /^\s*(#.*)?$/.test(l))) {
    emit(file, 'bestand-leeg', {}, { start: { line: 1, column: 1 } })
    return undefined
  }
  if (tooDeep(text)) {
    emit(file, 'yaml-diepte', { max: MAX_DEPTH }, { start: { line: 1, column: 1 } })
    return undefined
  }
  const doc = parseDocument(text, {
    lineCounter: lines,
    version: '1.2',
    schema: 'core',
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
  })
  for (const f of diagnose(text, lines, doc.errors)) emit(file, f.ruleId, f.args, { start: f.at }, f.options)
  if (doc.directives?.yaml.explicit) {
    const line = text.split(/\r?\n/).findIndex((l) => l.startsWith('%YAML'))
    emit(file, 'yaml-versie', { found: text.split(/\r?\n/)[line]?.trim() ?? '%YAML' }, { start: { line: line + 1, column: 1 } })
  }
  if (!file.messages.some((m) => m.fatal)) checkNodes(file, doc, lines, options.plainNumbers ?? true)
  if (file.messages.some((m) => m.fatal)) return undefined
  return { file, doc, lines, value: doc.toJS({ maxAliasCount: 0 }) }
}

/** '1.234' copied from a Dutch spreadsheet: YAML reads the thousands dot as a decimal point (1,234). */
const THOUSANDS_DOT = /^[-+]?[1-9]\d{0,2}\.\d{3}$/

/**
 * A number as a coördinator writes it: decimal, no sign but a minus, no
 * leading zeros, no exponent. YAML also reads 0x1F, 0o17, +5, -0 and 1e3
 * as numbers, which nobody writing a count means.
 */
const PLAIN_NUMBER = /^(0|-?[1-9]\d*)(\.\d+)?$|^-?0\.\d+$/

const DECIMALS = new Intl.NumberFormat('en', { maximumSignificantDigits: 15, useGrouping: false })

/** The number in plain decimals, when that is short enough to write: 1e-320 is not. */
function plainly(value: number): string {
  const text = DECIMALS.format(Object.is(value, -0) ? 0 : value)
  return text.length <= 24 ? text : ''
}

function checkNodes(file: VFile, doc: Document, lines: LineCounter, plainNumbers: boolean): void {
  let aliasReported = false
  visit(doc, (_key, node, path) => {
    if (!isNode(node)) return undefined
    const place = node.range ? placeOfRange(lines, node.range) : undefined
    // One message for all anchors and aliases: an alias bomb has thousands.
    if ((isAlias(node) || node.anchor) && !aliasReported) {
      aliasReported = true
      emit(file, 'yaml-alias', {}, place)
    }
    if (isAlias(node)) return visit.SKIP
    if (node.tag) emit(file, 'yaml-tag', { tag: node.tag.replace('tag:yaml.org,2002:', '!!') }, place)
    if (isScalar(node) && typeof node.value === 'number' && !Number.isFinite(node.value)) {
      emit(file, 'getal-ongeldig', { found: String(node.source ?? node.value) }, place)
    }
    if (plainNumbers && isScalar(node) && typeof node.value === 'number' && Number.isFinite(node.value) && !PLAIN_NUMBER.test(node.source ?? '')) {
      emit(file, 'getal-schrijfwijze', { found: node.source ?? String(node.value), fixed: plainly(node.value) }, place)
    }
    if (isScalar(node) && typeof node.value === 'string') {
      // Typed in the file, readText has refused it already; written as an escape ("\u202E") it is somewhere in the quoted value.
      const hidden = hiddenCharacter(node.value)
      if (hidden) emit(file, 'tekst-onzichtbaar-teken', hidden.args, place)
    }
    if (isScalar(node) && typeof node.value === 'number' && THOUSANDS_DOT.test(node.source ?? '')) {
      const found = node.source!
      emit(file, 'getal-duizendtal', { field: fieldName(pathTo(path, node)), found, read: String(node.value).replace('.', ','), fixed: found.replace('.', '') }, place)
    }
    return undefined
  })
}

/** Bracket nesting is counted before parsing, so a pathological file never reaches the parser's recursion. */
function tooDeep(text: string): boolean {
  let depth = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c === 91 || c === 123) { if (++depth > MAX_DEPTH) return true }
    else if (c === 93 || c === 125) depth--
  }
  return false
}

/** The node at a path, and for maps the key node when asked for the key. */
export function locate(source: YamlSource, path: Path, which: 'value' | 'key' = 'value'): Place | undefined {
  let node: unknown = source.doc.contents
  let keyNode: unknown
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment))
      if (!pair) break
      keyNode = pair.key
      node = pair.value
    } else if (isCollection(node)) {
      node = node.get(Number(segment), true)
      keyNode = undefined
    } else break
  }
  const target = (which === 'key' && keyNode ? keyNode : node) as YamlNode | undefined
  if (target && isNode(target) && target.range) return placeOfRange(source.lines, target.range)
  return undefined
}
