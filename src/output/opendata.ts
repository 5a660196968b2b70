import { allYearsTable, yearsWithFigures } from '../aggregate/all-years.js'
import { dataTables, toCsv, type DataTable } from '../aggregate/opendata.js'
import type { ReportModel } from '../aggregate/model.js'
import { partialUntil } from '../aggregate/series.js'
import { titleOf } from '../domain/organisation.js'
import type { Organisatie } from '../types/data.js'
import type { Project } from '../domain/project.js'
import type { AdoptionStatus, Revision } from '../domain/report.js'
import { CSVW_FILE, csvwMetadata } from './csvw.js'
import { dcatMetadata, METADATA_FILE, type DataFile, type DatasetText } from './dcat.js'

type Publication = Organisatie['publicatie']

/** The folder of the data set over all years, in the output folder. */
export const ALL_YEARS_FOLDER = 'data/'

const json = (value: unknown) => JSON.stringify(value, null, 2) + '\n'

/**
 * The files of one open-data folder: per table a CSV and a JSON, the CSVW
 * metadata of the CSVs, and last the JSON-LD description of them all (it
 * holds their sizes and checksums).
 */
function folderFiles(dataset: DatasetText, tables: readonly DataTable[], organisation: string, publication: Publication): Map<string, string> {
  const files: DataFile[] = tables.flatMap((t) => [
    { name: `${t.name}.csv`, title: t.title, description: t.description, kind: 'csv' as const, content: toCsv(t) },
    {
      name: `${t.name}.json`, title: `${t.title} (JSON)`, description: `${t.description} Dezelfde tabel als JSON: titel, kolommen en rijen.`, kind: 'json' as const,
      content: json({ titel: t.title, kolommen: t.columns.map((c) => c.name), rijen: t.rows }),
    },
  ])
  files.push({
    name: CSVW_FILE, title: 'Beschrijving van de kolommen (CSV on the Web)',
    description: 'Per CSV-bestand de kolommen met naam, titel, datatype, eenheid en de betekenis van een lege cel, volgens de W3C-aanbeveling CSV on the Web.',
    kind: 'csvw', content: json(csvwMetadata(tables)),
  })
  const out = new Map(files.map((f) => [dataset.folder + f.name, f.content]))
  out.set(dataset.folder + METADATA_FILE, json(dcatMetadata(dataset, files, organisation, publication)))
  return out
}

/** How a report stands: concept, definitief, or definitief and revised. */
function versionOf(status: string, revisions: readonly Revision[]): Pick<DatasetText, 'version' | 'versionNotes'> {
  if (revisions.length === 0) return { version: status }
  return {
    version: `${status}, herzien op ${revisions.at(-1)!.date}`,
    versionNotes: revisions.map((r) => `Herzien op ${r.date}: ${r.reason}`).join(' '),
  }
}

/** The open data of one report, in `<key>/data/`. */
export function reportOpenData(key: string, model: ReportModel, adoption: AdoptionStatus | undefined, publication: Publication): Map<string, string> {
  const adopted = adoption?.adopted
  const revisions = adoption?.revisions ?? []
  const dataset: DatasetText = {
    folder: `${key}/data/`,
    title: `${model.title} ${model.period.label} – ${model.organisation} (open data)`,
    description: `De cijfers uit het ${model.title.toLowerCase()} ${model.period.label} van ${model.organisation}: meldingen, onderzoeken, vertrouwenspersonen en kengetallen, met de vergelijking met eerdere jaren. Status van het verslag: ${model.status}${adopted ? `, vastgesteld op ${adopted}` : ''}. Bron: ${model.source}`,
    temporal: { start: `${model.period.from}-01-01`, end: model.partial?.until ?? `${model.year}-12-31` },
    issued: adopted,
    modified: revisions.at(-1)?.date ?? adopted,
    ...versionOf(model.status, revisions),
    landingPage: `${key}/index.html`,
  }
  return folderFiles(dataset, dataTables(model), model.organisation, publication)
}

/**
 * The data set over all years, in `data/`: every figure of every year in
 * one long table. `adoptionOf` says whether and when the report a year
 * belongs to was adopted and revised.
 */
export function allYearsOpenData(project: Project, adoptionOf: (year: number) => AdoptionStatus | undefined): Map<string, string> {
  const years = yearsWithFigures(project)
  const first = years[0]!
  const last = years.at(-1)!
  const title = titleOf(project.config)
  const organisation = project.config.organisatie
  const dates = years.flatMap((y) => { const a = adoptionOf(y); return a ? [a.adopted, ...a.revisions.map((r) => r.date)] : [] }).sort()
  const byStatus = (status: string) => project.years.filter((y) => y.meta.status === status).map((y) => y.year)
  const definitive = byStatus('definitief')
  const concept = byStatus('concept')
  const dataset: DatasetText = {
    folder: ALL_YEARS_FOLDER,
    title: `${title} – ${organisation}: alle cijfers van alle jaren (open data)`,
    description: `Alle cijfers uit de verslagen '${title}' van ${organisation}, ${first} t/m ${last}, in één tabel: meldingen, onderzoeken, vertrouwenspersonen en kengetallen, per jaar met de status van het verslag van dat jaar (concept, vastgesteld, herzien) en de bron.`,
    temporal: { start: `${first}-01-01`, end: partialUntil(project, last) ?? `${last}-12-31` },
    issued: dates[0],
    modified: dates.at(-1),
    version: [definitive.length ? `definitief: ${definitive.join(', ')}` : '', concept.length ? `concept: ${concept.join(', ')}` : ''].filter(Boolean).join('; ') || 'historie',
    landingPage: 'index.html',
    annual: true,
  }
  const table = allYearsTable(project, adoptionOf)
  return folderFiles(dataset, [table], organisation, project.config.publicatie)
}
