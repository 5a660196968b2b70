import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compile } from '../src/compile.js'
import { closeSharedBrowser, sharedBrowser } from './helpers/browser.js'
import { PROJECTS } from './helpers/project.js'

// Every year page of every project in the real Chromium on a phone's
// screen (390 CSS px wide, as an iPhone 12 to 15): what a reader there sees
// of the charts' text and of the wide tables.

afterAll(closeSharedBrowser)

interface OnPhone {
  /** How far the page itself scrolls sideways. */
  pageOverflow: number
  /** Chart texts smaller than 12 px as shown: chart, text and size. */
  smallText: string[]
  /** Tables wider than their box, with whether the box scrolls and shows a cue. */
  wideTables: { caption: string; scrolls: boolean; cue: boolean }[]
  /** Charts wider than their figure, likewise. */
  wideCharts: { chart: string; scrolls: boolean; cue: boolean }[]
}

const seen = new Map<string, OnPhone>()

beforeAll(async () => {
  const { browser } = await sharedBrowser()
  const tab = await browser.newPage()
  await tab.setViewport({ width: 390, height: 844 })
  try {
    for (const [name, root] of PROJECTS) {
      const { outputs } = await compile(root)
      for (const [path, html] of outputs) {
        if (!/^[\d-]+\/index\.html$/.test(path)) continue
        // A new document each time: the CSP of the page before (its style's hash) would block this page's style.
        await tab.goto('about:blank')
        await tab.setContent(String(html), { waitUntil: 'load' })
        seen.set(`${name} ${path.split('/')[0]}`, await tab.evaluate(async () => {
          await document.fonts.ready
          const cue = (e: Element) => {
            const s = getComputedStyle(e)
            // A shadow that stays at the edge while the light cover moves with the content.
            return /gradient/.test(s.backgroundImage) && /local/.test(s.backgroundAttachment) && /scroll/.test(s.backgroundAttachment)
          }
          const scrolls = (e: Element) => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)
          const smallText: string[] = []
          const wideCharts: OnPhone['wideCharts'] = []
          for (const svg of document.querySelectorAll<SVGSVGElement>('figure.grafiek svg')) {
            const chart = svg.getAttribute('aria-labelledby')!.split(' ')[0]!
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width
            for (const t of svg.querySelectorAll('text')) {
              const px = parseFloat(getComputedStyle(t).fontSize) * scale
              if (t.textContent!.trim() && px < 12 - 0.01) smallText.push(`${chart}: '${t.textContent!.trim()}' ${px.toFixed(1)} px`)
            }
            const figure = svg.closest('figure')!
            if (figure.scrollWidth > figure.clientWidth + 1) wideCharts.push({ chart, scrolls: scrolls(figure), cue: cue(figure) })
          }
          const wideTables = [...document.querySelectorAll('main .tabel')]
            .filter((box) => box.scrollWidth > box.clientWidth + 1)
            .map((box) => ({ caption: box.querySelector('caption')!.textContent!, scrolls: scrolls(box), cue: cue(box) }))
          return { pageOverflow: document.documentElement.scrollWidth - 390, smallText, wideTables, wideCharts }
        }))
      }
    }
  } finally {
    await tab.close()
  }
}, 600_000)

describe.each(PROJECTS)('the year pages of %s on a phone 390 px wide', (name) => {
  const pages = () => [...seen].filter(([page]) => page.startsWith(`${name} `))

  it('show every text of every chart at 12 px or more', () => {
    expect(pages().length).toBeGreaterThan(0)
    for (const [page, s] of pages()) expect(s.smallText, page).toEqual([])
  })

  it('do not scroll sideways as a whole: a wide table or chart scrolls in its own box, with a shadow where more is hidden', () => {
    for (const [page, s] of pages()) {
      expect(s.pageOverflow, page).toBeLessThanOrEqual(0)
      for (const t of s.wideTables) expect(t, page).toEqual({ caption: t.caption, scrolls: true, cue: true })
      for (const c of s.wideCharts) expect(c, page).toEqual({ chart: c.chart, scrolls: true, cue: true })
    }
  })
})

it('a phone shows wide tables in the example (the test above reads some)', () => {
  expect([...seen.values()].some((s) => s.wideTables.length > 0)).toBe(true)
})
