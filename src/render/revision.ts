import type { Element } from 'hast'
import { h } from 'hastscript'
import { dateText } from '../format/nl.js'
import type { Revision } from '../domain/report.js'

/** The note at the top of a revised adopted report: when and why each revision was made. */
export const revisionNote = (revisions: readonly Revision[]): Element =>
  h('div', { className: ['herzien'], role: 'note' }, revisions.map((r) => h('p', `Herziene versie van ${dateText(r.date)}: ${r.reason}`)))
