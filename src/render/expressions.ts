import type { Root, Text } from 'mdast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { emit } from '../diagnostics/emit.js'
import { listValues, suggest } from '../diagnostics/suggest.js'
import { FILTERS, type Named } from './names.js'

const EXPRESSION = /\{\{([^{}]*)\}\}/g
const NAME = /^[a-z_][a-z0-9_]*(\.[a-z0-9_-]+)*$/

/**
 * Replace {{ name | filter }} in text with the formatted value, as text:
 * a value is never parsed as Markdown or HTML.
 */
export function replaceExpressions(tree: Root, file: VFile, names: ReadonlyMap<string, Named>): void {
  visit(tree, 'text', (node: Text) => {
    strayBraces(node, file)
    if (!node.value.includes('{{')) return
    // Whether the text tells a figure, or only refers to one that is unknown: sections follow it (see sections.ts).
    const mark = (tells: boolean) => { node.data = { ...node.data, ...(tells ? { cijfer: true } : { verwijzing: true }) } }
    node.value = node.value.replace(EXPRESSION, (whole, inner: string, offset: number) => {
      const place = placeIn(node, offset)
      const [rawName = '', ...filters] = inner.split('|').map((s) => s.trim())
      if (!NAME.test(rawName) || filters.some((f) => f === '')) {
        emit(file, 'sjabloon-expressie', { found: whole }, place)
        return whole
      }
      const named = names.get(rawName)
      if (!named) {
        emit(file, 'sjabloon-naam-onbekend', { name: rawName, suggestion: suggest(rawName, [...names.keys()]) }, place)
        return whole
      }
      if (named.kind === 'tekst') return named.value
      if (named.kind === 'zin') {
        mark(Boolean(named.said?.tellsFigure))
        if (filters.length > 0) emit(file, 'sjabloon-filter-onbekend', { name: filters[0]!, suggestion: '', allowed: 'geen: een zin uit zinnen.yaml krijgt geen filter' }, place)
        return named.said?.text ?? ''
      }
      mark(named.figure.current.state === 'known')
      const [filterName = 'waarde', arg] = (filters[0] ?? 'waarde').split(':').map((s) => s.trim())
      const filter = FILTERS[filterName]
      if (!filter || filters.length > 1) {
        const bad = filter ? filters[1]! : filterName
        emit(file, 'sjabloon-filter-onbekend', { name: bad, suggestion: suggest(bad, Object.keys(FILTERS)), allowed: listValues(Object.keys(FILTERS), 20) }, place)
        return whole
      }
      return filter(named.figure, arg)
    })
  })
}

/** A `{{` never closed or a `}}` never opened would be published as it is: an error at the brace. */
function strayBraces(node: Text, file: VFile): void {
  const rest = node.value.replace(EXPRESSION, (whole) => ' '.repeat(whole.length))
  for (const m of rest.matchAll(/\{\{|\}\}/g)) {
    const open = m[0] === '{{'
    emit(file, open ? 'sjabloon-niet-gesloten' : 'sjabloon-niet-geopend', { found: excerpt(node.value, m.index) }, placeIn(node, m.index))
  }
}

/** The words around a stray brace on its line, as the coördinator would look for them. */
function excerpt(text: string, at: number): string {
  const begin = text.lastIndexOf('\n', at - 1) + 1
  const line = text.slice(begin, (text.indexOf('\n', at) + 1 || text.length + 1) - 1)
  const from = Math.max(0, at - begin - 30)
  const to = Math.min(line.length, at - begin + 32)
  return `${from > 0 ? '…' : ''}${line.slice(from, to).trim()}${to < line.length ? '…' : ''}`
}

function placeIn(node: Text, offset: number) {
  const start = node.position?.start
  if (!start) return undefined
  const before = node.value.slice(0, offset)
  const lines = before.split('\n')
  const line = start.line + lines.length - 1
  const column = lines.length > 1 ? lines[lines.length - 1]!.length + 1 : start.column + offset
  return { start: { line, column } }
}
