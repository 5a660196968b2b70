import { createHash } from 'node:crypto'
import { PDFContext, PDFDict, PDFHexString, PDFName, PDFNumber, PDFObjectParser, PDFPageLeaf, PDFPageTree, PDFRef, type PDFObject } from 'pdf-lib'

const latin1 = (bytes: Uint8Array, start = 0, end = bytes.length) => Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1')

/**
 * The objects of a file, parsed the first time they are looked up. pdf-lib's
 * context keeps its objects in a private map; this map stands in for it,
 * so every lookup through pdf-lib (PDFDict.lookup, context.lookup) parses
 * only what is asked for.
 */
class LazyObjects extends Map<PDFRef, PDFObject> {
  readonly deleted = new Set<number>()
  /** Objects changed in their text (PdfFile.rewrite): parsed, if at all, from the new text. */
  readonly rewritten = new Map<number, string>()
  context!: PDFContext
  constructor(private readonly bytes: Uint8Array, private readonly spans: ReadonlyMap<number, { start: number; end: number }>) {
    super()
  }

  override get(ref: PDFRef): PDFObject | undefined {
    const known = super.get(ref)
    if (known !== undefined || this.deleted.has(ref.objectNumber)) return known
    const span = this.spans.get(ref.objectNumber)
    if (!span) return undefined
    const text = this.rewritten.get(ref.objectNumber)
    const bytes = text === undefined ? this.bytes.subarray(span.start, span.end) : Buffer.from(text, 'latin1')
    const head = /^(\d+)\s+(\d+)\s+obj\b/.exec(latin1(bytes, 0, Math.min(bytes.length, 32)))
    if (!head || Number(head[1]) !== ref.objectNumber) throw new Error(`object ${ref.objectNumber} not at its offset`)
    const object = PDFObjectParser.forBytes(bytes.subarray(head[0].length), this.context).parseObject()
    super.set(ref, object)
    return object
  }

  override delete(ref: PDFRef): boolean {
    this.deleted.add(ref.objectNumber)
    return super.delete(ref)
  }

  override set(ref: PDFRef, object: PDFObject): this {
    this.deleted.delete(ref.objectNumber)
    return super.set(ref, object)
  }

  /** Parsed or added by now (to be written anew). */
  parsed(ref: PDFRef): boolean {
    return super.has(ref)
  }
}

export interface Page { ref: PDFRef; node: PDFPageLeaf }

/**
 * Chromium's PDF as a file to change in place: only the objects a change
 * needs are parsed, and writing copies every other object through as the
 * bytes it was. The file is written whole (not appended to as an
 * incremental update): Chromium's own objects hold the clock's time and
 * its internal node numbers, which an update would leave in the bytes, so
 * the same report would not give the same file.
 */
export class PdfFile {
  readonly context: PDFContext
  private readonly objects: LazyObjects
  private readonly order: number[]
  private readonly spans: Map<number, { start: number; end: number }>
  private readonly size: number
  private text: string | undefined

