import type { Browser, Page } from 'puppeteer'

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

/** A tab with JavaScript off and every request but embedded data aborted. */
async function isolatedPage(browser: Browser, timeoutMs: number): Promise<Page> {
  const page = await browser.newPage()
  page.setDefaultTimeout(timeoutMs)
  await page.setJavaScriptEnabled(false)
  await page.setRequestInterception(true)
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) void request.continue()
    else void request.abort('blockedbyclient')
  })
  return page
}

/**
 * The first print in a fresh browser pays for loading fonts and the PDF
 * code. Doing that once with the report's fonts, while the data is still
 * being checked and charted, takes it off the critical path.
 */
export async function warmUp(browser: Browser, fontCss: string): Promise<void> {
  const page = await isolatedPage(browser, 30_000)
  try {
    await page.setContent(`<!doctype html><html lang="nl"><style>${fontCss} body{font-family:"Noto Sans"}</style><p>Jaarverslag <b>integriteit</b></p></html>`, { waitUntil: 'load' })
    await page.pdf({ format: 'A4', tagged: true, outline: true })
  } finally {
    await page.close().catch(() => undefined)
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
  const page = await step('pagina openen', isolatedPage(browser, timeoutMs))
  try {
    await step('inhoud laden', page.setContent(html, { waitUntil: 'load', timeout: timeoutMs }))
    await step('lettertypen laden', page.evaluateHandle('document.fonts.ready').catch(() => undefined))
    return await step('PDF maken', page.pdf({
      format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, timeout: timeoutMs,
    }))
  } finally {
    await page.close().catch(() => undefined)
  }
}
