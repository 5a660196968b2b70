import { deflateSync, inflateSync } from 'node:zlib'
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFString } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compile } from '../src/compile.js'
import { browserPrinter } from '../src/print/index.js'
import { finishPdf } from '../src/print/metadata.js'
import { printPdf } from '../src/print/pdf.js'
import { closeSharedBrowser, sharedBrowser } from './helpers/browser.js'
import { archiveProblems } from './helpers/pdfa.js'
import { REPO } from './helpers/project.js'

// The archive copy: each PDF/A-2 requirement the tool meets has a check of
// its own (helpers/pdfa.ts); here each check is shown to fail on a PDF that
// breaks its requirement. fidelity.test.ts runs them on every project's PDF.

afterAll(closeSharedBrowser)

let bytes: Uint8Array
beforeAll(async () => {
  const { browser } = await sharedBrowser()
  const { outputs } = await compile(REPO, { years: [2024], printer: browserPrinter(browser) })
  bytes = outputs.get('2024/jaarverslag-integriteit-2024.pdf') as Uint8Array
}, 120_000)

const clauses = async (pdf: Uint8Array) => [...new Set((await archiveProblems(pdf)).map((p) => p.clause))]

/** The report's PDF changed by pdf-lib and written again. */
async function changed(change: (pdf: PDFDocument) => void): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false })
  change(pdf)
  return pdf.save({ useObjectStreams: false })
}

const dicts = (pdf: PDFDocument, type: string) => pdf.context.enumerateIndirectObjects().map(([, o]) => (o instanceof PDFRawStream ? o.dict : o))
  .filter((o): o is PDFDict => o instanceof PDFDict && String(o.get(PDFName.of('Type'))) === `/${type}`)
const firstLink = (pdf: PDFDocument) => pdf.getPages().flatMap((p) => p.node.Annots()?.asArray() ?? []).map((a) => pdf.context.lookup(a, PDFDict))[0]!
const metadata = (pdf: PDFDocument) => pdf.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream
const setXmp = (pdf: PDFDocument, change: (xml: string) => string, encoding: BufferEncoding = 'utf8') => {
  const xml = Buffer.from(metadata(pdf).getContents()).toString('utf8')
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(pdf.context.stream(Buffer.from(change(xml), encoding), { Type: 'Metadata', Subtype: 'XML' })))
}

