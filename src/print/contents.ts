import { deflateSync, inflateSync } from 'node:zlib'
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, decodePDFRawStream, type PDFObject } from 'pdf-lib'
import type { Page, PdfFile } from './pdf-file.js'
import { DIGIT_EM } from '../render/text-width.js'
import { BODY_MARGIN_PT, PAGE_MARGIN_MM, PRINT_TEXT_PT, TEXT_COLOUR } from '../render/style.js'

const MM = 72 / 25.4
/** Noto Sans' descent below the baseline, in em: a link's box runs from there up. */
const DESCENT = 0.293

const ENTRIES = /<nav class="inhoud"[^>]*>([\s\S]*?)<\/nav>/

/** The chapters the table of contents links to, in its order (the ids, without "#"). */
export function contentsTargets(html: string): string[] {
  const nav = ENTRIES.exec(html)?.[1] ?? ''
  return [...nav.matchAll(/<a href="#([^"]+)"/g)].map((m) => m[1]!)
}

const nameOf = (o: PDFObject | undefined) =>
  o instanceof PDFName ? o.decodeText() : o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined

/** Page index of each named destination (Chromium writes them in the catalog's /Dests). */
function destinationPages(pdf: PdfFile, all: readonly Page[]): Map<string, number> {
  const index = new Map(all.map((p, i) => [p.ref.toString(), i]))
  const pages = new Map<string, number>()
  const dests = pdf.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict)
  for (const [name, value] of dests?.entries() ?? []) {
    const dest = pdf.context.lookup(value)
    const array = dest instanceof PDFDict ? dest.lookup(PDFName.of('D')) : dest
    const page = array instanceof PDFArray ? array.get(0) : undefined
    const at = page instanceof PDFRef ? index.get(page.toString()) : undefined
    if (at !== undefined) pages.set(name.decodeText(), at)
  }
  return pages
}

/** The codes of the digits 0–9 in a font, from its ToUnicode map (the subset holds the digits the document uses). */
function digitCodes(font: PDFDict): (string | undefined)[] {
  const map = font.lookup(PDFName.of('ToUnicode'))
  if (!(map instanceof PDFRawStream)) return []
  // Node's zlib: pdf-lib's own inflate, in JavaScript, took longer than the rest of this step.
  const flate = String(map.dict.get(PDFName.of('Filter'))) === '/FlateDecode'
  const text = Buffer.from(flate ? inflateSync(map.getContents()) : decodePDFRawStream(map).decode()).toString('latin1')
  const codes = new Map<number, string>()
  for (const [, body] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, unicode] of body!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) codes.set(parseInt(unicode!, 16), code!)
  }
  for (const [, body] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, unicode] of body!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const start = parseInt(from!, 16)
      for (let c = start; c <= parseInt(to!, 16); c++) codes.set(parseInt(unicode!, 16) + c - start, c.toString(16).padStart(from!.length, '0'))
    }
  }
  return Array.from({ length: 10 }, (_, d) => codes.get(0x30 + d))
}

/**
 * The page's regular (not bold) font that has the digits of these numbers.
 * Page k's footer says "pagina k": every page number's digits are in the
 * regular font's subset.
 */
function digitFont(pdf: PdfFile, page: Page, numbers: string[]): { name: string; digits: (string | undefined)[] } | undefined {
  const needed = [...new Set(numbers.join(''))].map(Number)
  const fonts = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict)
  for (const [name, ref] of fonts?.entries() ?? []) {
    const font = pdf.context.lookup(ref)
    if (!(font instanceof PDFDict) || /Bold/i.test(String(font.get(PDFName.of('BaseFont'))))) continue
    const digits = digitCodes(font)
    if (needed.every((d) => digits[d] !== undefined)) return { name: name.decodeText(), digits }
  }
  return undefined
}

/**
 * Page numbers in the printed table of contents. Chromium has no CSS
 * target-counter(), and printing twice would double the PDF time; the PDF
 * knows where each chapter landed (its named destinations), so after the
 * one print each entry gets its page number, right-aligned in the text
 * column on the line of its link, in the report's own embedded font. The
 * numbers are a pagination artifact: a screen reader follows the links.
 * Without the font's digits the contents stay without numbers.
 */
export function numberContents(pdf: PdfFile, targets: readonly string[]): void {
  if (targets.length === 0) return
  const wanted = new Set(targets)
  const all = pdf.pages()
  const pages = destinationPages(pdf, all)
  for (const page of all) {
    // Per chapter the lowest box of its link: the number goes on the entry's last line.
    const lines = new Map<string, number>()
    for (const ref of page.node.Annots()?.asArray() ?? []) {
      const annotation = pdf.context.lookup(ref)
      if (!(annotation instanceof PDFDict)) continue
      const target = nameOf(annotation.get(PDFName.of('Dest')))
      const rect = annotation.lookup(PDFName.of('Rect'))
      if (!target || !wanted.has(target) || !pages.has(target) || !(rect instanceof PDFArray)) continue
      const bottom = (rect.get(1) as PDFNumber).asNumber()
      lines.set(target, Math.min(lines.get(target) ?? Infinity, bottom))
    }
    if (lines.size === 0) continue
    const entries = [...lines].map(([target, bottom]) => ({ number: String(pages.get(target)! + 1), bottom }))
    const font = digitFont(pdf, page, entries.map((e) => e.number))
    if (!font) continue
    const [, , width] = page.node.MediaBox().asArray().map((n) => (n as PDFNumber).asNumber())
    const right = width! - PAGE_MARGIN_MM.right * MM - BODY_MARGIN_PT
    const shown = entries.map(({ number, bottom }) => {
      const x = right - number.length * DIGIT_EM * PRINT_TEXT_PT
      const y = bottom + DESCENT * PRINT_TEXT_PT
      return `BT\n/${font.name} ${PRINT_TEXT_PT} Tf\n1 0 0 1 ${x.toFixed(3)} ${y.toFixed(3)} Tm\n<${[...number].map((d) => font.digits[Number(d)]).join('')}> Tj\nET`
    })
    const [r, g, b] = [1, 3, 5].map((i) => (parseInt(TEXT_COLOUR.slice(i, i + 2), 16) / 255).toFixed(4))
    // The page's own content may leave the graphics state changed: it is wrapped in q … Q first.
    const operators = `/Artifact <</Type /Pagination>> BDC\n${r} ${g} ${b} rg\n${shown.join('\n')}\nEMC`
    const contents = page.node.Contents()
    const existing = contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of('Contents'))!]
    const stream = (s: string) => pdf.context.register(pdf.context.stream(deflateSync(s), { Filter: 'FlateDecode' }))
    page.node.set(PDFName.of('Contents'), pdf.context.obj([stream('q\n'), ...existing, stream(`\nQ\n${operators}\n`)]))
  }
}
