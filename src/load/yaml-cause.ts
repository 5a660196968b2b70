import { Parser, type CST, type LineCounter, type YAMLError } from 'yaml'
import { FRAME, type ArgsOf, type RuleId } from '../diagnostics/catalogue.js'
import type { EmitOptions, Point } from '../diagnostics/emit.js'
import { atIndent, isPlainValue, opensBlock, splitLines, type Line, type Shape } from './yaml-lines.js'

// The yaml library says where reading got stuck, which is often lines after
// the mistake ("bad indentation" at the line after an unclosed brace). This
// module finds the mistake itself, the way a person reading the file would:
// the bracket or quote that is never closed, the line indented differently
// from its neighbours, the key without a colon. It reports one finding per
// mistake and folds the parser's errors that follow from it into that finding.

export interface Finding {
  ruleId: RuleId
  args: ArgsOf<RuleId>
  at: Point
  options: EmitOptions
}

const finding = <R extends RuleId>(ruleId: R, args: ArgsOf<R>, at: Point): Finding => ({ ruleId, args, at, options: {} })

/** Errors that say the structure broke somewhere before them; the others stand on their own. */
const STANDALONE = new Set(['TAB_AS_INDENT', 'BAD_DQ_ESCAPE', 'KEY_OVER_1024_CHARS', 'BAD_DIRECTIVE', 'MULTIPLE_DOCS'])

/** yaml's error codes in Dutch, for errors no cause was found for: what was found, so the hint can say what to do. */
const SYNTAX: Record<string, string> = {
  BAD_INDENT: 'de inspringing klopt niet',
  BLOCK_AS_IMPLICIT_KEY: 'een sleutel loopt over meer dan één regel of mist een dubbele punt',
  MULTILINE_IMPLICIT_KEY: 'een sleutel loopt over meer dan één regel of mist een dubbele punt',
  BLOCK_IN_FLOW: 'een lijst of groep tussen haakjes is niet goed afgesloten',
  MISSING_CHAR: 'er ontbreekt een afsluitend teken, zoals ] of } of een aanhalingsteken',
  UNEXPECTED_TOKEN: 'er staat een onverwacht teken',
  BAD_SCALAR_START: 'een waarde begint met een teken dat tussen aanhalingstekens moet (zoals @ of `)',
  BAD_DQ_ESCAPE: 'een backslash-code tussen dubbele aanhalingstekens is ongeldig',
  MULTIPLE_DOCS: 'het bestand bevat meer dan één document (---)',
  KEY_OVER_1024_CHARS: 'een sleutel is langer dan 1024 tekens',
  NON_STRING_KEY: 'een sleutel is geen gewone tekst',
  BAD_DIRECTIVE: 'een regel met % wordt niet begrepen',
}

const SELF_EVIDENT = new Set<RuleId>(['yaml-tab', 'yaml-vaste-spatie'])

interface Cause { finding: Finding; from: number; to: number }

/**
 * Findings for a YAML file: its mistakes at the place they were made, given
 * the parser's errors. Also problems the parser accepts but that silently
 * change the data (indentation with non-breaking spaces, `value#note`).
 */
