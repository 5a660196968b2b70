import type { Browser } from 'puppeteer'
import type { ReportModel } from '../aggregate/model.js'
import { documentTitle, reportTitle } from '../render/page.js'
import { PrintError, Tabs, type Steps } from './pdf.js'
import { VERSION } from '../package.js'

export { connectBrowser } from './browser.js'

export const CREATOR = `jaarverslag ${VERSION}`

/** What a build needs of a printer: a PDF for each report page it hands over. */
export interface Printer {
  print(html: string, model: ReportModel): Promise<Uint8Array>
  /** Every page of this build has been handed over. */
  done?(): void
}

/**
 * Prints report pages on one shared browser, on a few reused tabs. The
 * browser may still be starting: the first print waits for it. pdf-lib
 * loads while the first page prints, and finishes one PDF while the next
 * prints.
 */
export interface BrowserPrinter extends Printer {
  /** No page follows: resolves when the browser has printed the pages in hand (their PDFs may still be finishing). */
  drain(): Promise<void>
}

export function browserPrinter(browser: Browser | Promise<Browser>, options: { timeoutMs?: number; steps?: Steps; ownBrowser?: boolean } = {}): BrowserPrinter {
  const started = Promise.resolve(browser).catch((error: unknown) => { throw new PrintError('starten', error) })
  started.catch(() => undefined)
  const tabs = new Tabs(started, undefined, options.timeoutMs, options.ownBrowser)
  tabs.prepare()
  const steps = options.steps ?? (() => undefined)
  return {
    drain: () => tabs.drain(),
    async print(html: string, model: ReportModel) {
      const finishing = Promise.all([import('./metadata.js'), import('./structure.js'), import('./contents.js')])
      const printed = tabs.print(html, steps).catch((error: unknown) => {
        throw error instanceof PrintError ? error.about(`${reportTitle(model)} (${model.organisation})`) : error
      })
      printed.catch(() => undefined)
      // The link texts are read from the HTML while the browser prints it.
      const [{ finishPdf }, { linkTexts }, { contentsTargets }] = await finishing
      const links = linkTexts(html)
      const contents = contentsTargets(html)
      const pdf = await printed
      const start = performance.now()
      const finished = finishPdf(pdf, {
        title: documentTitle(model),
        author: model.organisation,
        subject: `${reportTitle(model)}: meldingen, onderzoeken en vertrouwenspersonen`,
        keywords: model.keywords.length ? model.keywords : ['integriteit', 'jaarverslag'],
        date: model.date ?? `${model.year + 1}-01-01`,
        creator: CREATOR,
        links,
        contents,
      })
      steps('pdf-lib', start)
      return finished
    },
  }
}
