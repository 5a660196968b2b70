import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { printParseErrorCode, visit } from 'jsonc-parser'
import type { VFile } from 'vfile'
import { jsonMistakeText, type JsonMistake } from '../diagnostics/catalogue.js'
import { emit } from '../diagnostics/emit.js'
import { compareText } from '../domain/order.js'
import { listValues, suggest } from '../diagnostics/suggest.js'
import { within, type Boundary } from '../load/inside.js'
import { readText } from '../load/read.js'
import { locate, parseYaml, type Path, type YamlSource } from '../load/yaml.js'
import { boxProblems, expressionProblems, type Expression } from './box.js'
import { validateVegaLite } from './vega-lite-schema.js'

export interface ChartSpec {
  name: string
  file: VFile
  spec: Record<string, unknown>
  title: string
  dataName: string
}

/**
 * Read every `<naam>.vl.json` of the charts folders in order: the standard
 * charts first, then the project's own, which add a chart or replace the
 * one with the same name. Problems are messages on the files.
 */
export function loadChartSpecs(dirs: readonly string[], datasetNames: readonly string[], boundary: Boundary): { specs: Map<string, ChartSpec>; broken: Set<string>; files: VFile[] } {
  const specs = new Map<string, ChartSpec>()
  const broken = new Set<string>()
  const files: VFile[] = []
  const paths = new Map<string, string>()
  for (const dir of dirs) {
    let names: string[] = []
    try { names = readdirSync(dir).filter((n) => n.endsWith('.vl.json')) } catch { /* no charts folder: no charts from it */ }
    for (const name of names) paths.set(name.slice(0, -'.vl.json'.length), join(dir, name))
  }
  for (const [chart, path] of [...paths].sort(([a], [b]) => compareText(a, b))) {
    const file = readText(path, boundary)
    files.push(file)
    // Strict JSON reads with JSON.parse; the YAML loader (JSON is YAML 1.2), slower, parses only to place a problem.
    const spec = checkJson(file) ? checkSpec(file, JSON.parse(String(file.value)) as unknown, datasetNames) : undefined
    if (spec) specs.set(chart, { ...spec, name: chart, file })
    else broken.add(chart)
  }
  return { specs, broken, files }
}

/** The kinds of mistake the catalogue words, by jsonc-parser's error names and the text found there. */
const MISTAKES: Record<Exclude<ReturnType<typeof printParseErrorCode>, '<unknown ParseErrorCode>'>, JsonMistake | ((found: string) => JsonMistake)> = {
  InvalidSymbol: (found) => (found.length === 1 ? 'unexpectedCharacter' : 'unexpectedText'),
  InvalidNumberFormat: 'invalidNumber',
  PropertyNameExpected: (found) => (found === '}' ? 'extraComma' : 'keyExpected'),
  ValueExpected: (found) => (found === ']' ? 'extraComma' : 'valueExpected'),
  ColonExpected: 'colonMissing',
  CommaExpected: 'commaMissing',
  CloseBraceExpected: 'braceMissing',
  CloseBracketExpected: 'bracketMissing',
  EndOfFileExpected: 'textAfterEnd',
  InvalidCommentToken: 'comment',
  UnexpectedEndOfComment: 'comment',
  UnexpectedEndOfString: 'stringNotClosed',
  UnexpectedEndOfNumber: 'numberEnds',
  InvalidUnicode: 'invalidUnicode',
  InvalidEscapeCharacter: 'invalidEscape',
  InvalidCharacter: 'controlCharacter',
}

/** The expressions of each spec that passed the other checks, for checkExpressions. */
const expressions = new WeakMap<VFile, Expression[]>()

/**
 * The expressions of a project's own specs (those in `dir`) checked against
 * Vega's expression language, which loads only for them, asynchronously; the
 * tool's own specs are its code. A spec with an expression Vega does not
 * allow is broken, with a message at the expression.
 */
export async function checkExpressions(charts: { specs: Map<string, ChartSpec>; broken: Set<string> }, dir: string): Promise<void> {
  for (const [name, chart] of charts.specs) {
    if (!within(dir, chart.file.path)) continue
    const problems = await expressionProblems(chart.spec, expressions.get(chart.file) ?? [])
    if (problems.length === 0) continue
    const source = parseYaml(chart.file, { plainNumbers: false })
    for (const problem of problems) emit(chart.file, problem.rule, problem.args, source && locate(source, problem.path))
    charts.specs.delete(name)
    charts.broken.add(name)
  }
}