export function diagnose(text: string, counter: LineCounter, errors: readonly YAMLError[]): Finding[] {
  const lines = splitLines(text)
  const point = (offset: number): Point => { const p = counter.linePos(offset); return { line: p.line, column: p.col } }
  // Scanned when first asked: a file without errors or suspect lines (most files) needs no scan.
  let scanned: Tokens | undefined
  const tokensOf = () => (scanned ??= scanTokens(text, point))
  const inside = (no: number) => tokensOf().spans.some(([from, to]) => no > from && no <= to)
  let starts: number[] | undefined
  const blocks = () => (starts ??= topLevelStarts(lines, inside))
  const blockStart = (no: number) => blocks().filter((s) => s <= no).at(-1) ?? 1
  const blockEnd = (no: number) => (blocks().find((s) => s > no) ?? Infinity) - 1
  const inBlock = (no: number): Pick<Cause, 'from' | 'to'> => ({ from: blockStart(no), to: blockEnd(no) })

  let causes: Cause[] = []
  // Always: these change the data without the parser noticing.
  for (const line of lines) {
    const odd = line.shape.kind === 'odd-indent' ? /^[ \t]*(?=[^\S \t])/.exec(line.text)?.[0].length ?? -1 : -1
    if (odd >= 0 && !inside(line.no)) causes.push({ finding: finding('yaml-vaste-spatie', {}, { line: line.no, column: odd + 1 }), ...inBlock(line.no) })
  }

  if (errors.length === 0) {
    return [...causes.map((c) => c.finding), ...hashWarnings(lines, inside)]
  }

  // A bracket or quote never closed, or a closing bracket that was never opened: after it nothing can be trusted.
  const broken = [...tokensOf().unclosed, ...strayClosers(text, errors, point)].sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column)
  const cutoff = broken[0]?.at.line ?? Infinity
  if (broken[0]) causes.push({ finding: broken[0], from: blockStart(cutoff), to: Infinity })
  const tabLines = new Set<number>()
  for (const error of errors.filter((e) => e.code === 'TAB_AS_INDENT')) {
    const at = point(error.pos[0])
    if (tabLines.has(at.line) || at.line > cutoff) continue
    tabLines.add(at.line)
    causes.push({ finding: finding('yaml-tab', {}, at), ...inBlock(at.line) })
  }
  const structural = errors
    .filter((e) => !STANDALONE.has(e.code))
    .map((e) => ({ code: e.code, at: point(e.pos[0]) }))
    .sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column)
  // A guess from the shape of the lines counts only where the parser also got stuck.
  // The first one in a block, that is: the others may follow from it. And the parser notices a mistake on its
  // line or the line after, never later: a guess more than a line below the first error there explains nothing.
  const guessed = new Set(causes.map((c) => c.from))
  for (const f of shapeFindings(lines, inside)) {
    // A list item or an indented line at the top makes the whole file a different kind of thing.
    const whole = (f.ruleId === 'yaml-lijstitem-in-groep' && f.at.column === 1) || ('like' in f.args && f.args.like === 0)
    const block = whole ? { from: blockStart(f.at.line), to: Infinity } : inBlock(f.at.line)
    const first = structural.find((e) => e.code !== 'DUPLICATE_KEY' && e.at.line >= block.from && e.at.line <= block.to)
    if (first && f.at.line < cutoff && f.at.line <= first.at.line + 1 && !guessed.has(block.from)) causes.push({ finding: f, ...block })
    guessed.add(block.from)
  }
  causes = causes.filter((c) => c.finding.at.line <= cutoff)
  causes.sort((a, b) => a.finding.at.line - b.finding.at.line || a.finding.at.column - b.finding.at.column)

  // Fold every structural error into a cause that explains it; what is left gets one plain message per block.
  const folded = new Map<Cause, Point[]>()
  for (const error of structural) {
    // The nearest cause at or before the error in its block, else the first one after it.
    const explaining = causes.filter((c) => error.at.line >= c.from && error.at.line <= c.to)
    let cause = explaining.filter((c) => c.finding.at.line <= error.at.line).at(-1) ?? explaining[0]
    if (!cause && error.code === 'DUPLICATE_KEY') {
      causes.push({ finding: duplicateKey(lines, error.at), from: error.at.line, to: error.at.line })
      continue
    }
    if (!cause) {
      cause = { finding: finding('yaml-syntaxis', { detail: SYNTAX[error.code] ?? 'de opbouw van het bestand klopt niet' }, error.at), ...inBlock(error.at.line) }
      causes.push(cause)
    }
    folded.set(cause, [...(folded.get(cause) ?? []), error.at])
  }
  for (const [cause, places] of folded) {
    const key = (p: Point) => `${p.line}:${p.column}`
    const distinct = [...new Set(places.map(key))].filter((k) => k !== key(cause.finding.at))
    const noticed = SELF_EVIDENT.has(cause.finding.ruleId) ? undefined : places.find((p) => key(p) === distinct[0])
    const atEnd = noticed && lines.slice(noticed.line - 1).every((l, i) => (i === 0 ? l.text.slice(noticed.column - 1) : l.text).trim() === '')
    // A tab or odd space is itself the place; elsewhere the frame also shows where reading got stuck.
    if (noticed) cause.finding.options.also = { place: noticed, label: atEnd ? FRAME.endOfFile : FRAME.noticed }
    const rest = distinct.length - (noticed ? 1 : 0)
    if (rest > 0) cause.finding.options.followOns = rest
  }

  const findings = causes.map((c) => c.finding)
  for (const error of errors.filter((e) => STANDALONE.has(e.code) && e.code !== 'TAB_AS_INDENT')) {
    const at = point(error.pos[0])
    if (at.line > cutoff) continue
    findings.push(finding('yaml-syntaxis', { detail: SYNTAX[error.code]! }, at))
  }
  return findings
}

