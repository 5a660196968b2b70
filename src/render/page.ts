import type { Element, ElementContent, Root } from 'hast'
import { h } from 'hastscript'
import { toString } from 'hast-util-to-string'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import type { ReportModel } from '../aggregate/model.js'
import { dateText } from '../format/nl.js'
import { sha256 } from '../hash.js'
import { markLandscapeTables } from './landscape.js'
import { reportCss, type StyleTheme } from './style.js'

export interface Page { html: string; fragment: string }

// Raw nodes are the charts' SVG, sanitised when drawn; Markdown's own HTML never reaches the tree (markdown.ts drops it).
const stringifier = unified().use(rehypeStringify, { allowDangerousHtml: true }).freeze()
const toHtml = (tree: Root) => stringifier.stringify(tree)

const STATUS = { concept: 'Concept', definitief: 'Definitief' } as const

/** The report's title line, used in <title>, the running header and the PDF metadata. */
export const reportTitle = (model: ReportModel) => `${model.title} ${model.period.label}`

function toc(body: Root): Element {
  const items = body.children
    .filter((n): n is Element => n.type === 'element' && n.tagName === 'h2')
    .map((n) => h('li', h('a', { href: `#${String(n.properties?.id ?? '')}` }, toString(n))))
  return h('nav', { className: ['inhoud'], ariaLabelledBy: 'inhoudsopgave' }, [h('h2', { id: 'inhoudsopgave' }, 'Inhoudsopgave'), h('ol', items)])
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

/** A draft is never mistaken for the adopted report: said first, in words, not only by colour. */
const conceptBanner = () =>
  h('p', { className: ['concept-banner'], role: 'note' }, [h('strong', 'Concept'), ': dit verslag is nog niet vastgesteld. Cijfers en teksten kunnen nog veranderen.'])

export const skipLink = () => h('a', { className: ['overslaan'], href: '#inhoud' }, 'Direct naar de inhoud')

/** The report for one year as a page, and as a fragment; a revised adopted report says so on its cover (`revision`). */
export function renderPage(model: ReportModel, body: Root, theme: StyleTheme, revision?: Element): Page {
  const concept = model.status === 'concept'
  const css = reportCss(theme, `${model.organisation} · ${reportTitle(model)}`, concept)
  const wrapper = h('div', { className: ['jaarverslag'] }, [
    skipLink(),
    ...(concept ? [conceptBanner()] : []),
    cover(model, revision),
    toc(body),
    h('main', { id: 'inhoud' }, markLandscapeTables(body).children as ElementContent[]),
    h('footer', [h('p', `Bron van de cijfers: ${model.source}`)]),
  ])
  const description = `${reportTitle(model)} van ${model.organisation}: meldingen, onderzoeken en de inzet van de vertrouwenspersonen.`
  return {
    html: standalonePage(`${reportTitle(model)} – ${model.organisation}`, description, css, wrapper),
    fragment: toHtml({ type: 'root', children: [h('style', css), wrapper] }) + '\n',
  }
}
