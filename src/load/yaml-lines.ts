// The shape of each line of a block-style YAML file, as a person editing it
// sees it: how far it is indented and whether it is a key, a list item or
// loose text. The parser reports where it got stuck; these shapes say why.

export interface Line {
  /** 1-based line number. */
  no: number
  /** Offset of the first character in the file. */
  start: number
  text: string
  /** Number of plain spaces before the content. */
  indent: number
  /** The line after its indentation, without a trailing comment. */
  body: string
  shape: Shape
}

export type Shape =
  | { kind: 'blank' }
  /** Indented with a tab or another space than U+0020: the indentation cannot be judged. */
  | { kind: 'odd-indent' }
  | { kind: 'key'; key: string; value: string; valueColumn: number }
  | { kind: 'item'; rest: string; restIndent: number; inner: Shape }
  | { kind: 'text' }

export const splitLines = (text: string): Line[] => {
  const lines: Line[] = []
  let start = 0
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw
    const indent = /^ */.exec(line)![0].length
    const body = stripComment(line.slice(indent))
    lines.push({ no: i + 1, start, text: line, indent, body, shape: shapeOf(line, indent, body) })
    start += raw.length + 1
  }
  return lines
}

/** The line as if it were indented differently: how it is read once its indentation is corrected. */
export const atIndent = (line: Line, indent: number): Line =>
  ({ ...line, indent, shape: line.shape.kind === 'item' || line.shape.kind === 'key' ? contentShape(line.body, indent) : line.shape })

/** Text after `#` that follows whitespace is a comment, unless inside quotes. */
function stripComment(body: string): string {
  let quote = ''
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!
    if (quote) { if (c === quote) quote = '' }
    else if ((c === '"' || c === "'") && (i === 0 || /[\s:[{,]/.test(body[i - 1]!))) quote = c
    else if (c === '#' && (i === 0 || /\s/.test(body[i - 1]!))) return body.slice(0, i).trimEnd()
  }
  return body.trimEnd()
}

function shapeOf(line: string, indent: number, body: string): Shape {
  if (/^[\t\u00a0\u2000-\u200b\u202f\u3000]/.test(line.slice(indent)) && body) return { kind: 'odd-indent' }
  if (!body) return { kind: 'blank' }
  return contentShape(body, indent)
}

function contentShape(body: string, indent: number): Shape {
  if (body === '-' || body.startsWith('- ')) {
    const rest = body.slice(1).trimStart()
    const restIndent = indent + body.length - rest.length
    return { kind: 'item', rest, restIndent, inner: rest ? contentShape(rest, restIndent) : { kind: 'blank' } }
  }
  const colon = keyEnd(body)
  if (colon < 0) return { kind: 'text' }
  const after = body.slice(colon + 1)
  const value = after.trimStart()
  return { kind: 'key', key: body.slice(0, colon).trim().replace(/^(["'])(.*)\1$/, '$2'), value, valueColumn: indent + colon + 2 + after.length - value.length }
}

/** Index of the colon that ends an implicit key (`key:` followed by space or end), or -1. */
function keyEnd(body: string): number {
  const quoted = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*')\s*:(?=\s|$)/.exec(body)
  if (quoted) return quoted[0].length - 1
  if (/^[[{"'!&*|>%@`,?]/.test(body)) return -1
  return body.search(/:(?=\s|$)/)
}

/** A value that continues on more-indented lines without being quoted or bracketed. */
export const isPlainValue = (value: string): boolean => value !== '' && !/^["'[{|>&*!]/.test(value)

/** A key with nothing after the colon, or an item with nothing after the dash: a nested block follows. */
export const opensBlock = (shape: Shape): boolean =>
  // `key: value:` is a mistake (a colon in the value), but what follows is indented as under a key.
  (shape.kind === 'key' && (shape.value === '' || /^[|>][-+0-9]*$/.test(shape.value) || (isPlainValue(shape.value) && shape.value.endsWith(':')))) ||
  (shape.kind === 'item' && (shape.rest === '' || opensBlock(shape.inner)))
