import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib'

const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined)

/**
 * Chromium names the table-header elements of its tagged PDF after
 * accessibility nodes ("node00000053"); the numbers depend on what else the
 * browser did before, so the same report gave different bytes. Renumber them
 * in document order, with the cells' /Headers and the /IDTree to match.
 */
export function renumberStructureIds(pdf: PDFDocument): void {
  const elements = pdf.context.enumerateIndirectObjects()
    .filter((entry): entry is [PDFRef, PDFDict] => entry[1] instanceof PDFDict && String(entry[1].get(PDFName.of('Type'))) === '/StructElem')
    .sort(([a], [b]) => a.objectNumber - b.objectNumber)
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

  for (const [, element] of elements) {
    const attributes = element.lookup(PDFName.of('A'))
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

  const root = pdf.catalog.lookupMaybe(PDFName.of('StructTreeRoot'), PDFDict)
  if (!root) return
  removeTree(pdf, root.get(PDFName.of('IDTree')))
  // One leaf holds every id, in name order (zero-padded, so also document order).
  root.set(PDFName.of('IDTree'), pdf.context.register(pdf.context.obj({ Names: named.flatMap(([id, ref]) => [PDFString.of(id), ref]) })))
}

function removeTree(pdf: PDFDocument, node: PDFObject | undefined): void {
  const dict = node instanceof PDFRef ? pdf.context.lookup(node) : node
  if (dict instanceof PDFDict) {
    const kids = dict.lookup(PDFName.of('Kids'))
    if (kids instanceof PDFArray) for (const kid of kids.asArray()) removeTree(pdf, kid)
  }
  if (node instanceof PDFRef) pdf.context.delete(node)
}