/** Lines where a top-level entry starts: the blocks follow-on errors are kept within. */
function topLevelStarts(lines: readonly Line[], inside: (no: number) => boolean): number[] {
  return lines.filter((l) => l.indent === 0 && !inside(l.no) && ['key', 'item', 'text'].includes(l.shape.kind)).map((l) => l.no)
}

interface Tokens {
  /** Brackets and quotes that are never closed, in file order. */
  unclosed: Finding[]
  /** Line ranges of multi-line quoted text, bracketed collections and block text: their inner lines are not shaped like block YAML. */
  spans: Array<[number, number]>
}

const KIND = { '[': ['lijst', ']'], '{': ['groep', '}'], '"': ['tekst', '"'], "'": ['tekst', "'"] } as const

function scanTokens(text: string, point: (offset: number) => Point): Tokens {
  const out: Tokens = { unclosed: [], spans: [] }
  const visit = (token: CST.Token | null | undefined): void => {
    if (!token) return
    if (token.type === 'document') return visit(token.value)
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      for (const item of token.items) { visit(item.key); visit(item.value) }
    }
    let open: keyof typeof KIND
    let closed: boolean
    let end: number
    if (token.type === 'flow-collection') {
      open = token.start.source as '[' | '{'
      closed = token.end.some((t) => t.type === 'flow-map-end' || t.type === 'flow-seq-end')
      end = token.end.at(-1)?.offset ?? token.offset
    } else if (token.type === 'double-quoted-scalar' || token.type === 'single-quoted-scalar') {
      open = token.source[0] as '"' | "'"
      closed = quoteClosed(token.source)
      end = token.offset + token.source.length - 1
    } else {
      if (token.type === 'block-scalar') out.spans.push([point(token.offset).line, point(token.offset + token.source.length).line])
      return
    }
    const [kind, close] = KIND[open]
    const at = point(token.offset)
    if (!closed) { out.unclosed.push(finding('yaml-niet-gesloten', { kind, open, close }, at)); return }
    out.spans.push([at.line, point(end).line])
  }
  for (const token of new Parser().parse(text)) visit(token)
  out.unclosed.sort((a, b) => a.at.line - b.at.line || a.at.column - b.at.column)
  return out
}

/** `]` or `}` where no list or group is open: the parser reads no further. */
function strayClosers(text: string, errors: readonly YAMLError[], point: (offset: number) => Point): Finding[] {
  return errors
    .filter((e) => e.code === 'UNEXPECTED_TOKEN' && (text[e.pos[0]] === ']' || text[e.pos[0]] === '}'))
    .map((e) => {
      const close = text[e.pos[0]] as ']' | '}'
      const open = close === ']' ? '[' : '{'
      return finding('yaml-niet-geopend', { kind: KIND[open][0], open, close }, point(e.pos[0]))
    })
}