describe('the PDF for the archive (PDF/A-2a)', () => {
  it('meets every requirement checked', async () => {
    expect(await archiveProblems(bytes)).toEqual([])
  })

  it('has a file identifier from its content: the same report, the same identifier', () => {
    const id = /\/ID \[ <([0-9A-F]{32})> <\1> \]/.exec(Buffer.from(bytes).toString('latin1'))
    expect(id).not.toBeNull()
  })

  it('names the blending colour space of a page painted with transparency', async () => {
    const { browser } = await sharedBrowser()
    const raw = await printPdf(browser, '<!doctype html><html lang="nl"><title>t</title><p style="opacity:.5;background:#1d4f91;color:#fff">half doorzichtig</p>')
    const info = { title: 't', author: 'a', subject: 's', keywords: ['k'], date: '2025-01-01', creator: 'c', links: new Map(), contents: [] }
    const pdf = await PDFDocument.load(finishPdf(raw, info))
    const group = pdf.getPages()[0]!.node.lookup(PDFName.of('Group'), PDFDict)
    expect(String(group.get(PDFName.of('S')))).toBe('/Transparency')
    expect(String(group.get(PDFName.of('CS')))).toBe('/DeviceRGB')
    expect(await clauses(finishPdf(raw, info))).toEqual([])
  })

  // Each requirement broken in turn: its check names its clause.
  const broken: [string, string, () => Promise<Uint8Array>][] = [
    ['6.1.2', 'a header without the binary comment', async () => {
      const b = Buffer.from(bytes)
      b.set(Buffer.from('%abcd', 'latin1'), b.indexOf('\n') + 1)
      return b
    }],
    ['6.1.3', 'no file identifier', () => changed((pdf) => { pdf.context.trailerInfo = { Root: pdf.context.trailerInfo.Root!, Info: pdf.context.trailerInfo.Info! } })],
    ['6.1.7', 'a stream that names an external file', () => changed((pdf) => metadata(pdf).dict.set(PDFName.of('F'), PDFString.of('buiten.xml')))],
    ['6.1.13', 'a name longer than 127 bytes', () => changed((pdf) => pdf.catalog.set(PDFName.of('Lang2'), PDFName.of('x'.repeat(130))))],
    ['6.2.3', 'no output intent', () => changed((pdf) => pdf.catalog.delete(PDFName.of('OutputIntents')))],
    ['6.2.4.3', 'a CMYK profile for RGB painting', () => changed((pdf) => {
      const intent = pdf.catalog.lookup(PDFName.of('OutputIntents'), PDFArray).lookup(0, PDFDict)
      const profile = intent.lookup(PDFName.of('DestOutputProfile')) as PDFRawStream
      const icc = inflateSync(profile.getContents())
      icc.set(Buffer.from('CMYK', 'latin1'), 16)
      intent.set(PDFName.of('DestOutputProfile'), pdf.context.register(pdf.context.stream(deflateSync(icc), { N: 3, Filter: 'FlateDecode' })))
    })],
    ['6.2.10', 'a page painted half transparent without a group', () => changed((pdf) => {
      const states = pdf.getPages()[1]!.node.Resources()!.lookup(PDFName.of('ExtGState'), PDFDict)
      const [, ref] = states.entries()[0]!
      pdf.context.lookup(ref, PDFDict).set(PDFName.of('ca'), PDFNumber.of(0.5))
    })],
    ['6.2.11.4', 'a font not embedded', () => changed((pdf) => dicts(pdf, 'FontDescriptor')[0]!.delete(PDFName.of('FontFile2')))],
    ['6.2.11.7', 'a font without a Unicode map', () => changed((pdf) => dicts(pdf, 'Font').find((f) => String(f.get(PDFName.of('Subtype'))) === '/Type0')!.delete(PDFName.of('ToUnicode')))],
    ['6.3.1', 'a movie annotation', () => changed((pdf) => firstLink(pdf).set(PDFName.of('Subtype'), PDFName.of('Movie')))],
    ['6.3.2', 'a link not printed', () => changed((pdf) => firstLink(pdf).set(PDFName.of('F'), PDFNumber.of(0)))],
    ['6.3.3', 'a link without appearance', () => changed((pdf) => firstLink(pdf).delete(PDFName.of('AP')))],
    ['6.5.1', 'a link that launches a program', () => changed((pdf) => firstLink(pdf).set(PDFName.of('A'), pdf.context.obj({ S: 'Launch', F: PDFString.of('x.exe') })))],
    ['6.5.2', 'actions on opening', () => changed((pdf) => pdf.catalog.set(PDFName.of('AA'), pdf.context.obj({})))],
    ['6.6.2.1', 'XMP not in UTF-8', () => changed((pdf) => setXmp(pdf, (xml) => xml, 'latin1'))],
    ['6.6.2.3', 'the PDF/UA schema not described', () => changed((pdf) => setXmp(pdf, (xml) => xml.replace(/<pdfaExtension:schemas>[\s\S]*<\/pdfaExtension:schemas>/, '')))],
    ['6.6.4', 'no PDF/A identification', () => changed((pdf) => setXmp(pdf, (xml) => xml.replace('<pdfaid:part>2</pdfaid:part>', '')))],
    ['6.1.5', 'Info and XMP keywords that differ', () => changed((pdf) => {
      const info = pdf.context.lookup(pdf.context.trailerInfo.Info, PDFDict)
      info.set(PDFName.of('Keywords'), PDFHexString.fromText('integriteit meldingen'))
    })],
    ['6.7.2', 'not marked', () => changed((pdf) => pdf.catalog.set(PDFName.of('MarkInfo'), pdf.context.obj({ Marked: false })))],
    ['6.7.3', 'a structure type without its standard type', () => changed((pdf) => pdf.catalog.lookup(PDFName.of('StructTreeRoot'), PDFDict).delete(PDFName.of('RoleMap')))],
    ['6.7.4', 'a language that is no language tag', () => changed((pdf) => pdf.catalog.set(PDFName.of('Lang'), PDFString.of('nl_NL')))],
  ]
  it.each(broken)('fails %s on %s', async (clause, _, make) => {
    expect(await clauses(await make())).toContain(clause)
  })
})
