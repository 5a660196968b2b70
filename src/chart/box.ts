import type { Path } from '../load/yaml.js'
import { registerExpressionFunctions } from './expressions.js'

/**
 * The box a chart spec is drawn in, checked before drawing: a project's own
 * spec comes from a pull request as much as its data. Expressions use only
 * Vega's expression language (its own whitelist of functions, no method
 * calls), sizes stay within a printed page, and style values are colours,
 * never references (url(...)) a reader's browser would fetch. Drawing itself
 * has a time and memory limit besides (see worker.ts).
 */

/** Largest width, height or band step, in pixels: twice an A4 page at screen resolution. */
export const MAX_PIXELS = 2000
/** Largest number of rows a spec may generate itself (data.sequence) or bins, marks or ticks it may ask for. */
export const MAX_GENERATED = 10_000

export type BoxProblem =
  | { rule: 'grafiek-expressie'; args: { expression: string; problem: string }; path: Path }
  | { rule: 'grafiek-te-groot'; args: { field: string; found: string; max: string }; path: Path }
  | { rule: 'grafiek-stijl'; args: { field: string; found: string }; path: Path }

/** Keys whose text is a Vega expression; filter and test also take and/or/not of expressions. */
const EXPRESSION_KEYS = new Set(['expr', 'calculate', 'labelExpr', 'filter', 'test', 'update'])
const SIZE_KEYS = new Set(['width', 'height', 'step', 'continuousWidth', 'continuousHeight', 'discreteWidth', 'discreteHeight'])
const COUNT_KEYS = new Set(['maxbins', 'tickCount', 'count'])
const STYLE_KEYS = new Set(['color', 'fill', 'stroke', 'background', 'stopColor', 'gridColor', 'domainColor', 'tickColor', 'labelColor', 'titleColor', 'strokeColor'])
/** Signals a spec's expressions may read besides its own params. */
const BUILTIN_SIGNALS = new Set(['width', 'height', 'padding', 'autosize', 'background'])
const FORBIDDEN_MEMBERS = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__'])

