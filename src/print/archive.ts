import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { deflateSync } from 'node:zlib'
import { PDFDict, PDFName, type PDFContext, PDFNumber, PDFRawStream, PDFString, type PDFObject, type PDFRef } from 'pdf-lib'
import { PACKAGE_ROOT } from '../package.js'
import type { PdfFile } from './pdf-file.js'

// What the archive copy (PDF/A-2, ISO 19005-2) asks beyond a tagged PDF;
// docs/ontwerp.md lists each requirement with its clause and test.

let profile: Uint8Array | undefined
/** sRGB (icc-profiles-free, zlib licence; see assets/sRGB.icc.LICENSE), shipped with the tool: the PDF needs it on any machine. */
const srgb = () => (profile ??= readFileSync(join(PACKAGE_ROOT, 'assets', 'sRGB.icc')))

/**
 * Chromium paints in DeviceRGB, which PDF/A allows only with an RGB output
 * intent (6.2.4.3): the sRGB profile the page was designed in, embedded
 * (6.2.3).
 */
export function addOutputIntent(pdf: PdfFile): void {
  const icc = pdf.context.register(pdf.context.stream(deflateSync(srgb()), { N: 3, Filter: 'FlateDecode' }))
  pdf.catalog.set(PDFName.of('OutputIntents'), pdf.context.obj([pdf.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    RegistryName: PDFString.of('http://www.color.org'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: icc,
  })]))
}

/**
 * Every link gets an appearance: one empty form shared by all (a link
 * shows the text under it). PDF/A-2 exempts links (6.3.3), but a reader
 * that draws annotations from their appearance finds one, and the print
 * flag Chromium sets (6.3.2) is kept.
 */
export function addLinkAppearances(pdf: PdfFile): void {
  let empty: PDFRef | undefined
  for (const page of pdf.pages()) {
    for (const ref of page.node.Annots()?.asArray() ?? []) {
      const annotation = pdf.context.lookup(ref)
      if (!(annotation instanceof PDFDict) || String(annotation.get(PDFName.of('Subtype'))) !== '/Link') continue
      empty ??= pdf.context.register(pdf.context.stream(new Uint8Array(), { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 1, 1] }))
      annotation.set(PDFName.of('AP'), pdf.context.obj({ N: empty }))
    }
  }
}

const number = (o: PDFObject | undefined) => (o instanceof PDFNumber ? o.asNumber() : undefined)

/** Whether a resource dictionary paints with transparency: a constant alpha below 1, a soft mask, a blend mode, or a transparency group. */
export function paintsTransparency(context: PDFContext, resources: PDFDict | undefined, seen = new Set<PDFDict>()): boolean {
  if (!resources || seen.has(resources)) return false
  seen.add(resources)
  const states = resources.lookupMaybe(PDFName.of('ExtGState'), PDFDict)
  for (const [, ref] of states?.entries() ?? []) {
    const state = context.lookup(ref)
    if (!(state instanceof PDFDict)) continue
    const alpha = [number(state.get(PDFName.of('CA'))), number(state.get(PDFName.of('ca')))]
    const mask = state.get(PDFName.of('SMask'))
    const blend = state.get(PDFName.of('BM'))
    if (alpha.some((a) => a !== undefined && a < 1) || (mask && String(mask) !== '/None') || (blend && !['/Normal', '/Compatible'].includes(String(blend)))) return true
  }
  const objects = resources.lookupMaybe(PDFName.of('XObject'), PDFDict)
  for (const [, ref] of objects?.entries() ?? []) {
    const object = context.lookup(ref)
    if (!(object instanceof PDFRawStream)) continue
    if (object.dict.has(PDFName.of('SMask')) || object.dict.has(PDFName.of('Group'))) return true
    if (paintsTransparency(context, object.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), seen)) return true
  }
  return false
}

/**
 * A page that paints with transparency names its blending colour space
 * (6.2.10): a page group in DeviceRGB, the space Chromium paints in.
 */
export function addTransparencyGroups(pdf: PdfFile): void {
  for (const page of pdf.pages()) {
    if (page.node.has(PDFName.of('Group')) || !paintsTransparency(pdf.context, page.node.Resources())) continue
    page.node.set(PDFName.of('Group'), pdf.context.obj({ Type: 'Group', S: 'Transparency', CS: 'DeviceRGB' }))
  }
}

/** The PDF/A identification and, since PDF/A-2 predefines no PDF/UA schema, its description (6.6.2.3, 6.6.4). */
export const PDFA_XMP = `<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>A</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>`
