import type { Browser } from 'puppeteer'
import { VFile } from 'vfile'
import { emit } from '../diagnostics/emit.js'
import { findBrowser } from './find.js'
import type { BrowserPrinter, Printer } from './index.js'
import type { Steps } from './pdf.js'
import { spawnBrowser, type EarlyBrowser, type SpawnedBrowser } from './spawn.js'

/** JAARVERSLAG_AFDRUKTIJD: seconds per printing step, the browser's start included, for a slow machine (default 60); NaN when not a positive number. */
export function printTimeoutMs(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const value = env.JAARVERSLAG_AFDRUKTIJD
  if (!value) return undefined
  const ms = Math.ceil(Number(value.replace(',', '.')) * 1000)
  return ms > 0 ? ms : Number.NaN
}

/**
 * The browser of one run. Chromium starts the moment the session is made,
 * before the rest of the tool has loaded, so its launch overlaps loading,
 * checking, charting and rendering; puppeteer connects to it over the pipe.
 * The same browser serves every report of the run (and every rebuild of
 * `dev --pdf`), and it is ended at once, without a graceful close.
 */
export class PrintSession {
  private readonly spawned: SpawnedBrowser | undefined
  private printing: Promise<{ printer: BrowserPrinter; browser: Promise<Browser> }> | undefined
  /** Why there is no browser, reported with every build of the run. */
  readonly missing: VFile | undefined
  private readonly timeoutMs: number | undefined

  /** `early`: a browser already started for this run (cli/begin.ts), taken instead of starting one. */
  constructor(private readonly steps: Steps = () => undefined, env: NodeJS.ProcessEnv = process.env, early?: EarlyBrowser) {
    this.timeoutMs = printTimeoutMs(env) || undefined
    if (early) {
      this.spawned = early.spawned
      steps('spawn', early.start, early.end)
      return
    }
    const found = findBrowser(env)
    if (!found.path) {
      this.missing = new VFile()
      emit(this.missing, 'browser-ontbreekt', { tried: found.tried.join(', ') })
      return
    }
    const start = performance.now()
    this.spawned = spawnBrowser(found.path, env)
    steps('spawn', start)
  }

  /** Connect now (puppeteer loads, the handshake runs while the report is made); undefined without a browser. */
  printer(): Printer | undefined {
    const spawned = this.spawned
    if (!spawned) return undefined
    this.printing ??= import('./index.js').then(({ connectBrowser, browserPrinter }) => {
      const start = performance.now()
      // A loaded machine can take long to start Chromium: the start has the same time as every other step.
      const browser = connectBrowser(spawned, this.timeoutMs)
      void browser.then(() => this.steps('launch + connect', start), () => undefined)
      return { printer: browserPrinter(browser, { steps: this.steps, ownBrowser: true, ...(this.timeoutMs ? { timeoutMs: this.timeoutMs } : {}) }), browser }
    })
    const printing = this.printing
    return { print: async (html, model) => (await printing).printer.print(html, model) }
  }

  /** The connected browser and its process id, once connected (for tests that watch it). */
  async browser(): Promise<{ browser: Browser; pid: number } | undefined> {
    const browser = await (await this.printing)?.browser
    return browser && this.spawned?.child.pid ? { browser, pid: this.spawned.child.pid } : undefined
  }

  /**
   * No page follows: the browser ends the moment the pages in hand have
   * printed, while their PDFs are still being finished, and its profile is
   * removed once it has exited.
   */
  finish(): void {
    if (!this.printing) return this.close()
    void this.printing.then(({ printer }) => printer.drain()).then(() => this.end({ inBackground: true }), () => this.close())
  }

  /** End the browser and remove its profile: synchronous, so a signal handler can call it too. */
  close(): void {
    this.end({})
  }

  private ended = false

  private end(options: { inBackground?: boolean }): void {
    const start = performance.now()
    void this.spawned?.kill(options)
    // Timed once: a second call (the end of the run) only makes sure of the profile.
    if (this.spawned && !this.ended) this.steps('close', start)
    this.ended = true
  }
}