  constructor(private readonly bytes: Uint8Array) {
    const text = latin1(bytes, Math.max(0, bytes.length - 1024))
    const startxref = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)
    if (!startxref) throw new Error('no startxref at the end of the PDF')
    const xrefAt = Number(startxref[1])
    const tail = latin1(bytes, xrefAt)
    const trailerAt = tail.indexOf('trailer')
    // One classic cross-reference table, as Skia (Chromium's PDF writer) makes it; anything else is refused.
    if (!tail.startsWith('xref') || trailerAt < 0) throw new Error('no cross-reference table where startxref points')
    const offsets = new Map<number, number>()
    const table = tail.slice(4, trailerAt)
    const section = /(\d+)\s+(\d+)\s*[\r\n]+((?:\d{10} \d{5} [nf]\s*)*)/g
    for (const m of table.matchAll(section)) {
      let number = Number(m[1])
      for (const entry of m[3]!.matchAll(/(\d{10}) (\d{5}) ([nf])/g)) {
        if (entry[3] === 'n') offsets.set(number, Number(entry[1]))
        number++
      }
    }
    this.order = [...offsets.keys()].sort((a, b) => offsets.get(a)! - offsets.get(b)!)
    this.spans = new Map(this.order.map((n, i) => [n, { start: offsets.get(n)!, end: i + 1 < this.order.length ? offsets.get(this.order[i + 1]!)! : xrefAt }]))
    this.objects = new LazyObjects(bytes, this.spans)
    this.context = PDFContext.create()
    ;(this.context as unknown as { indirectObjects: LazyObjects }).indirectObjects = this.objects
    this.objects.context = this.context
    const trailer = PDFObjectParser.forBytes(bytes.subarray(xrefAt + trailerAt + 'trailer'.length), this.context).parseObject()
    if (!(trailer instanceof PDFDict) || trailer.has(PDFName.of('Prev')) || trailer.has(PDFName.of('Encrypt'))) throw new Error('PDF with an update or encryption')
    this.size = (trailer.get(PDFName.of('Size')) as PDFNumber).asNumber()
    this.context.largestObjectNumber = this.size - 1
    const root = trailer.get(PDFName.of('Root'))
    const info = trailer.get(PDFName.of('Info'))
    if (!root) throw new Error('no catalog in the trailer')
    this.context.trailerInfo = info ? { Root: root, Info: info } : { Root: root }
  }

  get catalog(): PDFDict {
    return this.context.lookup(this.context.trailerInfo.Root, PDFDict)
  }

  /** The pages in order, with their references. */
  pages(): Page[] {
    const out: Page[] = []
    const walk = (ref: PDFObject | undefined) => {
      const node = this.context.lookup(ref)
      if (node instanceof PDFPageTree) for (const kid of node.Kids().asArray()) walk(kid)
      else if (node instanceof PDFPageLeaf && ref instanceof PDFRef) out.push({ ref, node })
    }
    walk(this.catalog.get(PDFName.of('Pages')))
    return out
  }

  /**
   * The objects whose bytes hold one of these words, parsed: a quick look
   * at the text stands in for parsing every object to find a few kinds.
   * A word must be one that any object of the kind sought contains.
   */
  containing(...words: string[]): [PDFRef, PDFObject][] {
    return this.numbersContaining(words).flatMap((n) => {
      const ref = PDFRef.of(n)
      const object = this.context.lookup(ref)
      return object ? [[ref, object] as [PDFRef, PDFObject]] : []
    })
  }

  /** The numbers of the objects whose bytes hold one of these words. */
  private numbersContaining(words: readonly string[]): number[] {
    const text = (this.text ??= latin1(this.bytes))
    const numbers = new Set<number>()
    for (const word of words) {
      for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + word.length)) {
        const n = this.objectAt(at)
        if (n !== undefined) numbers.add(n)
      }
    }
    return [...numbers].sort((a, b) => a - b)
  }

  /**
   * Change the text of objects not parsed, as they are written: for many
   * small changes where parsing each object would cost more than the change.
   * `change` gets an object's bytes as latin1 text and returns the new text,
   * or undefined when it cannot change this object by its text (it is then
   * parsed and handed to `parsed` instead).
   */
  rewrite(word: string, change: (text: string) => string | undefined, parsed: (ref: PDFRef, object: PDFObject) => void): void {
    const text = (this.text ??= latin1(this.bytes))
    for (const n of this.numbersContaining([word])) {
      const ref = PDFRef.of(n)
      if (!this.objects.parsed(ref)) {
        const span = this.spans.get(n)!
        const changed = change(this.objects.rewritten.get(n) ?? text.slice(span.start, span.end))
        if (changed !== undefined) { this.objects.rewritten.set(n, changed); continue }
      }
      parsed(ref, this.context.lookup(ref)!)
    }
  }

  /** The object whose bytes hold this offset (binary search over the objects in file order). */
  private objectAt(offset: number): number | undefined {
    let low = 0
    let high = this.order.length - 1
    while (low <= high) {
      const mid = (low + high) >> 1
      const span = this.spans.get(this.order[mid]!)!
      if (offset < span.start) high = mid - 1
      else if (offset >= span.end) low = mid + 1
      else return this.order[mid]
    }
    return undefined
  }

  /**
   * The file as PDF 1.7: the objects in their order, each parsed one
   * written anew and every other copied; new objects after them; a fresh
   * cross-reference table; and a file identifier from the content (ISO
   * 32000-1 14.4), so the same report has the same identifier.
   */
  write(): Uint8Array {
    const parts: Uint8Array[] = []
    let length = 0
    const put = (part: Uint8Array) => { parts.push(part); length += part.length }
    const first = this.spans.get(this.order[0]!)!.start
    const header = Uint8Array.from(this.bytes.subarray(0, first))
    header.set(Buffer.from('%PDF-1.7', 'latin1'))
    put(header)
    const offsets = new Map<number, number>()
    const added = [...Array(this.context.largestObjectNumber + 1 - this.size).keys()].map((i) => this.size + i)
    for (const n of [...this.order, ...added]) {
      const ref = PDFRef.of(n)
      if (this.objects.deleted.has(n) || (!this.objects.parsed(ref) && !this.spans.has(n))) continue
      offsets.set(n, length)
      if (!this.objects.parsed(ref)) {
        const span = this.spans.get(n)
        const text = this.objects.rewritten.get(n)
        if (span) put(text === undefined ? this.bytes.subarray(span.start, span.end) : Buffer.from(text, 'latin1'))
        continue
      }
      const object = this.objects.get(ref)!
      const body = new Uint8Array(object.sizeInBytes())
      object.copyBytesInto(body, 0)
      put(Buffer.from(`${n} 0 obj\n`, 'latin1'))
      put(body)
      put(Buffer.from('\nendobj\n', 'latin1'))
    }
    const hash = createHash('md5')
    for (const part of parts) hash.update(part)
    const id = hash.digest('hex').toUpperCase()
    // One section over every number; free numbers (a removed object) form the free list from object 0.
    const size = Math.max(...offsets.keys()) + 1
    const free = [...Array(size).keys()].filter((n) => !offsets.has(n))
    const next = new Map(free.map((n, i) => [n, free[i + 1] ?? 0]))
    const entry = (offset: number, generation: number, kind: string) => `${String(offset).padStart(10, '0')} ${String(generation).padStart(5, '0')} ${kind} \n`
    let xref = `xref\n0 ${size}\n`
    for (let n = 0; n < size; n++) xref += offsets.has(n) ? entry(offsets.get(n)!, 0, 'n') : entry(next.get(n)!, n === 0 ? 65535 : 1, 'f')
    const { Root, Info } = this.context.trailerInfo
    const trailer = PDFDict.withContext(this.context)
    trailer.set(PDFName.of('Size'), PDFNumber.of(size))
    trailer.set(PDFName.of('Root'), Root!)
    if (Info) trailer.set(PDFName.of('Info'), Info)
    trailer.set(PDFName.of('ID'), this.context.obj([PDFHexString.of(id), PDFHexString.of(id)]))
    const start = length
    put(Buffer.from(`${xref}trailer\n${trailer.toString()}\nstartxref\n${start}\n%%EOF\n`, 'latin1'))
    return Buffer.concat(parts, length)
  }
}
