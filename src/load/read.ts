import { readFileSync, statSync } from 'node:fs'
import { VFile } from 'vfile'
import { emit } from '../diagnostics/emit.js'
import { fixed } from '../format/nl.js'

/** Whole-file problems point at the start of the file. */
const START = { start: { line: 1, column: 1 } }

/** Data and prose files are small; anything bigger is a mistake, not a report. */
export const MAX_FILE_BYTES = 1024 * 1024

const formatSize = (n: number) => `${fixed(n / 1024 / 1024, 1)} MB`

/**
 * Read a text file into a VFile, refusing what is not small UTF-8 text.
 * Problems are messages on the returned file; `value` is then ''.
 */
export function readText(path: string): VFile {
  const file = new VFile({ path, value: '' })
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
  file.value = decode(file, bytes)
  return file
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
