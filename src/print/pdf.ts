import type { Browser, Page } from 'puppeteer'

/** What went wrong, in the words of the catalogue's detail: Dutch where the cause is known. */
export function printFailure(cause: unknown): string {
  const text = cause instanceof Error ? cause.message.split('\n')[0]! : String(cause)
  if (/Target closed|Connection closed|Session closed|detached|crash/i.test(text)) return 'de browser is onverwacht gestopt'
  if (cause instanceof Error && cause.name === 'TimeoutError') return 'de browser reageerde niet op tijd'
  return text
}

/** Time for each step of printing, the browser's start included (JAARVERSLAG_AFDRUKTIJD changes it). */
export const STEP_TIMEOUT_MS = 60_000

export class PrintError extends Error {
  /** The browser did not answer within the time limit (busy or slow machine), rather than failing. */
  readonly timedOut: boolean
  constructor(readonly step: string, cause: unknown, readonly report = 'het verslag') {
    super(printFailure(cause), { cause })
    this.timedOut = cause instanceof Error && cause.name === 'TimeoutError'
  }

  /** The same failure for one report: a browser that did not start fails every report with one error. */
  about(report: string): PrintError {
    return new PrintError(this.step, this.cause, report)
  }
}

/**
 * A tab with JavaScript off and every request but embedded data aborted.
 * The first is the blank tab the browser opened at its start: it exists
 * already, where a new one would wait for a renderer process.
 */
async function isolatedPage(browser: Browser, timeoutMs: number, blank = false): Promise<Page> {
  const page = (blank ? (await browser.pages())[0] : undefined) ?? await browser.newPage()
  page.setDefaultTimeout(timeoutMs)
  page.on('request', (request) => {
    if (request.url().startsWith('data:')) void request.continue()
    else void request.abort('blockedbyclient')
  })
  await Promise.all([page.setJavaScriptEnabled(false), page.setRequestInterception(true)])
  return page
}

const step = async <T>(name: string, work: Promise<T>): Promise<T> => {
  // A failure of an earlier step (the browser's start) keeps its own step and cause.
  try { return await work } catch (error) { throw error instanceof PrintError ? error : new PrintError(name, error) }
}

/** Records when a named step began; it ends now, or at `end` (the --profiel timings). */
export type Steps = (name: string, start: number, end?: number) => void

/**
 * Print a finished HTML page to PDF: JavaScript off, every request except
 * embedded data aborted, content set directly (no file:// navigation),
 * a time limit on every step, tagged and with bookmarks.
 */
export async function printPdf(browser: Browser, html: string, timeoutMs = STEP_TIMEOUT_MS): Promise<Uint8Array> {
  const page = await step('pagina openen', isolatedPage(browser, timeoutMs))
  try {
    return await printOn(page, html, timeoutMs)
  } finally {
    await page.close().catch(() => undefined)
  }
}

async function printOn(page: Page, html: string, timeoutMs: number, steps: Steps = () => undefined): Promise<Uint8Array> {
  let start = performance.now()
  await step('inhoud laden', page.setContent(html, { waitUntil: 'load', timeout: timeoutMs }))
  steps('setContent', start)
  start = performance.now()
  // page.pdf waits for document.fonts.ready itself (waitForFonts).
  const pdf = await step('PDF maken', page.pdf({
    format: 'A4', printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, waitForFonts: true, timeout: timeoutMs,
  }))
  steps('pdf', start)
  return pdf
}

/**
 * Tabs to print on, shared by every report of a run: at most `size` print at
 * once (the rest wait). The next tab is opened ahead, while the HTML is still
 * being made or the previous report prints. A tab prints once: a document
 * written over another keeps the first one's Content-Security-Policy.
 */
export class Tabs {
  private readonly queue: (() => void)[] = []
  private busy = 0
  private ahead: Promise<Page> | undefined
  private blankTaken = false
  /** Set when no page follows: waiting for the pages in hand to print. */
  private drained: (() => void)[] | undefined

  /** `blankTab`: the browser is this printer's alone, so its first tab can be the one it opened at its start. */
  constructor(private readonly browser: Promise<Browser>, private readonly size = 2, private readonly timeoutMs = STEP_TIMEOUT_MS, private readonly blankTab = false) {}

  private open(): Promise<Page> {
    const blank = this.blankTab && !this.blankTaken
    this.blankTaken = true
    return this.browser.then((b) => isolatedPage(b, this.timeoutMs, blank))
  }

  /** Open the next tab now. */
  prepare(): void {
    if (this.drained) return
    this.ahead ??= this.open()
    this.ahead.catch(() => undefined)
  }

  /** No page follows: resolves when the pages in hand have printed; no tab is opened ahead any more. */
  drain(): Promise<void> {
    this.drained ??= []
    if (this.busy === 0 && this.queue.length === 0) return Promise.resolve()
    return new Promise((resolve) => this.drained!.push(resolve))
  }

  private async take(): Promise<Page> {
    const ahead = this.ahead
    this.ahead = undefined
    return (await ahead?.catch(() => undefined)) ?? step('pagina openen', this.open())
  }

  async print(html: string, steps?: Steps): Promise<Uint8Array> {
    // A waiting print gets the slot of the one that ends (see finally), so `busy` never reads 0 while one waits.
    if (this.busy >= this.size) await new Promise<void>((resolve) => this.queue.push(resolve))
    else this.busy++
    let page: Page | undefined
    try {
      const start = performance.now()
      page = await this.take()
      steps?.('tab', start)
      return await printOn(page, html, this.timeoutMs, steps)
    } finally {
      void page?.close().catch(() => undefined)
      this.prepare()
      const next = this.queue.shift()
      if (next) next()
      else if (--this.busy === 0) for (const resolve of this.drained?.splice(0) ?? []) resolve()
    }
  }
}
