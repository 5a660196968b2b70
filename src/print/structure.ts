import { deflateSync, inflateSync } from 'node:zlib'
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib'
import type { PdfFile } from './pdf-file.js'

const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined)

/**
 * Chromium names the table-header elements of its tagged PDF after
 * accessibility nodes ("node00000053"); the numbers depend on what else the
 * browser did before, so the same report gave different bytes. Renumber them
 * in document order, with the cells' /Headers and the /IDTree to match.
 */
export function renumberStructureIds(pdf: PdfFile): void {
  const elements = structureElements(pdf, '/ID')
  const renamed = new Map<string, string>()
  const named: [string, PDFRef][] = []
  for (const [ref, element] of elements) {
    const old = text(element.get(PDFName.of('ID')))
    if (old === undefined) continue
    const id = `id${String(named.length + 1).padStart(6, '0')}`
    renamed.set(old, id)
    element.set(PDFName.of('ID'), PDFString.of(id))
    named.push([id, ref])
  }
  if (named.length === 0) return

  // A cell's attributes name its header cells. Most cells hold no other
  // string: their ids are replaced in the text, without parsing the cell.
  const rename = (attributes: PDFObject | undefined) => {
    const list = attributes instanceof PDFArray ? attributes.asArray().map((a) => pdf.context.lookup(a)) : [attributes]
    for (const attribute of list) {
      const headers = attribute instanceof PDFDict ? attribute.lookup(PDFName.of('Headers')) : undefined
      if (!(headers instanceof PDFArray)) continue
      for (let i = 0; i < headers.size(); i++) {
        const id = renamed.get(text(headers.get(i)) ?? '')
        if (id) headers.set(i, PDFString.of(id))
      }
    }
  }
  pdf.rewrite('/Headers', (bytes) => {
    // Every string in the object must be one of the ids (no hex string, no escaped parenthesis).
    const strings = bytes.match(/\(/g)?.length ?? 0
    const ids = [...bytes.matchAll(LITERAL_ID)]
    if (ids.length !== strings || bytes.replace(/<<|>>/g, '').includes('<') || !ids.every((m) => renamed.has(m[1]!))) return undefined
    return bytes.replace(LITERAL_ID, (_, id: string) => `(${renamed.get(id)})`)
  }, (_, object) => rename(isElement(object) ? object.lookup(PDFName.of('A')) : object))

  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  if (!root) return
  removeTree(pdf, root.get(PDFName.of('IDTree')))
  // One leaf holds every id, in name order (zero-padded, so also document order).
  root.set(PDFName.of('IDTree'), pdf.context.register(pdf.context.obj({ Names: named.flatMap(([id, ref]) => [PDFString.of(id), ref]) })))
}

/** A string of an id as Chromium writes it: letters and digits, nothing to escape. */
const LITERAL_ID = /\(([A-Za-z0-9]+)\)/g

const isElement = (o: PDFObject | undefined): o is PDFDict => o instanceof PDFDict && String(o.get(PDFName.of('Type'))) === '/StructElem'

/**
 * The structure elements whose bytes hold this word (a key or a type such
 * as "/LI"), in the order of their object numbers: Chromium numbers them
 * in document order.
 */
function structureElements(pdf: PdfFile, word: string): [PDFRef, PDFDict][] {
  return pdf.containing(word).filter((entry): entry is [PDFRef, PDFDict] => isElement(entry[1]))
}

function removeTree(pdf: PdfFile, node: PDFObject | undefined): void {
  const dict = node instanceof PDFRef ? pdf.context.lookup(node) : node
  if (dict instanceof PDFDict) {
    const kids = dict.lookup(PDFName.of('Kids'))
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) removeTree(pdf, kid)
  }
  if (node instanceof PDFRef) pdf.context.delete(node)
}

// Character classes of the PDF syntax: 1 white space, 2 delimiter, 0 regular.
const CLASS = new Uint8Array(256)
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) CLASS[c] = 1
for (const c of '()<>[]{}/%') CLASS[c.charCodeAt(0)] = 2
const PATH = new Set(['m', 'l', 'c', 'v', 'y', 'h', 're'])
const PAINT = new Set(['S', 's', 'f', 'F', 'f*', 'B', 'B*', 'b', 'b*'])

export interface Operator {
  op: string
  /** Where its first operand starts, and where the operator ends (byte offsets). */
  start: number
  end: number
  /** How deep in marked content it lies, and the tag of the outermost sequence (e.g. "Artifact"). */
  depth: number
  outer: string | undefined
}

/**
 * The operators of a content stream, with their place and marked content.
 * Strings, names, arrays and dictionaries are skipped as operands.
 */
