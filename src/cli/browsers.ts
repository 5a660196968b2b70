import type { OpenBrowser } from '../print/browser.js'

/** Browsers of this run, closed on every path, also on Ctrl-C. */
export const openBrowsers = new Set<OpenBrowser>()
