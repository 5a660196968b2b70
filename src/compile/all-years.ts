import { emit } from '../diagnostics/emit.js'
import type { Project } from '../domain/project.js'
import type { AdoptionStatus } from '../domain/report.js'
import type { LoadedProject } from '../load/project.js'
import { locate } from '../load/yaml.js'
import { allYearsOpenData } from '../output/opendata.js'
import { reportsOf } from '../output/plan.js'

/**
 * The data set over all years, made with the index page from the whole
 * project; a project that publishes without a base URL is told once, on its
 * organisatie.yaml, that the metadata can only give relative URLs.
 * `adoptionOf` says whether the report of a year was adopted and revised
 * (compile/adopt.ts, from the adoption record).
 */
export function allYearsData(project: Project, loaded: LoadedProject, adoptionOf: (key: string, adopted: string | undefined) => AdoptionStatus | undefined): Map<string, string> {
  if (!project.config.publicatie?.basis_url && loaded.config) emit(loaded.config.file, 'open-data-adres-ontbreekt', {}, locate(loaded.config, ['publicatie'], 'key'))
  const byYear = new Map(reportsOf(project).flatMap(({ key, year, years }) => {
    const meta = project.years.find((y) => y.year === year)!.meta
    const status = adoptionOf(key, meta.status === 'definitief' ? meta.vastgesteld : undefined)
    return years.map((y) => [y, status] as const)
  }))
  return allYearsOpenData(project, (year) => byYear.get(year))
}
