import { emit } from '../diagnostics/emit.js'
import { suggest } from '../diagnostics/suggest.js'
import { getPath } from '../domain/values.js'
import type { LoadedProject } from '../load/project.js'
import { locate, type YamlSource } from '../load/yaml.js'

interface KeyFigure { id: string; eenheid: unknown; index: number }

/** The key figures of one year as written, in its kengetallen.yaml or in historie.yaml: each with its place in the list. */
interface YearFigures { year: number; source: YamlSource; at: (string | number)[]; list: KeyFigure[] }

function figuresAt(year: number, source: YamlSource | undefined, at: (string | number)[]): YearFigures[] {
  const list = getPath(source?.value, at)
  if (!source || !Array.isArray(list)) return []
  const figures = list.flatMap((k, index) => {
    const id = getPath(k, ['id'])
    return typeof id === 'string' ? [{ id, eenheid: getPath(k, ['eenheid']), index }] : []
  })
  return [{ year, source, at, list: figures }]
}

/** Every year with key figures, the years before the tool (historie.yaml) first, in the order of the years. */
function yearsWithFigures(project: LoadedProject): YearFigures[] {
  const history = getPath(project.history?.value, ['jaren'])
  const earlier = history && typeof history === 'object' ? Object.keys(history) : []
  return [
    ...earlier.flatMap((y) => figuresAt(Number(y), project.history, ['jaren', y, 'kengetallen'])),
    ...project.years.flatMap((y) => figuresAt(y.year, y.sources.kengetallen, ['kengetallen'])),
  ].sort((a, b) => a.year - b.year)
}

/** Series breaks recorded for a year, in its meta.yaml or in historie.yaml, by the figure they name. */
const breaksOf = (project: LoadedProject, year: number): string[] => {
  const meta = getPath(project.years.find((y) => y.year === year)?.sources.meta?.value, ['reeksbreuken'])
  const history = getPath(project.history?.value, ['jaren', String(year), 'reeksbreuken'])
  return [meta, history].flatMap((list) => (Array.isArray(list) ? list.map((b) => String(getPath(b, ['cijfer']))) : []))
}

/**
 * Key figures are matched between years by id: an id twice in one year, a
 * unit that changes without a recorded series break, or an id that is
 * almost another year's, would each drop a figure from the report without
 * a word.
 */
export function checkKeyFigures(project: LoadedProject): void {
  const years = yearsWithFigures(project)
  const place = (y: YearFigures, k: KeyFigure, field: string) => locate(y.source, [...y.at, k.index, field])
  for (const y of years) {
    const first = new Map<string, KeyFigure>()
    for (const k of y.list) {
      const earlier = first.get(k.id)
      if (!earlier) { first.set(k.id, k); continue }
      emit(y.source.file, 'kengetal-dubbel', { id: k.id, line: place(y, earlier, 'id')?.start.line ?? '?' }, place(y, k, 'id'))
    }
  }
  // Each figure is compared with the last year before that has its id: the year the report compares with may lack key figures of its own.
  const last = new Map<string, { year: number; figure: KeyFigure }>()
  for (const later of years) {
    const ids = new Set(later.list.map((k) => k.id))
    // Ids of earlier years that this year lacks: a new id near one of them is most likely that id, misspelt.
    const lapsed = [...last.keys()].filter((id) => !ids.has(id))
    for (const k of later.list) {
      const prev = last.get(k.id)
      if (!prev) {
        const near = suggest(k.id, lapsed)
        if (near) emit(later.source.file, 'kengetal-id-verschilt', { id: k.id, year: later.year, near, previousYear: last.get(near)!.year }, place(later, k, 'id'))
        continue
      }
      if (prev.figure.eenheid === k.eenheid || typeof prev.figure.eenheid !== 'string' || typeof k.eenheid !== 'string') continue
      const between = Array.from({ length: later.year - prev.year }, (_, n) => prev.year + 1 + n)
      if (!between.some((year) => breaksOf(project, year).includes(`kengetallen.${k.id}`))) {
        emit(later.source.file, 'kengetal-eenheid-veranderd', { id: k.id, year: later.year, unit: k.eenheid, previousYear: prev.year, previousUnit: prev.figure.eenheid }, place(later, k, 'eenheid'))
      }
    }
    // Of an id twice in a year, the first counts, as in the report.
    for (const k of later.list) if (last.get(k.id)?.year !== later.year) last.set(k.id, { year: later.year, figure: k })
  }
}
