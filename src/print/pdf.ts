import type { Browser } from 'puppeteer'
import { closeTab, openTab, printTab, setContent, within, type Tab } from './tab.js'

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

const step = async <T>(name: string, work: Promise<T>): Promise<T> => {
  // A failure of an earlier step (the browser's start) keeps its own step and cause.
  try { return await work } catch (error) { throw error instanceof PrintError ? error : new PrintError(name, error) }
}

/** Records when a named step began; it ends now, or at `end` (the --profiel timings). */
export type Steps = (name: string, start: number, end?: number) => void

/**
 * Print a finished HTML page to PDF: JavaScript off, every request except
 * embedded data failed, content set directly (no file:// navigation),
 * a time limit on every step, tagged and with bookmarks.
 */
export async function printPdf(browser: Browser, html: string, timeoutMs = STEP_TIMEOUT_MS): Promise<Uint8Array> {
  const tab = await step('pagina openen', within(openTab(browser), timeoutMs))
  try {
    return await printOn(tab, html, timeoutMs)
  } finally {
    closeTab(browser, tab)
  }
}

async function printOn(tab: Tab, html: string, timeoutMs: number, steps: Steps = () => undefined): Promise<Uint8Array> {
  let start = performance.now()
  await step('inhoud laden', setContent(tab, html, timeoutMs))
  steps('setContent', start)
  start = performance.now()
  const pdf = await step('PDF maken', printTab(tab, timeoutMs))
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
  private ahead: Promise<{ browser: Browser; tab: Tab }> | undefined
  private blankTaken = false
  /** Set when no page follows: waiting for the pages in hand to print. */
  private drained: (() => void)[] | undefined

  /** `blankTab`: the browser is this printer's alone, so its first tab can be the one it opened at its start. */
  constructor(private readonly browser: Promise<Browser>, private readonly size = 2, private readonly timeoutMs = STEP_TIMEOUT_MS, private readonly blankTab = false) {}

  private open(): Promise<{ browser: Browser; tab: Tab }> {
    const blank = this.blankTab && !this.blankTaken
    this.blankTaken = true
    return this.browser.then(async (browser) => ({ browser, tab: await within(openTab(browser, blank), this.timeoutMs) }))
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

  private async take(): Promise<{ browser: Browser; tab: Tab }> {
    const ahead = this.ahead
    this.ahead = undefined
    return (await ahead?.catch(() => undefined)) ?? step('pagina openen', this.open())
  }

  async print(html: string, steps?: Steps): Promise<Uint8Array> {
    // A waiting print gets the slot of the one that ends (see finally), so `busy` never reads 0 while one waits.
    if (this.busy >= this.size) await new Promise<void>((resolve) => this.queue.push(resolve))
    else this.busy++
    let opened: { browser: Browser; tab: Tab } | undefined
    try {
      const start = performance.now()
      opened = await this.take()
      steps?.('tab', start)
      return await printOn(opened.tab, html, this.timeoutMs, steps)
    } finally {
      if (opened) closeTab(opened.browser, opened.tab)
      this.prepare()
      const next = this.queue.shift()
      if (next) next()
      else if (--this.busy === 0) for (const resolve of this.drained?.splice(0) ?? []) resolve()
    }
  }
}
