import type { Element } from 'hast'
import { h } from 'hastscript'
import type { EarlierVersion, Revision } from '../domain/report.js'
import { dateText } from '../format/nl.js'

/** The name of an earlier PDF, as a link says it. */
export const versionText = (v: EarlierVersion): string =>
  `${v.adopted ? 'vastgestelde versie' : 'versie'} van ${dateText(v.date)} (PDF)`

/** A link to an earlier PDF from the report's own folder. */
export const versionLink = (v: EarlierVersion, from = ''): Element => h('a', { href: from + v.path.slice(v.path.indexOf('/') + 1) }, versionText(v))

/**
 * The note on the cover of a revised adopted report: when and why each
 * revision was made, and the earlier PDFs, the adopted one first.
 */
export const revisionNote = (revisions: readonly Revision[], versions: readonly EarlierVersion[]): Element =>
  h('div', { className: ['herzien'], role: 'note' }, [
    ...revisions.map((r) => h('p', `Herziene versie van ${dateText(r.date)}: ${r.reason}`)),
    ...(versions.length > 0 ? [h('p', ['Eerder verschenen: ', ...versions.flatMap((v, i) => [...(i > 0 ? [', '] : []), versionLink(v)])])] : []),
  ])