export function operators(content: Uint8Array): Operator[] {
  const text = Buffer.from(content.buffer, content.byteOffset, content.byteLength).toString('latin1')
  const out: Operator[] = []
  const tags: string[] = []
  let operandStart = -1
  let tag = ''
  let i = 0
  const n = text.length
  const regular = () => { while (i < n && CLASS[text.charCodeAt(i)] === 0) i++ }
  while (i < n) {
    const c = text.charCodeAt(i)
    if (CLASS[c] === 1) { i++; continue }
    const start = i
    if (c === 0x25) { while (i < n && text.charCodeAt(i) !== 0x0a && text.charCodeAt(i) !== 0x0d) i++; continue } // % comment
    if (c === 0x28) { // (string), balanced parentheses, backslash escapes
      for (let level = 0; i < n; i++) {
        const d = text.charCodeAt(i)
        if (d === 0x5c) i++
        else if (d === 0x28) level++
        else if (d === 0x29 && --level === 0) { i++; break }
      }
    } else if (c === 0x3c) i = text.charCodeAt(i + 1) === 0x3c ? i + 2 : text.indexOf('>', i) + 1 // << or <hex>
    else if (c === 0x3e) i += 2 // >>
    else if (CLASS[c] === 2 && c !== 0x2f) i++ // [ ] { }
    else if (c === 0x2f) { // /Name: the tag of BMC/BDC is their first operand, names in a property list follow it
      i++
      regular()
      if (operandStart < 0) tag = text.slice(start + 1, i)
    } else {
      regular()
      // Numbers and true/false/null are operands; anything else is an operator.
      if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e || ((c === 0x74 || c === 0x66 || c === 0x6e) && /^(true|false|null)$/.test(text.slice(start, i)))) {
        if (operandStart < 0) operandStart = start
        continue
      }
      const op = text.slice(start, i)
      // An inline image holds raw bytes this reader does not skip.
      if (op === 'BI') throw new Error('inline image in content stream')
      const depth = tags.length
      if (op === 'BMC' || op === 'BDC') tags.push(tag)
      out.push({ op, start: operandStart < 0 ? start : operandStart, end: i, depth, outer: tags[0] })
      if (op === 'EMC') tags.pop()
      operandStart = -1
      continue
    }
    if (operandStart < 0) operandStart = start
  }
  return out
}

/**
 * Where a content stream paints outside marked content: whole text objects
 * (BT…ET), paths up to their painting operator, XObjects and shadings. A
 * text object holding marked content of its own is left alone.
 */
function untagged(ops: readonly Operator[]): { start: number; end: number; text: boolean }[] {
  const found: { start: number; end: number; text: boolean }[] = []
  let open: { start: number; text: boolean; clean: boolean } | undefined
  for (const o of ops) {
    if (open?.text) {
      if (o.op === 'BMC' || o.op === 'BDC') open.clean = false
      if (o.op === 'ET') {
        if (open.clean) found.push({ start: open.start, end: o.end, text: true })
        open = undefined
      }
      continue
    }
    if (o.depth > 0 || o.op === 'EMC') { open = undefined; continue }
    if (o.op === 'BT') open = { start: o.start, text: true, clean: true }
    else if (PATH.has(o.op)) open ??= { start: o.start, text: false, clean: true }
    else if (PAINT.has(o.op) && open) { found.push({ start: open.start, end: o.end, text: false }); open = undefined }
    else if (o.op === 'n') open = undefined
    else if (o.op === 'Do' || o.op === 'sh') found.push({ start: o.start, end: o.end, text: false })
  }
  return found
}

/**
 * Chromium leaves the running header and footer (the @page margin boxes),
 * backgrounds and rules untagged: neither content nor artifact, which
 * PDF/UA forbids (Matterhorn 01-005). Untagged text is pagination (header,
 * footer, the concept mark), the rest layout; both become artifacts, so a
 * screen reader skips them and the structure tree stays the report's text.
 */
export function markArtifacts(pdf: PdfFile): void {
  for (const page of pdf.pages()) {
    const contents = page.node.Contents()
    const refs = contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of('Contents'))]
    const streams = refs.map((r) => (r instanceof PDFRef ? pdf.context.lookup(r) : r))
    if (!streams.every((s): s is PDFRawStream => s instanceof PDFRawStream && String(s.dict.get(PDFName.of('Filter'))) === '/FlateDecode')) continue
    streams.forEach((stream, k) => {
      const content = inflateSync(stream.getContents())
      const spans = untagged(operators(content))
      if (spans.length === 0) return
      const parts: Uint8Array[] = []
      let at = 0
      for (const span of spans) {
        parts.push(content.subarray(at, span.start), span.text ? PAGINATION : LAYOUT, content.subarray(span.start, span.end), END)
        at = span.end
      }
      parts.push(content.subarray(at))
      // The same object number: the file's layout stays as Chromium made it.
      const ref = refs[k]
      const marked = pdf.context.stream(deflateSync(Buffer.concat(parts)), { Filter: 'FlateDecode' })
      if (ref instanceof PDFRef) pdf.context.assign(ref, marked)
      else page.node.set(PDFName.of('Contents'), pdf.context.register(marked))
    })
  }
}

