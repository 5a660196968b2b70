import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { toString } from 'hast-util-to-string'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import type { ReportModel } from '../aggregate/model.js'
import { pdfName } from '../domain/report.js'
import { dateText } from '../format/nl.js'
import { sha256 } from '../hash.js'
import { markLandscapeTables } from './landscape.js'
import { estimatedPages, LONG_REPORT_PAGES } from './length.js'
import { markShortParagraphs } from './paragraphs.js'
import { phoneChartCss, reportCss, type StyleTheme } from './style.js'

export interface Page { html: string; fragment: string }

// Raw nodes are the charts' SVG, sanitised when drawn; Markdown's own HTML never reaches the tree (markdown.ts drops it).
const stringifier = unified().use(rehypeStringify, { allowDangerousHtml: true }).freeze()
const toHtml = (tree: Root) => stringifier.stringify(tree)

const STATUS = { concept: 'Concept', definitief: 'Definitief' } as const

/** The report's title line, used in <title>, the running header and the PDF metadata. */
export const reportTitle = (model: ReportModel) => `${model.title} ${model.period.label}`

/** The title of the page and of the PDF: a draft's says so, as its file name does (domain/report.ts). */
export const documentTitle = (model: ReportModel) =>
  `${reportTitle(model)}${model.status === 'concept' ? ' (concept)' : ''} – ${model.organisation}`

/**
 * The table of contents. A long report lists its sections (h3) under each
 * chapter and has the contents on a page of their own; a short one lists the
 * chapters only, and its first chapter follows on the same page.
 */
function toc(body: Root): Element {
  const long = estimatedPages(body.children as ElementContent[]) > LONG_REPORT_PAGES
  const chapters: { heading: Element; sections: Element[] }[] = []
  for (const n of body.children) {
    if (n.type !== 'element') continue
    if (n.tagName === 'h2') chapters.push({ heading: n, sections: [] })
    else if (long && n.tagName === 'h3') chapters.at(-1)?.sections.push(n)
  }
  const entry = (n: Element) => h('a', { href: `#${String(n.properties?.id ?? '')}` }, toString(n))
  const items = chapters.map(({ heading, sections }) => h('li', { className: ['hoofdstuk'] }, [entry(heading), ...(sections.length ? [h('ol', sections.map((s) => h('li', entry(s))))] : [])]))
  return h('nav', { className: ['inhoud'], ariaLabelledBy: 'inhoudsopgave', ...(long ? { dataEigenPagina: '' } : {}) }, [h('h2', { id: 'inhoudsopgave' }, 'Inhoudsopgave'), h('ol', items)])
}

function cover(model: ReportModel, revision: Element | undefined): Element {
  return h('header', { className: ['omslag'] }, [
    ...(model.logo ? [h('img', { className: ['logo'], src: model.logo.src, alt: model.logo.alt })] : []),
    h('p', { className: ['organisatie'] }, model.organisation),
    h('h1', reportTitle(model)),
    h('p', [
      model.status === 'concept' ? h('span', { className: ['status-concept'] }, STATUS.concept) : STATUS.definitief,
      // A draft is not adopted yet, whatever date meta.yaml already holds.
      ...(model.date && model.status !== 'concept' ? [` · vastgesteld ${dateText(model.date)}`] : []),
    ]),
    ...(revision ? [revision] : []),
    ...(model.partial ? [h('p', `Let op: de cijfers van ${model.year} lopen tot en met ${dateText(model.partial.until)}.${model.partial.note ? ` ${model.partial.note}` : ''}`)] : []),
  ])
}

/**
 * A standalone document around the report's content: CSS inline, no
 * scripts, nothing loaded from elsewhere. The Content-Security-Policy
 * allows only this page's own style and embedded fonts and images.
 */
