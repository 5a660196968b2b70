import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compile } from '../src/compile.js'
import { closeSharedBrowser, sharedBrowser } from './helpers/browser.js'
import { asDrafts, cleanupProjects, FIXTURES, projectWith, REPO } from './helpers/project.js'

// Every chart of every report of every project, laid out by Chromium with the page's own font.
const PROJECTS: [string, string][] = [
  ['helmond', REPO],
  ...readdirSync(join(FIXTURES, 'valid')).map((name): [string, string] => [name, join(FIXTURES, 'valid', name)]),
  // Fourteen years, two of them unknown: 'onbekend' in a band narrower than the word.
  ['helmond-onbekend', unknownYears()],
]

function unknownYears(): string {
  const root = asDrafts(projectWith())
  const history = join(root, 'data', 'historie.yaml')
  writeFileSync(history, readFileSync(history, 'utf8').replace('"2013": { meldingen: 2 }', '"2013": { meldingen: onbekend }').replace('"2015": { meldingen: 6 }', '"2015": { meldingen: onbekend }'))
  return root
}

interface Chart { page: string; name: string; texts: string[]; overlaps: string[]; outside: string[]; legend: number[]; underTitle: string[]; onBars: string[] }

const charts: Chart[] = []

beforeAll(async () => {
  const { browser } = await sharedBrowser()
  const tab = await browser.newPage()
  try {
    for (const [project, root] of PROJECTS) {
      const { outputs } = await compile(root)
      for (const [path, html] of outputs) {
        if (!path.endsWith('/index.html')) continue
        await tab.setContent(String(html), { waitUntil: 'load' })
        const found = await tab.evaluate(async () => {
          await document.fonts.ready
          const out: Omit<Chart, 'page'>[] = []
          for (const svg of document.querySelectorAll<SVGSVGElement>('figure.grafiek svg')) {
            const frame = svg.getBoundingClientRect()
            // The em box of each line of text: the box Chromium reports adds the font's ascent and descent, which
            // neighbouring lines of a legend or a wrapped label share without their letters touching.
            // Vega hides axis labels that would collide (opacity 0): those are not read.
            const boxes = [...svg.querySelectorAll('text')].filter((t) => t.textContent!.trim() !== '' && getComputedStyle(t).opacity !== '0').flatMap((t, i) => {
              const size = parseFloat(getComputedStyle(t).fontSize)
              const lines = t.querySelectorAll('tspan').length ? [...t.querySelectorAll('tspan')] : [t]
              return lines.map((line) => {
                const r = line.getBoundingClientRect()
                const inset = Math.max(0, (r.height - size) / 2)
                return { text: t.textContent!.trim(), of: i, title: t.closest('.role-title-text') !== null, mark: t.closest('.role-mark') !== null, left: r.left, right: r.right, top: r.top + inset, bottom: r.bottom - inset }
              })
            })
            const overlaps: string[] = []
            for (const [i, a] of boxes.entries()) {
              for (const b of boxes.slice(i + 1)) {
                if (a.of !== b.of && Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5) overlaps.push(`'${a.text}' / '${b.text}'`)
              }
            }
            const outside = boxes.filter((b) => b.left < frame.left - 0.5 || b.right > frame.right + 0.5 || b.top < frame.top - 0.5 || b.bottom > frame.bottom + 0.5).map((b) => b.text)
            // A value label less than a line below the title reads as part of it (the label of the highest bar).
            const title = boxes.find((b) => b.title)
            const underTitle = title ? boxes.filter((b) => b.mark && b.top >= title.top && Math.min(b.right, title.right) - Math.max(b.left, title.left) > 0 && b.top - title.bottom < 12).map((b) => `${b.text} (${(b.top - title.bottom).toFixed(1)} px)`) : []
            // A label on a bar, or one wider than its band pressed against the next bar ('onbekend' between two years).
            const bars = [...svg.querySelectorAll('g.mark-rect.role-mark path')].map((p) => p.getBoundingClientRect()).filter((r) => r.width > 0 && r.height > 0)
            const onBars = boxes.filter((b) => b.mark && bars.some((r) => Math.min(b.right, r.right) - Math.max(b.left, r.left) > 0.5 && Math.min(b.bottom, r.bottom) - Math.max(b.top, r.top) > 0.5)).map((b) => b.text)
            const legend = [...svg.querySelectorAll('.role-legend')].map((l) => l.querySelectorAll('.role-legend-label text').length)
            out.push({ name: svg.getAttribute('aria-labelledby')!.split(' ')[0]!.replace(/-titel$/, ''), texts: [...new Set(boxes.map((b) => b.text))], overlaps, outside, legend, underTitle, onBars })
          }
          return out
        })
        charts.push(...found.map((c) => ({ ...c, page: `${project} ${path.split('/')[0]}` })))
      }
    }
  } finally {
    await tab.close()
  }
}, 600_000)

afterAll(async () => { await closeSharedBrowser(); cleanupProjects() })

describe('the charts of every report of every project, as Chromium lays them out', () => {
  it('were all measured', () => {
    expect(new Set(charts.map((c) => c.page.split(' ')[0])).size).toBe(PROJECTS.length)
    expect(charts.length).toBeGreaterThan(60)
    for (const chart of charts) expect(chart.texts.length, `${chart.page} ${chart.name}`).toBeGreaterThan(3)
  })

  it('have no text over other text', () => {
    expect(charts.flatMap((c) => c.overlaps.map((o) => `${c.page} ${c.name}: ${o}`))).toEqual([])
  })

  it('leave room between the title and the plot: no value label within a line below the title', () => {
    expect(charts.filter((c) => c.underTitle.length > 0).map((c) => `${c.page} ${c.name}: ${c.underTitle.join(', ')}`)).toEqual([])
  })

  it('put no label over a bar, also where a year without a figure is narrower than the word onbekend', () => {
    expect(charts.filter((c) => c.onBars.length > 0).map((c) => `${c.page} ${c.name}: ${c.onBars.join(', ')}`)).toEqual([])
    expect(charts.some((c) => c.page.startsWith('helmond-onbekend') && c.texts.includes('onbekend'))).toBe(true)
  })

  it('have no legend of one entry', () => {
    expect(charts.filter((c) => c.legend.includes(1)).map((c) => `${c.page} ${c.name}`)).toEqual([])
    expect(charts.some((c) => c.legend.some((n) => n >= 2))).toBe(true)
  })

  it('have no text outside the chart, where it would be cut', () => {
    expect(charts.flatMap((c) => c.outside.map((o) => `${c.page} ${c.name}: '${o}'`))).toEqual([])
  })
})
