import { readFileSync, statSync } from 'node:fs'
import { relative } from 'node:path'
import { VFile } from 'vfile'
import { emit } from '../diagnostics/emit.js'
import { fixed } from '../format/nl.js'
import { inside, type Boundary } from './inside.js'

/** Whole-file problems point at the start of the file. */
const START = { start: { line: 1, column: 1 } }

/** Data and prose files are small; anything bigger is a mistake, not a report. */
export const MAX_FILE_BYTES = 1024 * 1024

const formatSize = (n: number) => `${fixed(n / 1024 / 1024, 1)} MB`

/**
 * Read a text file of a project into a VFile, refusing what lies outside
 * the boundary (see inside.ts) and what is not small UTF-8 text.
 * Problems are messages on the returned file; `value` is then ''.
 */
export function readText(path: string, boundary: Boundary): VFile {
  const file = new VFile({ path, value: '' })
  const found = inside(boundary, path)
  if ('target' in found) {
    emit(file, 'bestand-buiten-project', { link: relative(boundary[0]!, found.link ?? path), target: found.target }, START)
    return file
  }
  let bytes: Buffer
  try {
    const size = statSync(path).size
    if (size > MAX_FILE_BYTES) {
      emit(file, 'bestand-te-groot', { size: formatSize(size), max: formatSize(MAX_FILE_BYTES) }, START)
      return file
    }
    bytes = readFileSync(path)
  } catch (error) {
    emit(file, 'bestand-onleesbaar', { detail: (error as NodeJS.ErrnoException).code ?? String(error) })
    return file
  }
  const text = decode(file, bytes)
  const hidden = hiddenCharacter(text)
  if (hidden) emit(file, 'tekst-onzichtbaar-teken', hidden.args, { start: positionOf(text, hidden.index) })
  else file.value = text
  return file
}

/**
 * Characters that change how text reads without being seen: controls other
 * than tab and line ends (escape sequences colour or erase a terminal), and
 * the bidirectional ones that reorder a line ('Trojan Source').
 */
const HIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/

/** The first hidden character in a text: where, and the arguments of its message. */
export function hiddenCharacter(text: string): { index: number; args: { what: string; code: string } } | undefined {
  const match = HIDDEN.exec(text)
  if (!match) return undefined
  const code = match[0].charCodeAt(0)
  const what = code === 0x1b ? 'een escape-teken' : code < 0x200 ? 'een stuurteken' : 'een teken dat de schrijfrichting omkeert'
  return { index: match.index, args: { what, code: code.toString(16).toUpperCase().padStart(4, '0') } }
}

/** Line and column (from 1) of an index in a text. */
export function positionOf(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index).split(/\r\n|\r|\n/)
  return { line: before.length, column: before.at(-1)!.length + 1 }
}

export function decode(file: VFile, bytes: Buffer): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    emit(file, 'bestand-codering', { found: 'UTF-16' }, START)
    return ''
  }
  if (bytes.includes(0)) {
    emit(file, 'bestand-binair', {}, START)
    return ''
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes)
  if (text.includes('\uFFFD')) {
    emit(file, 'bestand-codering', { found: 'een andere codering dan UTF-8 (bijvoorbeeld Windows-1252)' }, START)
    return ''
  }
  // A UTF-8 byte order mark is harmless: editors on Windows add it.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}
