import { launchBrowser, type OpenBrowser } from '../../src/print/browser.js'
import { findBrowser } from '../../src/print/find.js'

let shared: Promise<OpenBrowser> | undefined

/** One real Chromium per test file, started on first use; close it in afterAll. */
export function sharedBrowser(): Promise<OpenBrowser> {
  if (!shared) {
    const { path, tried } = findBrowser()
    if (!path) throw new Error(`Geen Chromium gevonden (gezocht: ${tried.join(', ')}); npm test installeert die via scripts/setup.mjs`)
    shared = launchBrowser(path)
  }
  return shared
}

export async function closeSharedBrowser(): Promise<void> {
  if (shared) await (await shared).close()
  shared = undefined
}
