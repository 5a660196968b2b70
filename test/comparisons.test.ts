import type { Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import { beforeAll, describe, expect, it } from 'vitest'
import { compile } from '../src/compile.js'
import { PROJECTS } from './helpers/project.js'

// The comparisons of issue 23, read off every page of every project as a
// raadslid reads them: no percentage on a small base, categories compared
// only with what they were, totals that differ from their parts said so,
// series breaks and partial years visible in tables, text and charts.

const pages = new Map<string, Map<string, Root>>()

beforeAll(async () => {
  for (const [name, root] of PROJECTS) {
    const { outputs } = await compile(root)
    const trees = new Map<string, Root>()
    for (const [path, content] of outputs) {
      const m = /^(\d{4}(?:-\d{4})?)\/index\.html$/.exec(path)
      if (m && typeof content === 'string') trees.set(m[1]!, fromHtml(content))
    }
    pages.set(name, trees)
  }
}, 300_000)

/** The default of vergelijking.procent_vanaf, which none of the projects sets. */
const DEFAULT_PERCENT_FROM = 20

const parse = (s: string) => Number(s.replace(/\./g, '').replace(',', '.').replace('−', '-'))

describe.each(PROJECTS)('the comparisons of %s', (name) => {
  it(`give no change in percent on a base below ${DEFAULT_PERCENT_FROM}, in tables or in text`, () => {
    for (const [report, tree] of pages.get(name)!) {
      visit(tree, 'element', (node) => {
        if (node.tagName !== 'td' && node.tagName !== 'p') return
        const text = toString(node).replace(/\s+/g, ' ')
        // "+5 (+250%)": the base is the change divided by its fraction.
        for (const [cell, abs = '', pct = ''] of text.matchAll(/([+−][\d.,]+) \(([+−][\d.,]+)%\)/g)) {
          expect(Math.abs(parse(abs) / (parse(pct) / 100)), `${name} ${report}: ${cell}`).toBeGreaterThanOrEqual(DEFAULT_PERCENT_FROM - 0.5)
        }
        // "…, tegen 1 in 2023: 2 meer, een stijging van 200%."
        for (const [sentence, base = ''] of text.matchAll(/tegen ([\d.,]+) in \d{4}[^.]*(?:stijging|daling) van [\d,]+%/g)) {
          expect(parse(base), `${name} ${report}: ${sentence}`).toBeGreaterThanOrEqual(DEFAULT_PERCENT_FROM)
        }
      })
    }
  })
})