export function standalonePage(title: string, description: string | undefined, css: string, wrapper: Element): string {
  const hash = sha256(css, 'base64')
  const csp = `default-src 'none'; style-src 'sha256-${hash}'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'`
  return toHtml({
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'nl' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: csp }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', title),
          ...(description ? [h('meta', { name: 'description', content: description })] : []),
          h('style', css),
        ]),
        h('body', wrapper),
      ]),
    ],
  }) + '\n'
}

/** The charts drawn in the body: their SVG's width and smallest text (charts are SVG text in raw nodes, see directives.ts). */
function drawnCharts(body: Root): { labelledBy: string; width: number; smallestText: number }[] {
  const out: { labelledBy: string; width: number; smallestText: number }[] = []
  const visit = (n: Root | ElementContent) => {
    if (n.type === 'raw') {
      const svg = /^<svg\b[^>]*>/.exec(n.value)?.[0] ?? ''
      const width = Number(/\swidth="([\d.]+)"/.exec(svg)?.[1])
      const labelledBy = /\saria-labelledby="([^"]+)"/.exec(svg)?.[1]
      const sizes = [...n.value.matchAll(/font-size="([\d.]+)px"/g)].map((m) => Number(m[1]))
      if (labelledBy && width > 0 && sizes.length) out.push({ labelledBy, width, smallestText: Math.min(...sizes) })
    } else if ('children' in n) for (const c of n.children) visit(c as ElementContent)
  }
  visit(body)
  return out
}

/** A draft is never mistaken for the adopted report: said first, in words, not only by colour. */
const conceptBanner = () =>
  h('p', { className: ['concept-banner'], role: 'note' }, [h('strong', 'Concept'), ': dit verslag is nog niet vastgesteld. Cijfers en teksten kunnen nog veranderen.'])

export const skipLink = () => h('a', { className: ['overslaan'], href: '#inhoud' }, 'Direct naar de inhoud')

/**
 * Where else the report is: its PDF and open data beside the page, and the
 * overview of all years one folder up (compile/index-page.ts). On the page
 * only: a fragment lives in a CMS, where these paths lead nowhere.
 */
function publication(model: ReportModel, key: string): Element {
  const concept = model.status === 'concept'
  return h('nav', { className: ['publicatie'], ariaLabel: 'Dit verslag elders' }, [h('ul', [
    h('li', h('a', { href: pdfName(key, concept) }, `${concept ? 'Concept als' : 'Als'} PDF`)),
    h('li', h('a', { href: 'data/metadata.json' }, 'Open data (CSV en JSON)')),
    h('li', h('a', { href: '../index.html' }, 'Alle jaarverslagen')),
  ])])
}

/**
 * The report for one year (in folder `key`) as a page, and as a fragment (no <html>, scoped CSS) for a CMS; a revised
 * adopted report says so on its cover (`revision`).
 */
export function renderPage(model: ReportModel, body: Root, theme: StyleTheme, key: string, revision?: Element): Page {
  const concept = model.status === 'concept'
  const css = reportCss(theme, `${model.organisation} · ${reportTitle(model)}`, concept) + phoneChartCss(drawnCharts(body))
  const wrapper = (links: boolean) => h('div', { className: ['jaarverslag'] }, [
    skipLink(),
    ...(concept ? [conceptBanner()] : []),
    cover(model, revision),
    ...(links ? [publication(model, key)] : []),
    toc(body),
    // The source line closes <main>: as its last child it keeps with the text above it in print (break-before:avoid
    // between main and a footer after it is not honoured by Chromium), so no page holds only that line.
    h('main', { id: 'inhoud' }, [...markLandscapeTables(markShortParagraphs(body)).children as ElementContent[], h('footer', [h('p', `Bron van de cijfers: ${model.source}`)])]),
  ])
  const description = `${reportTitle(model)} van ${model.organisation}: meldingen, onderzoeken en de inzet van de vertrouwenspersonen.`
  return {
    html: standalonePage(documentTitle(model), description, css, wrapper(true)),
    fragment: toHtml({ type: 'root', children: [h('style', css), wrapper(false)] }) + '\n',
  }
}
