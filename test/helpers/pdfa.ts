import { inflateSync } from 'node:zlib'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib'
import { paintsTransparency } from '../../src/print/archive.js'

// The requirements of PDF/A-2a (ISO 19005-2) that apply to the tool's PDF,
// each a check of its own named by its clause (docs/ontwerp.md lists them).
// Not a validator: veraPDF (npm run pdfa-check) is the reference.

export interface Problem { clause: string; problem: string }

const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined)
const name = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined)

/** Every dictionary and stream dictionary of the file, with its object number. */
function dictionaries(pdf: PDFDocument): [PDFRef, PDFDict][] {
  return pdf.context.enumerateIndirectObjects().flatMap(([ref, o]): [PDFRef, PDFDict][] =>
    o instanceof PDFDict ? [[ref, o]] : o instanceof PDFRawStream ? [[ref, o.dict]] : [])
}

/** Every name and string anywhere in the file (nested in arrays and dictionaries). */
function leaves(pdf: PDFDocument): PDFObject[] {
  const out: PDFObject[] = []
  const walk = (o: PDFObject) => {
    if (o instanceof PDFDict) for (const [k, v] of o.entries()) { out.push(k); walk(v) }
    else if (o instanceof PDFArray) for (const v of o.asArray()) walk(v)
    else if (o instanceof PDFRawStream) walk(o.dict)
    else out.push(o)
  }
  for (const [, o] of pdf.context.enumerateIndirectObjects()) walk(o)
  return out
}

const decoded = (stream: PDFRawStream) => {
  const filter = name(stream.dict.get(PDFName.of('Filter')))
  return filter === 'FlateDecode' ? inflateSync(stream.getContents()) : Buffer.from(stream.getContents())
}

