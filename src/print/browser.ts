import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import puppeteer, { type Browser } from 'puppeteer'

export interface OpenBrowser { browser: Browser; close: () => Promise<void> }

// Flags for a closed network: no background traffic, no updates, a fresh
// profile; --no-sandbox only where it must (as root).
const FLAGS = [
  '--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--no-default-browser-check', '--disable-extensions', '--disable-default-apps', '--mute-audio',
  '--disable-dev-shm-usage', '--font-render-hinting=none',
  // Belt and braces beside request interception: every connection goes to a closed local port, no name resolves.
  '--proxy-server=127.0.0.1:9', '--proxy-bypass-list=<-loopback>', '--host-resolver-rules=MAP * ~NOTFOUND',
  '--dns-prefetch-disable', '--disable-features=NetworkPrediction,LoadingPredictorUseLocalPredictions',
]

/** Launch the system browser over a pipe, so it dies with this process. */
export async function launchBrowser(path: string, timeoutMs = 30_000): Promise<OpenBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'jaarverslag-chromium-'))
  const args = [...FLAGS, `--user-data-dir=${profile}`]
  if (process.getuid?.() === 0) args.push('--no-sandbox')
  let browser: Browser
  try {
    browser = await puppeteer.launch({ executablePath: path, pipe: true, headless: true, args, timeout: timeoutMs, handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false, ignoreDefaultArgs: ['--enable-automation'] })
  } catch (error) {
    rmSync(profile, { recursive: true, force: true })
    throw error
  }
  let closed = false
  return {
    browser,
    close: async () => {
      if (closed) return
      closed = true
      await browser.close().catch(() => browser.process()?.kill('SIGKILL'))
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 })
    },
  }
}
