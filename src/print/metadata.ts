import { PDFBool, PDFDict, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib'
import { addLinkAppearances, addOutputIntent, addTransparencyGroups, PDFA_XMP } from './archive.js'
import { numberContents } from './contents.js'
import { PdfFile } from './pdf-file.js'
import { describeLinks, groupListBodies, markArtifacts, renumberStructureIds } from './structure.js'

export interface PdfInfo {
  title: string
  author: string
  subject: string
  keywords: readonly string[]
  /** ISO date from the data, so the same data gives the same bytes. */
  date: string
  creator: string
  /** The words of each link on the page by href, for the links' alternate descriptions. */
  links: ReadonlyMap<string, string>
  /** The chapters in the table of contents (ids), which get their page numbers. */
  contents: readonly string[]
}

/** One text in the Info dictionary and the XMP alike. */
const keywords = (info: PdfInfo) => info.keywords.join(', ')

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

function xmp(info: PdfInfo, date: string): string {
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${escapeXml(info.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeXml(info.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>nl</rdf:li></rdf:Bag></dc:language>
<pdf:Keywords>${escapeXml(keywords(info))}</pdf:Keywords>
<pdf:Producer>${escapeXml(info.creator)}</pdf:Producer>
<xmp:CreatorTool>${escapeXml(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
${PDFA_XMP}
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}

/**
 * Document metadata the raad's reader and archive tools show: title (shown
 * in the window), author, subject, keywords, fixed dates from the data, PDF
 * 1.7, /Lang nl, the same in the Info dictionary and the XMP, with the
 * PDF/UA and PDF/A identifiers; untagged painting marked as artifacts,
 * links described, tab order by structure, page numbers in the table of
 * contents; what PDF/A-2a asks beyond that (archive.ts). Only the objects
 * these changes touch are parsed and written anew (pdf-file.ts).
 */
export function finishPdf(bytes: Uint8Array, info: PdfInfo): Uint8Array {
  const pdf = new PdfFile(bytes)
  renumberStructureIds(pdf)
  markArtifacts(pdf)
  numberContents(pdf, info.contents)
  describeLinks(pdf, info.links)
  groupListBodies(pdf)
  addLinkAppearances(pdf)
  addTransparencyGroups(pdf)
  addOutputIntent(pdf)
  // Tab order follows the structure tree (Matterhorn 28-008/28-009).
  for (const page of pdf.pages()) page.node.set(PDFName.of('Tabs'), PDFName.of('S'))
  const date = new Date(`${info.date}T12:00:00Z`)
  const text = (s: string) => PDFHexString.fromText(s)
  // Chromium's own Info (with the clock's time) is replaced in its place.
  const infoDict = pdf.context.obj({
    Title: text(info.title), Author: text(info.author), Subject: text(info.subject), Keywords: text(keywords(info)),
    Creator: text(info.creator), Producer: text(info.creator), CreationDate: PDFString.fromDate(date), ModDate: PDFString.fromDate(date),
  })
  if (pdf.context.trailerInfo.Info instanceof PDFRef) pdf.context.assign(pdf.context.trailerInfo.Info, infoDict)
  else pdf.context.trailerInfo.Info = pdf.context.register(infoDict)
  const catalog = pdf.catalog
  catalog.set(PDFName.of('Version'), PDFName.of('1.7'))
  catalog.set(PDFName.of('Lang'), PDFString.of('nl'))
  catalog.set(PDFName.of('ViewerPreferences'), pdf.context.obj({ DisplayDocTitle: PDFBool.True }))
  // Chromium tags <em> and <strong> with PDF 2.0 types; PDF 1.7 readers need them mapped to a standard type.
  const structure = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  structure?.set(PDFName.of('RoleMap'), pdf.context.obj({ Em: 'Span', Strong: 'Span' }))
  if (!catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)) catalog.set(PDFName.of('MarkInfo'), pdf.context.obj({ Marked: true }))
  // XMP is UTF-8 (and unfiltered, so archive tools can read it without PDF).
  const metadata = pdf.context.stream(Buffer.from(xmp(info, date.toISOString().replace('.000Z', 'Z')), 'utf8'), { Type: 'Metadata', Subtype: 'XML' })
  catalog.set(PDFName.of('Metadata'), pdf.context.register(metadata))
  return pdf.write()
}