/** A quoted scalar is closed when it ends in its quote, not escaped (`\"`, or `''` inside single quotes). */
function quoteClosed(source: string): boolean {
  const quote = source[0]!
  if (source.length < 2 || !source.endsWith(quote)) return false
  const run = (re: RegExp) => re.exec(source.slice(1))![0].length
  return quote === '"' ? run(/\\*"$/) % 2 === 1 : run(/'+$/) % 2 === 1
}

interface Level { indent: number; lines: Line[]; last: number }

/** Indentation, colon and dash mistakes, found from the shapes of the lines alone. */
function shapeFindings(lines: readonly Line[], inside: (no: number) => boolean): Finding[] {
  const out: Finding[] = []
  const stack: Level[] = []
  let prev: Shape | undefined
  let prevLine: Line | undefined
  const close = (level: Level) => out.push(...mixedLevel(level))
  const listBelow = (from: number) => { for (let j = from; j >= 0; j--) if (stack[j]!.lines.some(isItem)) return j; return -1 }
  const enter = (indent: number, line: Line, shape: Shape) => {
    const level: Level = { indent, lines: [], last: line.no }
    stack.push(level)
    add(level, line, shape)
  }
  const add = (level: Level, line: Line, shape: Shape) => {
    level.lines.push(line)
    level.last = line.no
    if (shape.kind === 'key') out.push(...strayColon(line, shape))
    // The key after `- ` starts a mapping inside the item.
    if (shape.kind === 'item' && shape.inner.kind !== 'blank') enter(shape.restIndent, { ...line, indent: shape.restIndent, shape: shape.inner }, shape.inner)
  }
  for (const line of lines) {
    const shape = line.shape
    if (shape.kind === 'blank' || shape.kind === 'odd-indent' || inside(line.no)) continue
    let top = stack.at(-1)
    if (!top) {
      if (line.indent > 0) out.push(indentation(line, 0, 0))
      enter(0, line, shape)
      prev = shape
      prevLine = line
      continue
    }
    if (line.indent > top.indent) {
      const opener = prevLine && sectionMistake(prevLine, shape)
      if (prev && opensBlock(prev)) enter(line.indent, line, shape)
      else if (shape.kind === 'text' && prev && continues(prev)) continue
      else if (opener) {
        // The line above meant to open this block: the mistake is there, and this line is where it should be.
        out.push(opener)
        enter(line.indent, line, shape)
      } else {
        // An item indented too far belongs to the list it continues, not to the keys of the item before it.
        const list = shape.kind === 'item' && !top.lines.some(isItem) ? listBelow(stack.length - 2) : -1
        while (list >= 0 && stack.length - 1 > list) close(stack.pop()!)
        top = stack.at(-1)!
        out.push(indentation(line, top.indent, top.last))
        add(top, atIndent(line, top.indent), atIndent(line, top.indent).shape)
      }
      prev = shape
      prevLine = line
      continue
    }
    // The deepest open level at or left of this line.
    let target = stack.length - 1
    while (target > 0 && stack[target]!.indent > line.indent) target--
    const below = stack[target]!
    const above = stack[target + 1]
    let here = line
    if (below.indent !== line.indent) {
      if (above && above.lines.length === 1 && below.indent < line.indent && line.indent === below.indent + 2) {
        // The first line of a block was off and this one has the usual two spaces more than the key: the first line is the mistake.
        const first = above.lines[0]!
        out.push(indentation(first, line.indent, line.no))
        above.indent = line.indent
        target++
      } else {
        // Between two levels: it belongs to the one with lines like it (items or keys), else the nearer one, the deeper on a tie.
        if (above && belongsAbove(line, below, above)) target++
        out.push(indentation(line, stack[target]!.indent, stack[target]!.last))
        here = atIndent(line, stack[target]!.indent)
      }
    }
    const keys = stack[target]!
    if (here === line && shape.kind === 'item' && !(prev && opensBlock(prev)) && keys.indent === line.indent && !keys.lines.some(isItem)) {
      const list = listBelow(target - 1)
      if (list >= 0) {
        target = list
        out.push(indentation(line, stack[list]!.indent, stack[list]!.last))
        here = atIndent(line, stack[list]!.indent)
      }
    }
    while (stack.length - 1 > target) close(stack.pop()!)
    top = stack.at(-1)!
    if (prev && opensBlock(prev) && shape.kind === 'item' && top.lines.at(-1)?.shape.kind === 'key' && top.indent === line.indent) {
      // `key:` followed by `- item` at the same indentation: a list as the key's value.
      enter(line.indent, line, shape)
    } else {
      if (shape.kind === 'key' && top.lines.every((l) => l.shape.kind === 'item') && stack.at(-2)?.indent === here.indent) {
        close(stack.pop()!)
        top = stack.at(-1)!
      }
      add(top, here, here.shape)
    }
    prev = shape
    prevLine = line
  }
  for (const level of stack.reverse()) close(level)
  return out
}

const isItem = (line: Line) => line.shape.kind === 'item'

/**
 * A more-indented block under a line that cannot open one: \`regeling\`
 * without its colon, or \`kengetallen: []\` (an empty list) with the items
 * below it. The message goes to that line, not to the block.
 */
function sectionMistake(above: Line, shape: Shape): Finding | undefined {
  if (shape.kind !== 'key' && shape.kind !== 'item') return undefined
  const own = above.shape.kind === 'item' ? above.shape.inner : above.shape
  const indent = above.shape.kind === 'item' ? above.shape.restIndent : above.indent
  if (own.kind === 'text' && !/\s/.test(above.body.trim())) {
    return finding('yaml-dubbele-punt-ontbreekt', { found: above.body.trim(), expected: `${above.body.trim()}:` }, { line: above.no, column: indent + 1 })
  }
  if (own.kind === 'key' && /^(\[\s*\]|\{\s*\})$/.test(own.value)) {
    return finding('yaml-leeg-met-regels', { key: own.key, empty: own.value }, { line: above.no, column: own.valueColumn })
  }
  return undefined
}

function belongsAbove(line: Line, below: Level, above: Level): boolean {
  const like = (level: Level) => level.lines.some((l) => isItem(l) === isItem(line))
  if (like(above) !== like(below)) return like(above)
  return above.indent - line.indent <= line.indent - below.indent
}

/** A plain value can go on over more-indented lines. */
const continues = (shape: Shape): boolean =>
  shape.kind === 'text' || (shape.kind === 'key' && isPlainValue(shape.value)) || (shape.kind === 'item' && continues(shape.inner))

const indentation = (line: Line, expected: number, like: number) =>
  finding('yaml-inspringing', { found: line.indent, expected, like }, { line: line.no, column: line.indent + 1 })

/** A level with keys is a mapping: its loose text lacks a colon, and a minority of `- ` items is wrong. */
function mixedLevel(level: Level): Finding[] {
  const keys = level.lines.filter((l) => l.shape.kind === 'key').length
  if (keys === 0) return []
  const items = level.lines.filter((l) => l.shape.kind === 'item')
  const out: Finding[] = []
  for (const line of level.lines) {
    const at = { line: line.no, column: line.indent + 1 }
    if (line.shape.kind === 'text') {
      const glued = /^([^:]*[^:\s]):(\S.*)$/.exec(line.body)
      if (glued) out.push(finding('yaml-spatie-na-dubbele-punt', { found: line.body, expected: `${glued[1]}: ${glued[2]}` }, { line: line.no, column: line.indent + glued[1]!.length + 1 }))
      else {
        const split = /^(.*\S)\s+(\S+)$/.exec(line.body)
        out.push(finding('yaml-dubbele-punt-ontbreekt', { found: line.body, expected: split ? `${split[1]}: ${split[2]}` : `${line.body}:` }, at))
      }
    }
    if (line.shape.kind === 'item' && items.length <= keys) out.push(finding('yaml-lijstitem-in-groep', { found: line.body, expected: line.shape.rest }, at))
  }
  return out
}

/** `key: a: b` — the second `: ` in an unquoted value starts a nested key, which YAML refuses on one line. */
function strayColon(line: Line, shape: Extract<Shape, { kind: 'key' }>): Finding[] {
  if (!isPlainValue(shape.value)) return []
  const colon = shape.value.search(/:(?=\s|$)/)
  if (colon < 0) return []
  return [finding('yaml-dubbele-punt-in-waarde', { key: shape.key, value: shape.value.replace(/"/g, '\\"') }, { line: line.no, column: shape.valueColumn + colon })]
}

/** `key: value#note` is valid YAML, but the note becomes part of the value. */
function hashWarnings(lines: readonly Line[], inside: (no: number) => boolean): Finding[] {
  const out: Finding[] = []
  for (const line of lines) {
    const shape = line.shape.kind === 'item' ? line.shape.inner : line.shape
    if (shape.kind !== 'key' || !isPlainValue(shape.value)) continue
    const hash = shape.value.indexOf('#')
    if (hash > 0 && !inside(line.no)) out.push(finding('yaml-hekje-in-waarde', { key: shape.key, value: shape.value }, { line: line.no, column: shape.valueColumn + hash }))
  }
  return out
}

/** The second occurrence of a key, with the first one as the other place in the frame. */
function duplicateKey(lines: readonly Line[], at: Point): Finding {
  const line = lines[at.line - 1]!
  const shape = line.shape.kind === 'item' ? line.shape.inner : line.shape
  const key = shape.kind === 'key' ? shape.key : line.body
  const result = finding('yaml-dubbele-sleutel', { key }, at)
  let first: Line | undefined
  for (const l of lines.slice(0, at.line - 1).reverse()) {
    if (l.shape.kind === 'blank' || l.indent > line.indent) continue
    if (l.indent < line.indent) break
    if (l.shape.kind === 'key' && l.shape.key === key) { first = l; break }
  }
  if (first) result.options.also = { place: { line: first.no, column: first.indent + 1 }, label: FRAME.firstKey }
  return result
}
