import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { compareText } from '../domain/order.js'

export interface ReportOptions {
  /** Working folder that paths are shown relative to. */
  cwd: string
  color?: boolean
}

const label = (m: VFileMessage) => (m.fatal ? 'fout' : 'waarschuwing')

/** The source line with a caret under the column, and a label after the caret when given. */
function frameAt(file: VFile, line: number, column: number | undefined, width: number, label = ''): string[] {
  const text = String(file.value).split(/\r?\n/)[line - 1]
  if (text === undefined) return []
  const gutter = `${String(line).padStart(width)} | `
  const col = Math.max(1, column ?? 1)
  return [`  ${gutter}${text.replace(/\t/g, ' ')}`, `  ${' '.repeat(gutter.length + col - 1)}^${label ? ` ${label}` : ''}`]
}

/** The place of the message, and the related place its cause points at (where the parser noticed, the first key). */
function codeFrame(file: VFile, m: VFileMessage): string[] {
  if (!m.line || typeof file.value !== 'string') return []
  const other = m.cause instanceof VFileMessage && m.cause.line && m.cause.line !== m.line ? m.cause : undefined
  const width = String(Math.max(m.line, other?.line ?? 0)).length
  const frames = [{ line: m.line, column: m.column, label: '' }]
  if (other) frames.push({ line: other.line!, column: other.column ?? 1, label: other.reason })
  return frames.sort((a, b) => a.line - b.line).flatMap((f) => frameAt(file, f.line, f.column, width, f.label))
}

/** Messages in file order, each printed once: the same rule at the same place says the same thing. */
export function uniqueMessages(file: VFile): VFileMessage[] {
  const seen = new Set<string>()
  return [...file.messages]
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    .filter((m) => {
      const key = `${m.ruleId}:${m.line}:${m.column}:${m.reason}`
      return !seen.has(key) && Boolean(seen.add(key))
    })
}

/** Compiler-style text: `path:line:col  fout  reason  [rule]`, a code frame and the hint. */
export function formatMessages(files: readonly VFile[], options: ReportOptions): string {
  const lines: string[] = []
  const sorted = [...files].sort((a, b) => compareText(a.path ?? '', b.path ?? ''))
  for (const file of sorted) {
    for (const m of uniqueMessages(file)) {
      const where = `${displayPath(file, options.cwd)}${m.line ? `:${m.line}:${m.column ?? 1}` : ''}`
      lines.push(`${where}  ${label(m)}  ${m.reason}  [${m.ruleId ?? ''}]`)
      lines.push(...codeFrame(file, m))
      for (const note of (m.note ?? '').split('\n').filter(Boolean)) lines.push(`  → ${note}`)
    }
  }
  return lines.join('\n')
}

export function displayPath(file: VFile, cwd: string): string {
  const p = file.path ?? 'jaarverslag'
  return p.startsWith(cwd + '/') ? p.slice(cwd.length + 1) : p
}

export interface Summary { errors: number; warnings: number; files: number }

export function summarize(files: readonly VFile[]): Summary {
  let errors = 0
  let warnings = 0
  let withMessages = 0
  for (const f of files) {
    if (f.messages.length > 0) withMessages++
    for (const m of uniqueMessages(f)) m.fatal ? errors++ : warnings++
  }
  return { errors, warnings, files: withMessages }
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** "3 fouten, 1 waarschuwing in 2 bestanden" */
export function formatSummary(s: Summary): string {
  if (s.errors === 0 && s.warnings === 0) return 'Geen fouten of waarschuwingen.'
  return `${plural(s.errors, 'fout', 'fouten')}, ${plural(s.warnings, 'waarschuwing', 'waarschuwingen')} in ${plural(s.files, 'bestand', 'bestanden')}`
}

/** Machine-readable form for --json. */
export function toJson(files: readonly VFile[], cwd: string) {
  return files.flatMap((f) =>
    uniqueMessages(f).map((m) => ({
      file: displayPath(f, cwd),
      line: m.line ?? null,
      column: m.column ?? null,
      severity: label(m),
      ruleId: m.ruleId ?? null,
      message: m.reason,
    })),
  )
}
