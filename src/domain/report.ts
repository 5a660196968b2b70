/** A new version of an adopted report: when, and why (`--herzien`). */
export interface Revision { date: string; reason: string }

/** Where a report's PDF is written, by the report's key (its output folder). */
export const pdfName = (key: string) => `jaarverslag-integriteit-${key}.pdf`
export const pdfPath = (key: string) => `${key}/${pdfName(key)}`
/** An earlier version of an adopted report's PDF, kept beside the new one. */
export const earlierPdfPath = (key: string, date: string) => `${key}/jaarverslag-integriteit-${key}-versie-${date}.pdf`