/** A CSS colour: a name, #rgb(a), #rrggbb(aa), or rgb()/rgba()/hsl()/hsla() with numbers. */
const COLOUR = /^(?:[a-z]{3,20}|#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})|(?:rgba?|hsla?)\(\s*[-+0-9.%]+(?:\s*[,\s/]\s*[-+0-9.%]+(?:deg)?){2,3}\s*\))$/i

const fieldName = (path: Path) => path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${p}`)).join('')

/** Sizes and style values; the expressions, for `expressionProblems`. */
export function boxProblems(spec: unknown): { problems: BoxProblem[]; expressions: Expression[] } {
  const problems: BoxProblem[] = []
  const expressions: Expression[] = []
  const visit = (node: unknown, path: Path, key: string | undefined): void => {
    if (typeof node === 'string') {
      if (key !== undefined && EXPRESSION_KEYS.has(key)) expressions.push({ text: node, path })
      else if (/url\s*\(/i.test(node) || (key !== undefined && STYLE_KEYS.has(key) && !COLOUR.test(node.trim()))) {
        problems.push({ rule: 'grafiek-stijl', args: { field: fieldName(path), found: node }, path })
      }
      return
    }
    if (typeof node === 'number') {
      if (key !== undefined && SIZE_KEYS.has(key) && node > MAX_PIXELS) problems.push({ rule: 'grafiek-te-groot', args: { field: fieldName(path), found: String(node), max: `${MAX_PIXELS} pixels` }, path })
      if (key !== undefined && COUNT_KEYS.has(key) && node > MAX_GENERATED) problems.push({ rule: 'grafiek-te-groot', args: { field: fieldName(path), found: String(node), max: String(MAX_GENERATED) }, path })
      return
    }
    if (node === null || typeof node !== 'object') return
    if (key === 'sequence' && !Array.isArray(node)) {
      const { start = 0, stop = 0, step = 1 } = node as { start?: unknown; stop?: unknown; step?: unknown }
      const count = (Number(stop) - Number(start)) / Number(step)
      if (!(Math.abs(count) <= MAX_GENERATED)) problems.push({ rule: 'grafiek-te-groot', args: { field: `${fieldName(path)} (aantal rijen)`, found: String(Math.round(count)), max: String(MAX_GENERATED) }, path })
    }
    // and/or/not of a filter or condition are expressions too.
    const inherit = key !== undefined && EXPRESSION_KEYS.has(key) ? key : undefined
    for (const [k, value] of Object.entries(node)) {
      const logical = inherit && (Array.isArray(node) || ['and', 'or', 'not'].includes(k))
      visit(value, [...path, Array.isArray(node) ? Number(k) : k], logical ? inherit : k)
    }
  }
  visit(spec, [], undefined)
  return { problems, expressions }
}

export interface Expression { text: string; path: Path }

/** The expressions of a spec that Vega's expression language does not allow. */
export async function expressionProblems(spec: unknown, expressions: readonly Expression[]): Promise<BoxProblem[]> {
  if (expressions.length === 0) return []
  const vega = await vegaExpressions()
  const params = new Set<string>()
  collectParams(spec, params)
  return expressions.flatMap(({ text, path }) => {
    const problem = expressionProblem(vega, text, params)
    return problem ? [{ rule: 'grafiek-expressie' as const, args: { expression: text, problem }, path }] : []
  })
}

function collectParams(node: unknown, into: Set<string>): void {
  if (node === null || typeof node !== 'object') return
  const params = (node as { params?: unknown }).params
  if (Array.isArray(params)) for (const p of params) if (typeof (p as { name?: unknown })?.name === 'string') into.add((p as { name: string }).name)
  for (const value of Object.values(node)) collectParams(value, into)
}

interface Vega {
  parse: (text: string) => Node
  generate: typeof import('vega-functions').codeGenerator
}
interface Node { type: string; [key: string]: unknown }

let loaded: Promise<Vega> | undefined
/** Vega's own parser and code generator, loaded the first time an expression is checked. */
function vegaExpressions(): Promise<Vega> {
  loaded ??= (async () => {
    const [{ parseExpression }, { codeGenerator }] = await Promise.all([import('vega-expression'), import('vega-functions'), registerExpressionFunctions()])
    return { parse: parseExpression as unknown as Vega['parse'], generate: codeGenerator }
  })()
  return loaded
}

/**
 * What is wrong with an expression, in Dutch, or undefined: parsed by
 * Vega's parser, its calls checked against Vega's own function table, and
 * then generated as Vega would, so nothing passes here that fails there.
 */
function expressionProblem({ parse, generate }: Vega, text: string, params: ReadonlySet<string>): string | undefined {
  let ast: Node
  try { ast = parse(text) } catch { return 'is geen geldige expressie' }
  const found = walk(ast, generate.functions)
  if (found) return found
  let globals: string[]
  try { globals = generate(ast).globals } catch { return 'gebruikt iets wat Vega\'s expressietaal niet toestaat' }
  const unknown = globals.find((name) => !params.has(name) && !BUILTIN_SIGNALS.has(name))
  return unknown === undefined ? undefined : `gebruikt de naam '${unknown}', die in de grafiek niet bestaat`
}

function walk(node: unknown, functions: Record<string, unknown>): string | undefined {
  if (node === null || typeof node !== 'object') return undefined
  const n = node as Node
  if (n.type === 'CallExpression') {
    const callee = n.callee as Node
    if (callee.type !== 'Identifier') return 'roept een functie aan via een eigenschap (zoals x.f()); alleen functies van Vega\'s expressietaal zijn toegestaan'
    const name = String(callee.name)
    if (!Object.hasOwn(functions, name)) return `gebruikt de functie '${name}', die Vega's expressietaal niet kent`
  }
  if (n.type === 'MemberExpression') {
    const property = n.property as Node
    const name = n.computed ? (property.type === 'Literal' ? String(property.value) : undefined) : String(property.name)
    if (name !== undefined && FORBIDDEN_MEMBERS.has(name)) return `leest de eigenschap '${name}', die niet is toegestaan`
  }
  for (const value of Object.values(n)) {
    const found = Array.isArray(value) ? value.map((v) => walk(v, functions)).find(Boolean) : walk(value, functions)
    if (found) return found
  }
  return undefined
}
