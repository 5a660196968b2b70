import type { VFile } from 'vfile'
import type { VFileMessage } from 'vfile-message'
import { compareText } from '../domain/order.js'

export interface ReportOptions {
  /** Working folder that paths are shown relative to. */
  cwd: string
  color?: boolean
}

const label = (m: VFileMessage) => (m.fatal ? 'fout' : 'waarschuwing')

function codeFrame(file: VFile, m: VFileMessage): string[] {
  if (!m.line || typeof file.value !== 'string') return []
  const text = file.value.split(/\r?\n/)[m.line - 1]
  if (text === undefined) return []
  const gutter = `${m.line} | `
  const col = Math.max(1, m.column ?? 1)
  return [
    `  ${gutter}${text.replace(/\t/g, ' ')}`,
    `  ${' '.repeat(gutter.length)}${' '.repeat(col - 1)}^`,
  ]
}

/** Compiler-style text: `path:line:col  fout  reason  [rule]`, a code frame and the hint. */
export function formatMessages(files: readonly VFile[], options: ReportOptions): string {
  const lines: string[] = []
  const sorted = [...files].sort((a, b) => compareText(a.path ?? '', b.path ?? ''))
  for (const file of sorted) {
    const messages = [...file.messages].sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
    )
    for (const m of messages) {
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
    for (const m of f.messages) m.fatal ? errors++ : warnings++
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
    f.messages.map((m) => ({
      file: displayPath(f, cwd),
      line: m.line ?? null,
      column: m.column ?? null,
      severity: label(m),
      ruleId: m.ruleId ?? null,
      message: m.reason,
    })),
  )
}
