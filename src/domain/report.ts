/** A new version of an adopted report: when, and why (`--herzien`). */
export interface Revision { date: string; reason: string }

/** That a report is adopted: on which date, and its revisions since (oldest first), as its adoption record (vastgesteld/) has them. */
export interface AdoptionStatus { adopted: string; revisions: readonly Revision[] }

/** Where a report's PDF is written, by the report's key (its output folder); a draft's name says it is one. */
export const pdfName = (key: string, concept = false) => `jaarverslag-integriteit-${key}${concept ? '-concept' : ''}.pdf`
export const pdfPath = (key: string, concept = false) => `${key}/${pdfName(key, concept)}`
/** An earlier version of an adopted report's PDF, kept beside the new one. */
export const earlierPdfPath = (key: string, date: string) => `${key}/jaarverslag-integriteit-${key}-versie-${date}.pdf`

/** An earlier PDF of an adopted report: the adopted version, or a revision since replaced. */
export interface EarlierVersion { date: string; adopted: boolean; path: string }

/** The earlier PDFs of an adopted report that was revised: the adopted one, then every revision but the last (whose PDF is the current one). */
export const earlierVersions = (key: string, adopted: string, revisions: readonly Revision[]): EarlierVersion[] =>
  revisions.length === 0 ? [] : [adopted, ...revisions.slice(0, -1).map((r) => r.date)].map((date, i) => ({ date, adopted: i === 0, path: earlierPdfPath(key, date) }))
