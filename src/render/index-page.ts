import { h } from 'hastscript'
import type { Root } from 'hast'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { createHash } from 'node:crypto'
import { reportCss, type StyleTheme } from './style.js'

export interface IndexEntry { year: number; title: string; status: string; pdf: boolean }

/** The landing page: every built year with its page, PDF and open data. */
export function renderIndex(organisation: string, title: string, entries: readonly IndexEntry[], theme: StyleTheme): string {
  const css = reportCss(theme, `${organisation} · ${title}`)
  const hash = createHash('sha256').update(css).digest('base64')
  const sorted = [...entries].sort((a, b) => b.year - a.year)
  const doc: Root = {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'nl' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { httpEquiv: 'Content-Security-Policy', content: `default-src 'none'; style-src 'sha256-${hash}'; font-src data:; base-uri 'none'; form-action 'none'` }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('title', `${title} – ${organisation}`),
          h('style', css),
        ]),
        h('body', h('div', { className: ['jaarverslag'] }, [
          h('a', { className: ['overslaan'], href: '#inhoud' }, 'Direct naar de inhoud'),
          h('header', { className: ['omslag'] }, [h('p', { className: ['organisatie'] }, organisation), h('h1', `${title}: alle jaren`)]),
          h('main', { id: 'inhoud' }, [
            h('h2', 'Verslagen'),
            h('ul', sorted.map((e) => h('li', [
              h('a', { href: `${e.year}/index.html` }, e.title),
              ` (${e.status})`,
              ...(e.pdf ? [' · ', h('a', { href: `${e.year}/${pdfName(e.year)}` }, `PDF van ${e.year}`)] : []),
              ' · ', h('a', { href: `${e.year}/data/metadata.json` }, `open data ${e.year}`),
            ]))),
          ]),
        ])),
      ]),
    ],
  }
  return unified().use(rehypeStringify).stringify(doc) + '\n'
}

export const pdfName = (year: number) => `jaarverslag-integriteit-${year}.pdf`
