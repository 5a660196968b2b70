import { ParseSpeeds, PDFDict, PDFDocument, PDFHeader, PDFName } from 'pdf-lib'
import { numberContents } from './contents.js'
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
<pdf:Keywords>${escapeXml(info.keywords.join(', '))}</pdf:Keywords>
<pdf:Producer>${escapeXml(info.creator)}</pdf:Producer>
<xmp:CreatorTool>${escapeXml(info.creator)}</xmp:CreatorTool>
<xmp:CreateDate>${date}</xmp:CreateDate>
<xmp:ModifyDate>${date}</xmp:ModifyDate>
<xmp:MetadataDate>${date}</xmp:MetadataDate>
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}

/**
 * Document metadata the raad's reader and archive tools show: title (shown
 * in the window), author, subject, keywords, fixed dates from the data, PDF
 * 1.7, /Lang nl and XMP with the PDF/UA identifier; untagged painting
 * marked as artifacts, links described, tab order by structure, page
 * numbers in the table of contents.
 */
export async function finishPdf(bytes: Uint8Array, info: PdfInfo): Promise<Uint8Array> {
  // pdf-lib yields to the event loop every 100 objects by default; a report has ~1,200.
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest })
  renumberStructureIds(pdf)
  markArtifacts(pdf)
  numberContents(pdf, info.contents)
  describeLinks(pdf, info.links)
  groupListBodies(pdf)
  // Tab order follows the structure tree (Matterhorn 28-008/28-009).
  for (const page of pdf.getPages()) page.node.set(PDFName.of('Tabs'), PDFName.of('S'))
  const date = new Date(`${info.date}T12:00:00Z`)
  pdf.setTitle(info.title, { showInWindowTitleBar: true })
  pdf.setAuthor(info.author)
  pdf.setSubject(info.subject)
  pdf.setKeywords([...info.keywords])
  pdf.setCreator(info.creator)
  pdf.setProducer(info.creator)
  pdf.setCreationDate(date)
  pdf.setModificationDate(date)
  pdf.setLanguage('nl')
  const catalog = pdf.catalog
  catalog.set(PDFName.of('Version'), PDFName.of('1.7'))
  // Chromium tags <em> and <strong> with PDF 2.0 types; PDF 1.7 readers need them mapped to a standard type.
  const structure = catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  structure?.set(PDFName.of('RoleMap'), pdf.context.obj({ Em: 'Span', Strong: 'Span' }))
  const markInfo = catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict)
  if (!markInfo) catalog.set(PDFName.of('MarkInfo'), pdf.context.obj({ Marked: true }))
  const metadata = pdf.context.stream(xmp(info, date.toISOString().replace('.000Z', 'Z')), { Type: 'Metadata', Subtype: 'XML' })
  catalog.set(PDFName.of('Metadata'), pdf.context.register(metadata))
  ;(pdf.context as unknown as { header: PDFHeader }).header = PDFHeader.forVersion(1, 7)
  return pdf.save({ useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity })
}
