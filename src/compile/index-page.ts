import { ALL_YEARS } from '../aggregate/all-years.js'
import { titleOf } from '../domain/organisation.js'
import { METADATA_FILE } from '../output/dcat.js'
import { ALL_YEARS_FOLDER } from '../output/opendata.js'
import type { Project } from '../domain/project.js'
import type { EarlierVersion } from '../domain/report.js'
import type { BuildCache, OutputKind } from '../output/cache.js'
import { reportsOf, type Plan } from '../output/plan.js'
import { renderIndex, type IndexEntry, type Made } from '../render/index-page.js'
import { themeOf } from './theme.js'

/** The index lists every report with the outputs its record says exist, outdated ones marked. */
export function indexPage(project: Project, cache: BuildCache, outdated: Plan['outdated'], versions: (key: string) => EarlierVersion[]): string {
  const title = titleOf(project.config)
  const entries: IndexEntry[] = reportsOf(project).map(({ key, label, year }) => {
    const made = (kind: OutputKind): Made => (cache.reports[key]?.outputs[kind] ? (outdated.get(key)?.has(kind) ? 'outdated' : 'current') : undefined)
    return { key, label, title: `${title} ${label}`, status: project.years.find((y) => y.year === year)!.meta.status, html: made('html'), pdf: made('pdf'), data: made('data'), earlier: versions(key) }
  })
  const allYears = { metadata: ALL_YEARS_FOLDER + METADATA_FILE, csv: `${ALL_YEARS_FOLDER}${ALL_YEARS}.csv` }
  return renderIndex(project.config.organisatie, title, entries, allYears, themeOf(project))
}
