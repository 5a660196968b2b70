import type { Browser } from 'puppeteer'
import type { ReportModel } from '../aggregate/model.js'
import type { Printer } from '../compile.js'
import { reportTitle } from '../render/page.js'
import { finishPdf } from './metadata.js'
import { linkTexts } from './structure.js'
import { PrintError, printPdf } from './pdf.js'
import { VERSION } from '../package.js'

export const CREATOR = `jaarverslag ${VERSION}`

/**
 * Prints report pages on one shared browser, each on its own tab. The
 * browser may still be starting: the first print waits for it.
 */
export function browserPrinter(browser: Browser | Promise<Browser>, timeoutMs?: number): Printer {
  return {
    async print(html: string, model: ReportModel) {
      const started = Promise.resolve(browser).catch((error: unknown) => { throw new PrintError('starten', error) })
      const pdf = await started.then((b) => printPdf(b, html, timeoutMs)).catch((error: unknown) => {
        if (error instanceof PrintError) error.report = `${reportTitle(model)} (${model.organisation})`
        throw error
      })
      return finishPdf(pdf, {
        title: `${reportTitle(model)} – ${model.organisation}`,
        author: model.organisation,
        subject: `${reportTitle(model)}: meldingen, onderzoeken en vertrouwenspersonen`,
        keywords: model.keywords.length ? model.keywords : ['integriteit', 'jaarverslag'],
        date: model.date ?? `${model.year + 1}-01-01`,
        creator: CREATOR,
        links: linkTexts(html),
      })
    },
  }
}
