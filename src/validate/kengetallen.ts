import { emit } from '../diagnostics/emit.js'
import { suggest } from '../diagnostics/suggest.js'
import { getPath } from '../domain/values.js'
import type { LoadedProject, LoadedYear } from '../load/project.js'
import { locate, type YamlSource } from '../load/yaml.js'

interface KeyFigure { id: string; eenheid: unknown; index: number }

/** The key figures of a year as written, each with its place in the list. */
function keyFiguresOf(year: LoadedYear): { source: YamlSource; list: KeyFigure[] } | undefined {
  const source = year.sources.kengetallen
  const list = getPath(source?.value, ['kengetallen'])
  if (!source || !Array.isArray(list)) return undefined
  const figures = list.flatMap((k, index) => {
    const id = getPath(k, ['id'])
    return typeof id === 'string' ? [{ id, eenheid: getPath(k, ['eenheid']), index }] : []
  })
  return { source, list: figures }
}

/** Series breaks recorded in a year's meta.yaml, by the figure they name. */
const breaksOf = (year: LoadedYear | undefined): string[] => {
  const list = getPath(year?.sources.meta?.value, ['reeksbreuken'])
  return Array.isArray(list) ? list.map((b) => String(getPath(b, ['cijfer']))) : []
}

/**
 * Key figures are matched between years by id: an id twice in one year, a
 * unit that changes without a recorded series break, or an id that is
 * almost another year's, would each drop a figure from the report without
 * a word.
 */
export function checkKeyFigures(project: LoadedProject): void {
  const years = project.years.flatMap((y) => {
    const found = keyFiguresOf(y)
    return found ? [{ year: y, ...found }] : []
  })
  for (const { source, list } of years) {
    const first = new Map<string, number>()
    for (const k of list) {
      const earlier = first.get(k.id)
      if (earlier === undefined) { first.set(k.id, k.index); continue }
      const at = locate(source, ['kengetallen', earlier, 'id'])
      emit(source.file, 'kengetal-dubbel', { id: k.id, line: at?.start.line ?? '?' }, locate(source, ['kengetallen', k.index, 'id']))
    }
  }
  for (const [i, later] of years.entries()) {
    const before = years[i - 1]
    if (!before) continue
    const earlierIds = new Map(before.list.map((k) => [k.id, k]))
    const laterIds = new Set(later.list.map((k) => k.id))
    for (const k of later.list) {
      const prev = earlierIds.get(k.id)
      if (prev && prev.eenheid !== k.eenheid && typeof prev.eenheid === 'string' && typeof k.eenheid === 'string') {
        const recorded = project.years.some((y) => y.year > before.year.year && y.year <= later.year.year && breaksOf(y).includes(`kengetallen.${k.id}`))
        if (!recorded) {
          emit(later.source.file, 'kengetal-eenheid-veranderd', { id: k.id, year: later.year.year, unit: k.eenheid, previousYear: before.year.year, previousUnit: prev.eenheid },
            locate(later.source, ['kengetallen', k.index, 'eenheid']))
        }
      }
    }
    // An id in one of the two years only, next to an almost equal id in the other: most likely one id, misspelt.
    const unmatched = (list: KeyFigure[], other: Set<string>) => list.filter((k) => !other.has(k.id))
    const onlyBefore = unmatched(before.list, laterIds).map((k) => k.id)
    const onlyLater = unmatched(later.list, new Set(earlierIds.keys()))
    for (const k of onlyLater) {
      const near = suggest(k.id, onlyBefore)
      if (near) emit(later.source.file, 'kengetal-id-verschilt', { id: k.id, year: later.year.year, near, previousYear: before.year.year }, locate(later.source, ['kengetallen', k.index, 'id']))
    }
  }
}
