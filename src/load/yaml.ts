import {
  isAlias, isCollection, isMap, isNode, isPair, isScalar, LineCounter, parseDocument, visit,
  type Document, type Node as YamlNode,
} from 'yaml'
import type { VFile } from 'vfile'
import { emit, type Place } from '../diagnostics/emit.js'

/** A parsed YAML file that still knows where every value came from. */
export interface YamlSource {
  file: VFile
  doc: Document
  lines: LineCounter
  value: unknown
}

export const MAX_DEPTH = 32

export type Path = ReadonlyArray<string | number>

export function placeOfRange(lines: LineCounter, range: readonly [number, number, ...number[]]): Place {
  const start = lines.linePos(range[0])
  const end = lines.linePos(range[1])
  return { start: { line: start.line, column: start.col }, end: { line: end.line, column: end.col } }
}

const YAML_ERRORS: Record<string, (file: VFile, text: string, place: Place) => void> = {
  TAB_AS_INDENT: (file, _t, place) => emit(file, 'yaml-tab', {}, place),
  DUPLICATE_KEY: (file, text, place) => emit(file, 'yaml-dubbele-sleutel', { key: text.replace(/^["']|["']$/g, '') }, place),
}

/**
 * Parse YAML 1.2 (core schema only) without expanding anything: a `%YAML`
 * directive, explicit tags, anchors and aliases, non-finite numbers and very
 * deep nesting are errors. Returns undefined when the file has errors.
 */
export function parseYaml(file: VFile): YamlSource | undefined {
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
  const before = file.messages.length
  for (const error of doc.errors) {
    const place = placeOfRange(lines, error.pos)
    const specific = YAML_ERRORS[error.code]
    if (specific) specific(file, text.slice(error.pos[0], error.pos[1]), place)
    else emit(file, 'yaml-syntaxis', { detail: firstLine(error.message) }, place)
  }
  if (doc.directives?.yaml.explicit) {
    const line = text.split(/\r?\n/).findIndex((l) => l.startsWith('%YAML'))
    emit(file, 'yaml-versie', { found: text.split(/\r?\n/)[line]?.trim() ?? '%YAML' }, { start: { line: line + 1, column: 1 } })
  }
  if (file.messages.length === before) checkNodes(file, doc, lines)
  if (file.messages.length > before) return undefined
  return { file, doc, lines, value: doc.toJS({ maxAliasCount: 0 }) }
}

function checkNodes(file: VFile, doc: Document, lines: LineCounter): void {
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      emit(file, 'yaml-alias', {}, node.range ? placeOfRange(lines, node.range) : undefined)
      return visit.SKIP
    }
    if (isNode(node)) {
      const place = node.range ? placeOfRange(lines, node.range) : undefined
      if (node.anchor) emit(file, 'yaml-alias', {}, place)
      if (node.tag) emit(file, 'yaml-tag', { tag: node.tag.replace('tag:yaml.org,2002:', '!!') }, place)
      if (isScalar(node) && typeof node.value === 'number' && !Number.isFinite(node.value)) {
        emit(file, 'getal-ongeldig', { found: String(node.source ?? node.value) }, place)
      }
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

const firstLine = (s: string) => (s.split('\n')[0] ?? s).replace(/ at line \d+, column \d+:?$/, '').trim()

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