/**
 * Strict JSON (no comments, no trailing commas, which the YAML loader would
 * let through), with the place and kind of the first mistake as the scanner
 * reports them: no reading of an engine's English error text.
 */
function checkJson(file: VFile): boolean {
  if (file.messages.length > 0) return false
  const text = String(file.value)
  let first: { kind: JsonMistake; found: string; line: number; column: number } | undefined
  // JSON.parse keeps the last of two equal keys without a word: the keys of each object seen so far.
  const keys: Set<string>[] = []
  let duplicate: { key: string; line: number; column: number } | undefined
  visit(text, {
    onError: (error, offset, length, line, column) => {
      if (first) return
      const found = text.slice(offset, offset + length)
      const code = printParseErrorCode(error) as keyof typeof MISTAKES
      const atEnd = offset >= text.trimEnd().length && code.endsWith('Expected')
      const kind = atEnd ? 'endOfFile' : MISTAKES[code]
      first = { kind: typeof kind === 'function' ? kind(found) : kind, found, line, column }
    },
    onObjectBegin: () => { keys.push(new Set()) },
    onObjectEnd: () => { keys.pop() },
    onObjectProperty: (key, _offset, _length, line, column) => {
      if (keys.at(-1)?.has(key)) duplicate ??= { key, line, column }
      keys.at(-1)?.add(key)
    },
  }, { disallowComments: true, allowTrailingComma: false })
  if (!first && duplicate) emit(file, 'yaml-dubbele-sleutel', { key: duplicate.key }, { start: { line: duplicate.line + 1, column: duplicate.column + 1 } })
  if (!first) return !duplicate
  emit(file, 'grafiek-json', { detail: jsonMistakeText(first.kind, first.found) }, { start: { line: first.line + 1, column: first.column + 1 } })
  return false
}

function checkSpec(file: VFile, value: unknown, datasetNames: readonly string[]): Omit<ChartSpec, 'name' | 'file'> | undefined {
  const spec = value as Record<string, unknown>
  // Parsed before the first message: the YAML loader reads no file that has one.
  let source: YamlSource | undefined
  // JSON numbers (1e3) are a chart author's, not a coördinator's: no plain-number check.
  const at = (path: Path) => (source ??= parseYaml(file, { plainNumbers: false })) && locate(source, path)
  const errors = validateVegaLite(String(file.value), spec)
  if (errors) {
    const error = errors[0]
    const path: Path = (error?.instancePath ?? '').split('/').slice(1)
    emit(file, 'grafiek-schema', { detail: `${error?.instancePath || '/'} ${error?.message ?? ''}`.trim() }, at(path))
    return undefined
  }
  for (const found of externalReferences(spec)) {
    emit(file, 'grafiek-extern', { what: found.what }, at(found.path))
  }
  const box = boxProblems(spec)
  for (const problem of box.problems) emit(file, problem.rule, problem.args as never, at(problem.path))
  const data = spec.data as { name?: unknown; url?: unknown } | undefined
  const dataName = typeof data?.name === 'string' ? data.name : ''
  if (data?.url === undefined && !datasetNames.includes(dataName)) {
    emit(file, 'grafiek-gegevens-onbekend', { name: dataName, suggestion: suggest(dataName, datasetNames), allowed: listValues(datasetNames) }, at(['data']))
  }
  if (file.messages.length > 0) return undefined
  expressions.set(file, box.expressions)
  const title = typeof spec.title === 'string' ? spec.title : typeof (spec.title as { text?: unknown })?.text === 'string' ? String((spec.title as { text: string }).text) : dataName
  return { spec, title, dataName }
}

/** Anything in a spec that would make vega fetch: data URLs, image marks, links. */
export function externalReferences(node: unknown, path: Path = []): { what: string; path: Path }[] {
  if (node === null || typeof node !== 'object') return []
  const found: { what: string; path: Path }[] = []
  for (const [key, value] of Object.entries(node)) {
    const here = [...path, key]
    if (key === 'url' && typeof value === 'string') found.push({ what: `het adres '${value}'`, path: here })
    else if (key === 'href') found.push({ what: 'een link (href)', path: here })
    else if ((key === 'mark' || key === 'type') && (value === 'image' || (value as { type?: unknown })?.type === 'image')) found.push({ what: 'een afbeelding (image-mark)', path: here })
    else found.push(...externalReferences(value, here))
  }
  return found
}
