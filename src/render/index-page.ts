import { h } from 'hastscript'
import { skipLink, standalonePage } from './page.js'
import { reportCss, type StyleTheme } from './style.js'

/** A report: `year` is the last year of its period, `folder` and `label` name the period ("2021-2022", "2021/2022"). */
export interface IndexEntry { year: number; folder: string; label: string; title: string; status: string; html: boolean; pdf: boolean }

/** The landing page: every built year with its page, PDF and open data. */
export function renderIndex(organisation: string, title: string, entries: readonly IndexEntry[], theme: StyleTheme): string {
  const sorted = [...entries].sort((a, b) => b.year - a.year)
  const wrapper = h('div', { className: ['jaarverslag'] }, [
    skipLink(),
    h('header', { className: ['omslag'] }, [h('p', { className: ['organisatie'] }, organisation), h('h1', `${title}: alle jaren`)]),
    h('main', { id: 'inhoud' }, [
      h('h2', 'Verslagen'),
      h('ul', sorted.map((e) => h('li', [
        e.html ? h('a', { href: `${e.folder}/index.html` }, e.title) : e.title,
        ` (${e.status})`,
        ...(e.pdf ? [' · ', h('a', { href: `${e.folder}/${pdfName(e.folder)}` }, `PDF van ${e.label}`)] : []),
        ' · ', h('a', { href: `${e.folder}/data/metadata.json` }, `open data ${e.label}`),
      ]))),
    ]),
  ])
  return standalonePage(`${title} – ${organisation}`, undefined, reportCss(theme, `${organisation} · ${title}`), wrapper)
}

/** The PDF's file name after the report period: jaarverslag-integriteit-2024.pdf, …-2021-2022.pdf. */
export const pdfName = (period: string) => `jaarverslag-integriteit-${period}.pdf`

export interface OrganisationEntry { folder: string; name: string; title: string }

/** The landing page of a build of several organisations: each one, linked to its own index. */
export function renderOrganisationsIndex(entries: readonly OrganisationEntry[], theme: StyleTheme): string {
  const title = 'Jaarverslagen integriteit'
  const wrapper = h('div', { className: ['jaarverslag'] }, [
    skipLink(),
    h('header', { className: ['omslag'] }, [h('h1', `${title}: alle organisaties`)]),
    h('main', { id: 'inhoud' }, [
      h('h2', 'Organisaties'),
      h('ul', entries.map((e) => h('li', [h('a', { href: `${e.folder}/index.html` }, e.name), ` (${e.title})`]))),
    ]),
  ])
  return standalonePage(title, undefined, reportCss(theme, title), wrapper)
}
