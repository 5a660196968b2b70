import { h } from 'hastscript'
import { skipLink, standalonePage } from './page.js'
import { reportCss, type StyleTheme } from './style.js'
import { pdfPath, type EarlierVersion } from '../domain/report.js'
import { versionLink } from './revision.js'

/** An output on the index: absent, current, or kept although its inputs changed since. */
export type Made = 'current' | 'outdated' | undefined

/** A report: `key` names its folder ("2021-2022"), `label` its period as readers see it ("2021/2022"). */
export interface IndexEntry {
  key: string; label: string; title: string; status: string; html: Made; pdf: Made; data: Made
  /** The earlier PDFs of a revised adopted report, the adopted one first. */
  earlier: readonly EarlierVersion[]
}

const OUTDATED = ' (verouderd: de gegevens zijn sindsdien gewijzigd)'

const link = (made: Made, href: string, text: string) =>
  made ? [h('a', { href }, text), ...(made === 'outdated' ? [h('span', { className: ['verouderd'] }, OUTDATED)] : [])] : [text]

/** The data set over all years: its description (JSON-LD) and its table (CSV), from the output folder. */
export interface AllYearsLinks { metadata: string; csv: string }

/** The landing page: every built report with its page, PDF and open data, and the data set over all years. */
export function renderIndex(organisation: string, title: string, entries: readonly IndexEntry[], allYears: AllYearsLinks, theme: StyleTheme): string {
  const sorted = [...entries].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0))
  const wrapper = h('div', { className: ['jaarverslag'] }, [
    skipLink(),
    h('header', { className: ['omslag'] }, [h('p', { className: ['organisatie'] }, organisation), h('h1', `${title}: alle jaren`)]),
    h('main', { id: 'inhoud' }, [
      h('h2', 'Verslagen'),
      h('ul', sorted.map((e) => h('li', [
        ...link(e.html, `${e.key}/index.html`, e.title),
        ` (${e.status})`,
        ...(e.pdf ? [' · ', ...link(e.pdf, pdfPath(e.key, e.status === 'concept'), `PDF van ${e.label}${e.status === 'concept' ? ' (concept)' : ''}`)] : []),
        ...(e.data ? [' · ', ...link(e.data, `${e.key}/data/metadata.json`, `open data ${e.label}`)] : []),
        ...(e.earlier.length > 0 ? [' · herzien; eerder: ', ...e.earlier.flatMap((v, i) => [...(i > 0 ? [', '] : []), versionLink(v, `${e.key}/`)])] : []),
      ]))),
      h('h2', 'Open data over alle jaren'),
      h('p', [
        'Alle cijfers van alle jaren in één tabel, met per jaar de status van het verslag: ',
        h('a', { href: allYears.csv }, 'alle cijfers (CSV)'), ' · ',
        h('a', { href: allYears.metadata }, 'beschrijving van de open data (DCAT, JSON-LD)'), '.',
      ]),
    ]),
  ])
  return standalonePage(`${title} – ${organisation}`, undefined, reportCss(theme, `${organisation} · ${title}`), wrapper)
}

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
