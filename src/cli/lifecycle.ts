import { endDrawing } from '../chart/worker.js'
import { PrintSession } from '../print/session.js'
import type { Steps } from '../print/pdf.js'
import type { EarlyBrowser } from '../print/spawn.js'
import { Staging } from '../output/stage.js'

/**
 * What one run of the CLI holds open: the browser (print/), the process own
 * charts are drawn in (chart/) and the staging folder (output/). The CLI
 * makes one and passes it down; ending it, also from a signal handler,
 * leaves no browser, no drawing process and no half-written output.
 */
export class Lifecycle {
  readonly staging = new Staging()
  private session: PrintSession | undefined
  /** `dev --pdf` keeps the browser warm between rebuilds. */
  keepBrowser = false

  /** Where the browser and the build report their timings (--profiel). */
  steps: Steps = () => undefined

  /** `early`: the browser cli/begin.ts started before the tool loaded; the run takes it, or ends it at its end. */
  constructor(private early?: EarlyBrowser) {}

  /** The run's browser, started on the first call. */
  browser(): PrintSession {
    this.session ??= new PrintSession(this.steps, process.env, this.early)
    this.early = undefined
    return this.session
  }

  /** The browser, if one was started. */
  get started(): PrintSession | undefined {
    return this.session
  }

  /** A build has handed over every page: end the browser once they are printed, unless a rebuild will want it. */
  printed(): void {
    if (!this.keepBrowser) this.session?.finish()
  }

  /** Printing failed: a later rebuild starts a fresh browser. */
  printFailed(): void {
    this.session?.close()
    this.session = undefined
  }

  /** Synchronous, so a signal handler can call it. */
  end(): void {
    this.staging.abandon()
    endDrawing()
    this.session?.close()
    this.session = undefined
    void this.early?.spawned.kill()
    this.early = undefined
  }
}