/** The XMP properties (prefix:name → text of the first value), and the namespaces declared. */
function xmpProperties(xml: string): { properties: Map<string, string>; namespaces: Map<string, string> } {
  const namespaces = new Map([...xml.matchAll(/xmlns:([\w-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]))
  const properties = new Map<string, string>()
  for (const m of xml.matchAll(/<(\w+):(\w+)(\s[^>]*)?>/g)) {
    const key = `${m[1]}:${m[2]}`
    if (['rdf', 'x'].includes(m[1]!) || properties.has(key)) continue
    const body = xml.slice(m.index + m[0].length, xml.indexOf(`</${key}>`, m.index))
    const li = /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(body)
    properties.set(key, unescape((li ? li[1]! : body).trim()))
  }
  return { properties, namespaces }
}
const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')

/** XMP schemas PDF/A-2 predefines (XMP 2005 and ISO 19005), by namespace. */
const PREDEFINED = new Set([
  'http://purl.org/dc/elements/1.1/', 'http://ns.adobe.com/xap/1.0/', 'http://ns.adobe.com/pdf/1.3/', 'http://ns.adobe.com/xap/1.0/mm/',
  'http://ns.adobe.com/xap/1.0/rights/', 'http://www.aiim.org/pdfa/ns/id/', 'http://www.aiim.org/pdfa/ns/extension/',
  'http://www.aiim.org/pdfa/ns/schema#', 'http://www.aiim.org/pdfa/ns/property#', 'http://www.aiim.org/pdfa/ns/type#', 'http://www.aiim.org/pdfa/ns/field#',
])

/** A PDF date (D:YYYYMMDDHHmmSS with zone) and an XMP date as one instant, for comparing. */
function instant(date: string | undefined): number | undefined {
  if (!date) return undefined
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(date)
  const iso = pdf ? `${pdf[1]}-${pdf[2] ?? '01'}-${pdf[3] ?? '01'}T${pdf[4] ?? '00'}:${pdf[5] ?? '00'}:${pdf[6] ?? '00'}${(pdf[7] ?? 'Z').replace(/'/g, '').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}` : date
  const t = Date.parse(iso)
  return Number.isNaN(t) ? undefined : t
}

export async function archiveProblems(bytes: Uint8Array): Promise<Problem[]> {
  const problems: Problem[] = []
  const fail = (clause: string, problem: string) => problems.push({ clause, problem })
  const raw = Buffer.from(bytes).toString('latin1')

  // 6.1.2 File header: %PDF-1.n, then a comment of at least four bytes above 127.
  const header = /^%PDF-1\.[0-7]\r?\n%([\x80-\xff]{4})/.exec(raw)
  if (!header) fail('6.1.2', 'kop zonder %PDF-1.n en binair commentaar')

  // 6.1.3 File trailer: an ID, no Encrypt, nothing after %%EOF but one end of line.
  const trailer = raw.slice(raw.lastIndexOf('trailer'))
  if (!/\/ID\s*\[\s*<[0-9A-Fa-f]{32}>\s*<[0-9A-Fa-f]{32}>\s*\]/.test(trailer)) fail('6.1.3', 'trailer zonder /ID')
  if (/\/Encrypt/.test(trailer)) fail('6.1.3', 'trailer met /Encrypt')
  if (!/%%EOF(\r\n|\r|\n)?$/.test(raw)) fail('6.1.3', 'gegevens na %%EOF')

  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  const lookup = (o: PDFObject | undefined) => pdf.context.lookup(o)

  // 6.1.7 Streams: no external file, only the standard filters (not LZW, not Crypt).
  for (const [ref, dict] of dictionaries(pdf)) {
    for (const key of ['F', 'FFilter', 'FDecodeParms']) if (dict.has(PDFName.of(key)) && pdf.context.lookup(ref) instanceof PDFRawStream) fail('6.1.7', `stream ${ref} met /${key}`)
    const filter = lookup(dict.get(PDFName.of('Filter')))
    const filters = filter instanceof PDFArray ? filter.asArray().map(name) : [name(filter)]
    if (pdf.context.lookup(ref) instanceof PDFRawStream) {
      for (const f of filters) if (f && ['LZWDecode', 'Crypt'].includes(f)) fail('6.1.7', `stream ${ref} met filter ${f}`)
    }
  }

  // 6.1.13 Implementation limits: names up to 127 bytes, strings up to 32767.
  for (const leaf of leaves(pdf)) {
    if (leaf instanceof PDFName && leaf.asString().length - 1 > 127) fail('6.1.13', `naam langer dan 127 bytes: ${leaf.asString().slice(0, 40)}…`)
    if ((leaf instanceof PDFString || leaf instanceof PDFHexString) && leaf.asBytes().length > 32767) fail('6.1.13', 'tekst langer dan 32767 bytes')
  }

  // 6.2.3 Output intent, and 6.2.4.3: DeviceRGB only with an RGB destination profile.
  const intents = pdf.catalog.lookupMaybe(PDFName.of('OutputIntents'), PDFArray)
  const pdfa = (intents?.asArray() ?? []).map(lookup).filter((i): i is PDFDict => i instanceof PDFDict && name(i.get(PDFName.of('S'))) === 'GTS_PDFA1')
  const profile = pdfa[0] && lookup(pdfa[0].get(PDFName.of('DestOutputProfile')))
  if (pdfa.length !== 1 || !(profile instanceof PDFRawStream)) fail('6.2.3', 'geen PDF/A-uitvoerintentie met ingebed ICC-profiel')
  else {
    const icc = decoded(profile)
    const cls = icc.subarray(12, 16).toString('latin1')
    const space = icc.subarray(16, 20).toString('latin1')
    if (!['mntr', 'prtr'].includes(cls) || icc[8]! >= 5 || icc.readUInt32BE(0) !== icc.length) fail('6.2.3', `ICC-profiel ongeldig (klasse ${cls}, versie ${icc[8]})`)
    if (space !== 'RGB ') fail('6.2.4.3', `DeviceRGB zonder RGB-profiel (profiel: ${space})`)
    if ((profile.dict.get(PDFName.of('N')) as PDFNumber | undefined)?.asNumber() !== 3) fail('6.2.3', 'ICC-profiel zonder /N 3')
  }

  // 6.2.10 Transparency: a page that paints with it names its blending colour space.
  for (const [i, page] of pdf.getPages().entries()) {
    if (!paintsTransparency(pdf.context, page.node.Resources())) continue
    const group = page.node.lookupMaybe(PDFName.of('Group'), PDFDict)
    if (!group?.has(PDFName.of('CS'))) fail('6.2.10', `pagina ${i + 1}: transparantie zonder overvloeikleurruimte (/Group /CS)`)
  }

  // 6.2.11.4 Fonts embedded; 6.2.11.7 every font maps its codes to Unicode (level A).
  for (const [ref, dict] of dictionaries(pdf)) {
    const type = name(dict.get(PDFName.of('Type')))
    if (type === 'FontDescriptor' && !['FontFile', 'FontFile2', 'FontFile3'].some((k) => dict.has(PDFName.of(k)))) fail('6.2.11.4', `lettertype ${ref} niet ingebed`)
    if (type === 'Font' && name(dict.get(PDFName.of('Subtype'))) === 'Type0' && !dict.has(PDFName.of('ToUnicode'))) fail('6.2.11.7', `lettertype ${ref} zonder ToUnicode`)
  }

  // 6.3 Annotations: permitted types, print flag on, hidden flags off; links with an appearance of only /N.
  for (const [i, page] of pdf.getPages().entries()) {
    for (const a of page.node.Annots()?.asArray().map(lookup) ?? []) {
      if (!(a instanceof PDFDict)) continue
      const subtype = name(a.get(PDFName.of('Subtype')))
      if (!subtype || ['3D', 'Sound', 'Screen', 'Movie'].includes(subtype)) fail('6.3.1', `pagina ${i + 1}: annotatie ${subtype}`)
      const flags = (a.get(PDFName.of('F')) as PDFNumber | undefined)?.asNumber()
      if (flags === undefined || (flags & 4) === 0 || (flags & (1 | 2 | 32 | 256)) !== 0) fail('6.3.2', `pagina ${i + 1}: ${subtype} zonder afdrukvlag (F ${flags})`)
      const ap = a.lookupMaybe(PDFName.of('AP'), PDFDict)
      if (!ap) fail('6.3.3', `pagina ${i + 1}: ${subtype} zonder weergave (/AP)`)
      else if (ap.keys().map(name).join() !== 'N' || !(lookup(ap.get(PDFName.of('N'))) instanceof PDFRawStream)) fail('6.3.3', `pagina ${i + 1}: /AP met meer dan een /N-stream`)
      // 6.5.1 Actions: a link goes to a place in the document or to an address, nothing is launched or fetched.
      const action = a.lookupMaybe(PDFName.of('A'), PDFDict)
      const kind = action && name(action.get(PDFName.of('S')))
      if (kind && !['GoTo', 'URI'].includes(kind)) fail('6.5.1', `pagina ${i + 1}: actie ${kind}`)
    }
  }
  if (pdf.catalog.has(PDFName.of('AA')) || pdf.catalog.has(PDFName.of('OpenAction')) && name(pdf.catalog.lookupMaybe(PDFName.of('OpenAction'), PDFDict)?.get(PDFName.of('S'))) === 'JavaScript') fail('6.5.2', 'catalogus met acties')

  // 6.6.2.1 Metadata: an XMP stream in the catalog, UTF-8, unfiltered, no bytes or encoding in the packet header.
  const metadata = lookup(pdf.catalog.get(PDFName.of('Metadata')))
  let xml = ''
  if (!(metadata instanceof PDFRawStream)) fail('6.6.2.1', 'catalogus zonder XMP-metadata')
  else {
    if (metadata.dict.has(PDFName.of('Filter'))) fail('6.6.2.1', 'XMP gecomprimeerd')
    try { xml = new TextDecoder('utf-8', { fatal: true }).decode(metadata.getContents()) } catch {
      fail('6.6.2.1', 'XMP is geen UTF-8')
      xml = Buffer.from(metadata.getContents()).toString('latin1')
    }
    const packet = /<\?xpacket begin=[^?]*\?>/.exec(xml)?.[0] ?? ''
    if (!packet || /\s(bytes|encoding)=/.test(packet)) fail('6.6.2.1', `XMP-pakketkop ongeldig: ${packet}`)
  }
  const { properties, namespaces } = xmpProperties(xml)

  // 6.6.2.3 Every property from a predefined schema or one described in pdfaExtension:schemas.
  const described = new Set([...xml.matchAll(/<pdfaSchema:namespaceURI>([^<]*)<\/pdfaSchema:namespaceURI>/g)].map((m) => m[1]!))
  for (const key of properties.keys()) {
    const uri = namespaces.get(key.split(':')[0]!)
    if (!uri || (!PREDEFINED.has(uri) && !described.has(uri))) fail('6.6.2.3', `XMP-eigenschap ${key} uit een schema dat niet is beschreven (${uri})`)
  }

  // 6.6.4 PDF/A identification: part 2, conformance A.
  if (properties.get('pdfaid:part') !== '2' || properties.get('pdfaid:conformance') !== 'A') fail('6.6.4', `pdfaid ${properties.get('pdfaid:part')}/${properties.get('pdfaid:conformance')} in plaats van 2/A`)

  // 6.1.5 (with 6.6.2.3.1): the Info dictionary and the XMP say the same.
  const info = lookup(pdf.context.trailerInfo.Info)
  if (info instanceof PDFDict) {
    const pairs: [string, string, (s: string | undefined) => unknown][] = [
      ['Title', 'dc:title', (s) => s], ['Author', 'dc:creator', (s) => s], ['Subject', 'dc:description', (s) => s], ['Keywords', 'pdf:Keywords', (s) => s],
      ['Creator', 'xmp:CreatorTool', (s) => s], ['Producer', 'pdf:Producer', (s) => s], ['CreationDate', 'xmp:CreateDate', instant], ['ModDate', 'xmp:ModifyDate', instant],
    ]
    for (const [key, property, value] of pairs) {
      const own = text(info.lookup(PDFName.of(key)))
      if (own === undefined) continue
      if (value(own) === undefined || value(own) !== value(properties.get(property))) fail('6.1.5', `Info /${key} "${own}" en XMP ${property} "${properties.get(property)}" verschillen`)
    }
  }

  // 6.7.2–6.7.4 Logical structure (level A): marked, a structure tree, standard types mapped, a language.
  if (String(pdf.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)?.get(PDFName.of('Marked'))) !== 'true') fail('6.7.2', 'niet gemarkeerd (MarkInfo /Marked)')
  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  if (!root) fail('6.7.3', 'geen structuurboom')
  const roles = root?.lookupMaybe(PDFName.of('RoleMap'), PDFDict)
  for (const [, dict] of dictionaries(pdf)) {
    const type = name(dict.get(PDFName.of('S')))
    if (name(dict.get(PDFName.of('Type'))) === 'StructElem' && type && !STANDARD.has(type) && !STANDARD.has(name(roles?.get(PDFName.of(type))) ?? '')) fail('6.7.3', `structuurtype ${type} niet op een standaardtype afgebeeld`)
  }
  const lang = text(pdf.catalog.lookup(PDFName.of('Lang')))
  if (lang === undefined || !/^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/.test(lang)) fail('6.7.4', `taal ${lang}`)
  return problems
}

/** The standard structure types of ISO 32000-1, 14.8.4. */
const STANDARD = new Set(['Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index', 'NonStruct', 'Private',
  'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody', 'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot',
  'Span', 'Quote', 'Note', 'Reference', 'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP', 'Figure', 'Formula', 'Form'])