const PAGINATION = Buffer.from('/Artifact <</Type /Pagination>> BDC\n', 'latin1')
const LAYOUT = Buffer.from('/Artifact <</Type /Layout>> BDC\n', 'latin1')
const END = Buffer.from('\nEMC\n', 'latin1')

/** What a link annotation points at: the named destination (an id on the page) or the address. */
function target(annotation: PDFDict): string | undefined {
  const dest = annotation.get(PDFName.of('Dest'))
  if (dest instanceof PDFName) return `#${dest.decodeText()}`
  if (dest instanceof PDFString || dest instanceof PDFHexString) return `#${dest.decodeText()}`
  const action = annotation.lookupMaybe(PDFName.of('A'), PDFDict)
  return text(action?.get(PDFName.of('URI')))
}

/**
 * Every Link element and its annotation get an alternate description, the
 * link's text on the page (Matterhorn 28-012, WCAG PDF11), found by where
 * the link points: `texts` maps an href ("#inleiding") to its words.
 */
export function describeLinks(pdf: PdfFile, texts: ReadonlyMap<string, string>): void {
  for (const [, element] of structureElements(pdf, '/Link')) {
    if (String(element.get(PDFName.of('S'))) !== '/Link') continue
    const kids = element.lookup(PDFName.of('K'))
    const list = kids instanceof PDFArray ? kids.asArray() : [kids]
    for (const kid of list) {
      const objr = kid instanceof PDFRef ? pdf.context.lookup(kid) : kid
      const annotation = objr instanceof PDFDict ? objr.lookupMaybe(PDFName.of('Obj'), PDFDict) : undefined
      if (!annotation) continue
      const href = target(annotation)
      // Chromium writes an address as it resolved it: "https://a.nl" becomes "https://a.nl/".
      const description = (href && (texts.get(href) ?? texts.get(href.replace(/\/$/, '')))) || (href ? `Link naar ${href.replace(/^#/, '')}` : 'Link')
      annotation.set(PDFName.of('Contents'), PDFHexString.fromText(description))
      element.set(PDFName.of('Alt'), PDFHexString.fromText(description))
    }
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }
const unescape = (s: string) => s.replace(/&(?:#x([0-9a-f]+)|#(\d+)|([a-z]+));/gi, (m, hex: string, dec: string, name: string) =>
  hex ? String.fromCodePoint(parseInt(hex, 16)) : dec ? String.fromCodePoint(Number(dec)) : ENTITIES[name.toLowerCase()] ?? m)

/**
 * The words of each link on a page, by href: the alternate description of
 * its Link element in the PDF. The page is our own serialised HTML, so a
 * pattern over its <a> elements does; parsing the whole page (embedded
 * fonts included) would cost more than the print.
 */
export function linkTexts(html: string): Map<string, string> {
  const texts = new Map<string, string>()
  for (const m of html.matchAll(/<a\s([^>]*)>([\s\S]*?)<\/a>/g)) {
    const attribute = (name: string) => new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(m[1]!)?.[1]
    const href = attribute('href')
    if (href === undefined || texts.has(unescape(href))) continue
    const words = unescape(attribute('aria-label') ?? m[2]!.replace(/<[^>]*>/g, '')).replace(/\s+/g, ' ').trim()
    if (words) texts.set(unescape(href), words)
  }
  return texts
}

/**
 * Chromium puts a list item's content (the table of contents' links)
 * straight under LI, beside its Lbl; a list item holds Lbl and LBody
 * (ISO 32000-1, 14.8.4.3.3). Group the rest in an LBody. Only items whose
 * other kids are all structure elements are regrouped: their marked
 * content and the ParentTree stay as they are.
 */
export function groupListBodies(pdf: PdfFile): void {
  for (const [itemRef, item] of structureElements(pdf, '/LI')) {
    if (String(item.get(PDFName.of('S'))) !== '/LI') continue
    const k = item.get(PDFName.of('K'))
    const kids = k instanceof PDFArray ? k.asArray() : k ? [k] : []
    const element = (kid: PDFObject) => (kid instanceof PDFRef ? pdf.context.lookup(kid) : undefined)
    const rest = kids.filter((kid) => String((element(kid) as PDFDict | undefined)?.get(PDFName.of('S'))) !== '/Lbl')
    if (rest.length === 0 || !rest.every((kid) => element(kid) instanceof PDFDict && String((element(kid) as PDFDict).get(PDFName.of('Type'))) === '/StructElem')) continue
    const body = pdf.context.register(pdf.context.obj({ Type: 'StructElem', S: 'LBody', P: itemRef, K: rest }))
    for (const kid of rest) (element(kid) as PDFDict).set(PDFName.of('P'), body)
    item.set(PDFName.of('K'), pdf.context.obj([...kids.filter((kid) => !rest.includes(kid)), body]))
  }
}
