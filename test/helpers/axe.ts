import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { Browser } from 'puppeteer'

const require = createRequire(import.meta.url)
export const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']

/** axe-core's WCAG 2.1 AA violations of a page, in the real Chromium, and how many checks passed. */
export async function axeCheck(browser: Browser, html: string): Promise<{ violations: { id: string; targets: string[] }[]; passes: number }> {
  const axe = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  const page = await browser.newPage()
  try {
    // axe is the test's own script; the report itself runs none and its CSP forbids it.
    await page.setBypassCSP(true)
    await page.setContent(html, { waitUntil: 'load' })
    await page.addScriptTag({ content: axe })
    return await page.evaluate(async (tags) => {
      const r = await (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[]; passes: unknown[] }> } }).axe.run({ runOnly: { type: 'tag', values: tags } })
      return { violations: r.violations.map((v) => ({ id: v.id, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) })), passes: r.passes.length }
    }, WCAG)
  } finally {
    await page.close()
  }
}
