import type { Browser } from 'puppeteer'

/** What went wrong, in the words of the catalogue's detail: Dutch where the cause is known. */
export function printFailure(cause: unknown): string {
  const text = cause instanceof Error ? cause.message.split('\n')[0]! : String(cause)
  if (/Target closed|Connection closed|Session closed|detached|crash/i.test(text)) return 'de browser is onverwacht gestopt'
  if (cause instanceof Error && cause.name === 'TimeoutError') return 'de browser reageerde niet op tijd'
  return text
}

export class PrintError extends Error {
  report = 'het verslag'
  constructor(readonly step: string, cause: unknown) {
    super(printFailure(cause))
  }
}

const step = async <T>(name: string, work: Promise<T>): Promise<T> => {
  try { return await work } catch (error) { throw new PrintError(name, error) }
}

/**
 * Print a finished HTML page to PDF: JavaScript off, every request except
 * embedded data aborted, content set directly (no file:// navigation),
 * a time limit on every step, tagged and with bookmarks.
 */
export async function printPdf(browser: Browser, html: string, timeoutMs = 60_000): Promise<Uint8Array> {
  const page = await step('pagina openen', browser.newPage())
  try {
    page.setDefaultTimeout(timeoutMs)
    await step('JavaScript uitzetten', page.setJavaScriptEnabled(false))
    await step('netwerk afsluiten', page.setRequestInterception(true))
    page.on('request', (request) => {
      if (request.url().startsWith('data:')) void request.continue()
      else void request.abort('blockedbyclient')
    })
    await step('inhoud laden', page.setContent(html, { waitUntil: 'load', timeout: timeoutMs }))
    await step('lettertypen laden', page.evaluateHandle('document.fonts.ready').catch(() => undefined))
    return await step('PDF maken', page.pdf({
      format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: timeoutMs,
    }))
  } finally {
    await page.close().catch(() => undefined)
  }
}
