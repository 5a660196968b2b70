import { spawn, type ChildProcess } from 'node:child_process'
import { accessSync, constants, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { alive } from '../output/stage.js'

// Flags for a closed network: no background traffic, no updates, a fresh
// profile; --no-sandbox only where it must (as root, and there the renderer in
// the browser's own process, see spawnBrowser). The rest are the ones
// puppeteer's own launch adds (tagged PDF, sRGB, no throttling), so the PDF
// is the same as when puppeteer started the browser.
const FLAGS = [
  '--headless=new', '--hide-scrollbars', '--mute-audio', '--disable-gpu', '--font-render-hinting=none',
  '--export-tagged-pdf', '--generate-pdf-document-outline', '--force-color-profile=srgb',
  '--allow-pre-commit-input', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows',
  '--disable-renderer-backgrounding', '--disable-ipc-flooding-protection', '--disable-hang-monitor',
  '--disable-breakpad', '--disable-crash-reporter', '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages', '--disable-popup-blocking', '--disable-prompt-on-repost',
  '--disable-infobars', '--disable-search-engine-choice-screen', '--metrics-recording-only',
  '--password-store=basic', '--use-mock-keychain',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--disable-default-apps',
  '--disable-dev-shm-usage',
  // Beside request interception, for what the browser fetches by itself (clock, updates, account list):
  // no name resolves, not even the proxy's. '^NOTFOUND' fails in the resolver rules themselves; with
  // '~NOTFOUND' the name reached Chromium's resolver, whose first step is a UDP connect to a public
  // DNS address (its IPv6 probe). Were the rules ignored, the proxy is a closed local port.
  '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>', '--host-resolver-rules=MAP * ^NOTFOUND',
  '--dns-prefetch-disable',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes,NetworkPrediction,LoadingPredictorUseLocalPredictions',
  '--enable-features=PdfOopif',
  // The DevTools protocol over fds 3 and 4: no port, and the browser quits when this process's end closes.
  '--remote-debugging-pipe', 'about:blank',
]

/**
 * A Chromium process started without puppeteer, so it can start before the
 * rest of the tool loads; puppeteer connects to it later over the pipe.
 */
export interface SpawnedBrowser {
  readonly child: ChildProcess
  /** Protocol messages to the browser (fd 3) and from it (fd 4). */
  readonly pipe: { write: Writable; read: Readable }
  /** Settles when the process has ended; the reason when it could not start. */
  readonly ended: Promise<string | undefined>
  /** The browser's fresh profile folder. */
  readonly profile: string
  /**
   * End the browser at once and remove its profile, without waiting for
   * the browser to have exited (again once it has, if a dying process still
   * wrote into it); `inBackground` removes it off the main thread. Safe to
   * call again; settles when the profile is gone.
   */
  kill(options?: { inBackground?: boolean }): Promise<void>
}

/** A browser started before the tool had loaded (cli/begin.ts), and when (for --profiel). */
export interface EarlyBrowser { spawned: SpawnedBrowser; start: number; end: number }

/** Profiles are named by the pid of the build that made them: `jaarverslag-chromium-<pid>-<random>`. */
const PROFILE = /^jaarverslag-chromium-(\d+)-[^-]+$/

/** Remove the profiles of builds that were killed before they could (kill -9 leaves them): their pid is gone. */
export function removeDeadProfiles(dir = profileFolder()): void {
  let names: string[]
  try { names = readdirSync(dir) } catch { return }
  for (const name of names) {
    const pid = Number(PROFILE.exec(name)?.[1])
    // A browser of that build still ending can write into it: left for the next build then.
    try { if (pid && !alive(pid)) rmSync(join(dir, name), { recursive: true, force: true }) } catch { /* next time */ }
  }
}

/**
 * Where the browser's profile goes: the user's TMPDIR if set, else a folder
 * in memory (Linux's /dev/shm). Chromium writes some 250 files into a fresh
 * profile, flushing a few to disk, and all are removed after the print: on
 * a busy disk that cost up to half a second at each end of the build.
 */
export function profileFolder(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TMPDIR) return env.TMPDIR
  try {
    if (!statSync('/dev/shm').isDirectory()) return tmpdir()
    accessSync('/dev/shm', constants.W_OK)
    return '/dev/shm'
  } catch {
    return tmpdir()
  }
}

export function spawnBrowser(path: string, env: NodeJS.ProcessEnv = process.env): SpawnedBrowser {
  const folder = profileFolder(env)
  removeDeadProfiles(folder)
  const profile = mkdtempSync(join(folder, `jaarverslag-chromium-${process.pid}-`))
  const args = [...FLAGS, `--user-data-dir=${profile}`]
  // As root Chromium runs without its sandbox, so a renderer process of its own isolates nothing from
  // the browser; run in the browser's process, the tab is ready with it instead of after a renderer
  // has started (a tenth of the build). With the sandbox, the renderer keeps its own process.
  if (process.getuid?.() === 0) args.splice(-1, 0, '--no-sandbox', '--single-process')
  // Its own process group, so ending it ends its helpers (renderer, zygote) in the same instant.
  const child = spawn(path, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'], detached: true })
  const ended = new Promise<string | undefined>((resolve) => {
    child.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message))
    child.once('exit', () => resolve(undefined))
  })
  let killed = false
  let removed: Promise<void> | undefined
  const options = { recursive: true, force: true, maxRetries: 5, retryDelay: 10 }
  // Once more when the browser has ended: a dying renderer may still have written into the profile.
  const again = () => ended.then(() => rm(profile, options)).catch(() => undefined)
  return {
    child,
    pipe: { write: child.stdio[3] as Writable, read: child.stdio[4] as Readable },
    ended,
    profile,
    kill({ inBackground = false } = {}) {
      if (!killed) {
        killed = true
        // No graceful close: nothing of the browser's state is kept, so there is nothing to save.
        try { if (child.pid) process.kill(-child.pid, 'SIGKILL') } catch { /* already gone */ }
        // Close our end now: puppeteer then drops what it still waits for (and its time-outs) at once.
        child.stdio[3]?.destroy()
        child.stdio[4]?.destroy()
      }
      if (removed) return removed
      if (inBackground) return (removed = rm(profile, options).catch(() => undefined).then(again))
      try { rmSync(profile, options) } catch { /* see again */ }
      return (removed = again())
    },
  }
}
