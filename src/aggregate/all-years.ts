import { BREAKDOWNS, BREAKDOWN_IDS } from '../domain/breakdowns.js'
import { figuresOf } from '../domain/figures.js'
import { getPath } from '../domain/values.js'
import type { Project } from '../domain/project.js'
import type { AdoptionStatus } from '../domain/report.js'
import type { Point } from '../domain/series.js'
import { STATE_COLUMNS, stateCells, VALUE, type Cell, type DataTable } from './opendata.js'
import { pointFrom, pointOf, yearData } from './series.js'

/** The table's name: its files are cijfers-alle-jaren.csv and .json. */
export const ALL_YEARS = 'cijfers-alle-jaren'

/** Every year with figures: the year folders and the years of historie.yaml. */
export function yearsWithFigures(project: Project): number[] {
  const years = new Set([...project.years.map((y) => y.year), ...Object.keys(project.history).map(Number)])
  return [...years].sort((a, b) => a - b)
}

/**
 * Every figure of every year in long format: one row per figure and year,
 * and per category for a breakdown; what a year has not registered has no
 * row. Each row carries the state of its figure and the status of its
 * year's report (concept, adopted on, revised on) and its source.
 */
export function allYearsTable(project: Project, adoptionOf: (year: number) => AdoptionStatus | undefined): DataTable {
  const defs = figuresOf(project.vocabularies.uren)
  const rows: Cell[][] = []
  for (const year of yearsWithFigures(project)) {
    const data = yearData(project, year)
    const adoption = adoptionOf(year)
    const status = [data?.meta.status ?? null, adoption?.adopted ?? null, adoption?.revisions.at(-1)?.date ?? null, data?.meta.bron ?? project.historySource ?? 'historie.yaml']
    const add = (figure: string, label: string, category: string | null, unit: string, p: Point) => {
      if (p.state !== 'absent') rows.push([year, figure, label, category, unit, p.state === 'known' ? p.value : null, ...stateCells(p), ...status])
    }
    for (const [key, def] of defs) add(key, def.label, null, def.unit, pointOf(project, key, year))
    for (const id of BREAKDOWN_IDS) {
      const def = BREAKDOWNS[id]
      const table = getPath(data?.[def.file], def.path) as Record<string, unknown> | undefined
      if (!table) continue
      const listed = project.vocabularies[def.vocabulary].filter((c) => c in table)
      for (const category of listed) add(id, def.title, category, 'aantal', pointFrom(project, id, year, table[category]))
    }
    for (const k of data?.kengetallen ?? []) add(`kengetallen.${k.id}`, k.naam, null, k.eenheid, pointFrom(project, `kengetallen.${k.id}`, year, k.waarde))
  }
  const years = yearsWithFigures(project)
  return {
    name: ALL_YEARS,
    title: 'Alle cijfers van alle jaren',
    description: `Elk cijfer van elk jaar (${years[0]} t/m ${years.at(-1)}) in lange vorm: één rij per cijfer per jaar, en per categorie bij een verdeling. Een cijfer dat een jaar niet registreerde, heeft geen rij. Elke rij zegt of het cijfer bekend is, of het jaar maar een deel van het jaar beslaat, of het cijfer vanaf dat jaar anders wordt geteld, en hoe het verslag van dat jaar ervoor staat.`,
    columns: [
      { name: 'jaar', title: 'Jaar', datatype: 'integer', description: 'Het jaar waarover het cijfer gaat.' },
      { name: 'figuur', title: 'Cijfer', datatype: 'string', description: "De naam van het cijfer, zoals sjablonen het noemen: 'meldingen.totaal', een verdeling als 'meldingen.type', of 'kengetallen.<id>'." },
      { name: 'omschrijving', title: 'Omschrijving', datatype: 'string', description: 'Wat het cijfer telt, zoals het verslag het noemt.' },
      { name: 'categorie', title: 'Categorie', datatype: 'string', description: 'De categorie binnen een verdeling. Bij verdelingen over de vertrouwenspersonen kan een casus in meer categorieën vallen.', empty: 'het cijfer is geen verdeling' },
      { name: 'eenheid', title: 'Eenheid', datatype: 'string', description: "De eenheid van de waarde: 'aantal', 'uren', 'procent' of 'euro'." },
      VALUE,
      ...STATE_COLUMNS,
      { name: 'verslagstatus', title: 'Status van het verslag', datatype: 'string', description: "'concept' of 'definitief': hoe het verslag van dit jaar ervoor staat.", empty: 'het cijfer komt uit historie.yaml (een jaar van vóór dit hulpmiddel)' },
      { name: 'vastgesteld', title: 'Vastgesteld op', datatype: 'date', description: 'De datum waarop het verslag van dit jaar is vastgesteld.', empty: 'het verslag is (nog) niet vastgesteld' },
      { name: 'herzien', title: 'Herzien op', datatype: 'date', description: 'De datum van de laatste herziening van het vastgestelde verslag van dit jaar.', empty: 'het verslag is niet herzien' },
      { name: 'bron', title: 'Bron', datatype: 'string', description: 'Waar de cijfers van dit jaar vandaan komen.' },
    ],
    rows,
  }
}
