import { emit } from '../diagnostics/emit.js'
import { displayPath } from '../diagnostics/reporter.js'
import { listValues, suggest } from '../diagnostics/suggest.js'
import { BREAKDOWNS, BREAKDOWN_IDS, sumsOf, type SumParts } from '../domain/breakdowns.js'
import { figuresOf } from '../domain/figures.js'
import type { DataRef } from '../domain/paths.js'
import { getPath, isKnown } from '../domain/values.js'
import { SIGNAL_STATUS, type Vocabularies } from '../domain/vocabularies.js'
import type { LoadedProject, LoadedYear } from '../load/project.js'
import { locate, type YamlSource } from '../load/yaml.js'
import { fixed, number } from '../format/nl.js'

const nl = new Intl.NumberFormat('nl-NL')
const fmt = (v: unknown) => (isKnown(v) ? nl.format(v) : String(v))

/** Every category in a breakdown must be in the organisation's own vocabulary. */
export function checkVocabularies(year: LoadedYear, vocabularies: Vocabularies): void {
  for (const [id, b] of Object.entries(BREAKDOWNS)) {
    const source = year.sources[b.file]
    const breakdown = getPath(source?.value, b.path)
    if (!source || !breakdown || typeof breakdown !== 'object') continue
    const allowed = vocabularies[b.vocabulary]
    for (const key of Object.keys(breakdown)) {
      if (allowed.includes(key)) continue
      emit(source.file, 'categorie-onbekend', {
        field: id.split('.').slice(1).join('.'), key, vocabulary: b.vocabulary,
        suggestion: suggest(key, allowed), allowed: listValues(allowed),
      }, locate(source, [...b.path, key], 'key'))
    }
  }
  checkHourKeys(year, vocabularies.uren)
}

/** Groups and activities under `uren` must be in the organisation's hour vocabulary. */
function checkHourKeys(year: LoadedYear, groups: Vocabularies['uren']): void {
  const source = year.sources.vertrouwenspersonen
  const hours = getPath(source?.value, ['uren'])
  if (!source || !hours || typeof hours !== 'object') return
  const unknown = (path: string[], key: string, allowed: string[]) => emit(source.file, 'categorie-onbekend', {
    field: path.join('.'), key, vocabulary: 'uren', suggestion: suggest(key, allowed), allowed: listValues(allowed),
  }, locate(source, [...path, key], 'key'))
  for (const [groupId, group] of Object.entries(hours)) {
    if (groupId === 'totaal') continue
    const def = groups.find((g) => g.id === groupId)
    if (!def) { unknown(['uren'], groupId, groups.map((g) => g.id)); continue }
    if (!group || typeof group !== 'object') continue
    const allowed = def.activities.map((a) => a.id)
    for (const key of Object.keys(group)) if (key !== 'totaal' && !allowed.includes(key)) unknown(['uren', groupId], key, allowed)
  }
}

function partValues(data: unknown, parts: SumParts): unknown[] {
  if ('paths' in parts) return parts.paths.map((p) => getPath(data, p))
  const node = getPath(data, parts.each)
  if (!node || typeof node !== 'object') return []
  return Object.entries(node).filter(([key]) => key !== 'totaal').map(([, v]) => (parts.field ? getPath(v, [parts.field]) : v))
}

/** Declared totals against the sum of their parts; unknown parts make a sum uncheckable, not zero. */
export function checkSums(year: LoadedYear, vocabularies: Vocabularies): void {
  for (const rule of sumsOf(vocabularies.uren)) {
    const source = year.sources[rule.file]
    if (!source) continue
    const total = getPath(source.value, rule.total)
    const values = partValues(source.value, rule.parts)
    const present = values.filter((v) => v !== undefined)
    if (total === undefined || present.length === 0) continue
    if (!isKnown(total) || !present.every(isKnown)) continue
    const sum = present.reduce((a, b) => a + b, 0)
    if (Math.abs(sum - total) < 1e-9) continue
    emit(source.file, 'som-verschil', {
      what: rule.what, parts: present.map(fmt).join(' + '), sum: fmt(sum), total: fmt(total),
    }, locate(source, rule.total))
  }
}

/** `signalen` and the status 'Alleen als signaal geregistreerd' count the same meldingen: two numbers for it contradict each other in the report. */
export function checkSignals(year: LoadedYear): void {
  const source = year.sources.meldingen
  const signals = getPath(source?.value, ['signalen'])
  const status = getPath(source?.value, ['status', SIGNAL_STATUS])
  if (!source || !isKnown(signals) || !isKnown(status) || signals === status) return
  emit(source.file, 'signalen-verschil', { signals: fmt(signals), category: SIGNAL_STATUS, status: fmt(status) }, locate(source, ['signalen']))
}

/**
 * 0.7 where 70 % was meant: valid, and the report would show 0,7 %. When
 * every percentage of a year is 1 or less, that is the likelier reading:
 * one warning, at the first of them.
 */
export function checkPercentScale(year: LoadedYear): void {
  const source = year.sources.kengetallen
  const list = getPath(source?.value, ['kengetallen'])
  if (!source || !Array.isArray(list)) return
  const percents = list.map((k, i) => ({ i, id: getPath(k, ['id']), value: getPath(k, ['waarde']) }))
    .filter((k, i) => getPath(list[i], ['eenheid']) === 'procent' && typeof k.value === 'number')
  const first = percents[0]
  if (!first || percents.some((k) => (k.value as number) > 1) || percents.every((k) => k.value === 0)) return
  emit(source.file, 'procent-als-fractie', {
    field: `kengetal '${String(first.id)}'`, found: fmt(first.value), year: year.year, count: percents.length, fixed: fmt(Math.round((first.value as number) * 10000) / 100),
  }, locate(source, ['kengetallen', first.i, 'waarde']))
}

/** Small counts in published breakdowns can point to a person. */
export function checkPrivacy(year: LoadedYear, threshold: number): void {
  if (threshold <= 0) return
  for (const b of Object.values(BREAKDOWNS)) {
    const source = year.sources[b.file]
    const breakdown = getPath(source?.value, b.path) as Record<string, unknown> | undefined
    if (!source || !breakdown) continue
    for (const [category, value] of Object.entries(breakdown)) {
      if (isKnown(value) && value > 0 && value < threshold) {
        emit(source.file, 'privacy-klein-aantal', { what: b.title, category, value, threshold }, locate(source, [...b.path, category]))
      }
    }
  }
}

export const HISTORY_LINKS = [
  { key: 'meldingen', what: 'Het totaal aantal meldingen', file: 'meldingen', path: ['totaal'] },
  { key: 'adviesvragen', what: 'Het aantal adviesvragen', file: 'meldingen', path: ['adviesvragen'] },
  { key: 'vp_casussen', what: 'Het aantal casussen bij de vertrouwenspersonen', file: 'vertrouwenspersonen', path: ['casussen', 'totaal'] },
] as const satisfies readonly (DataRef & { key: string; what: string })[]

/** The same year's figure in historie.yaml and in the year folder must agree. */
export function checkHistory(project: LoadedProject): void {
  const history = project.history
  if (!history) return
  for (const year of project.years) {
    for (const link of HISTORY_LINKS) {
      const source = year.sources[link.file]
      const there = getPath(history.value, ['jaren', String(year.year), link.key])
      const here = getPath(source?.value, link.path)
      if (!source || there === undefined || here === undefined || here === there) continue
      const at = locate(history, ['jaren', String(year.year), link.key])
      emit(source.file, 'totaal-verschil', {
        what: link.what, year: year.year, here: fmt(here), there: fmt(there), where: 'historie.yaml',
      }, locate(source, link.path), { note: `Zie ${displayPath(history.file, project.root)}${at ? `:${at.start.line}:${at.start.column}` : ''}` })
    }
  }
}

/** Every figure a series break can name: single figures, breakdowns and the project's key figures. */
function breakableNames(project: LoadedProject, vocabularies: Vocabularies): string[] {
  const keyFigures = project.years.flatMap((y) => {
    const list = getPath(y.sources.kengetallen?.value, ['kengetallen'])
    return Array.isArray(list) ? list.map((k) => `kengetallen.${String(getPath(k, ['id']))}`) : []
  })
  return [...new Set([...figuresOf(vocabularies.uren).keys(), ...BREAKDOWN_IDS, ...keyFigures])]
}

/** A series break must name a figure that exists; a typo would silently compare what is not comparable. */
export function checkSeriesBreaks(project: LoadedProject, vocabularies: Vocabularies): void {
  const names = breakableNames(project, vocabularies)
  const places: { source: YamlSource; path: (string | number)[] }[] = []
  for (const y of project.years) if (y.sources.meta) places.push({ source: y.sources.meta, path: ['reeksbreuken'] })
  const history = project.history
  for (const y of Object.keys((getPath(history?.value, ['jaren']) ?? {}) as object)) places.push({ source: history!, path: ['jaren', y, 'reeksbreuken'] })
  for (const { source, path } of places) {
    const list = getPath(source.value, path)
    if (!Array.isArray(list)) continue
    list.forEach((b, i) => {
      const name = getPath(b, ['cijfer'])
      if (typeof name !== 'string' || names.includes(name)) return
      emit(source.file, 'reeksbreuk-cijfer-onbekend', { name, suggestion: suggest(name, names) }, locate(source, [...path, i, 'cijfer']))
    })
  }
}

/** A report over several years starts before its last year, has a folder for each year, and shares no year with another. */
export function checkPeriods(project: LoadedProject): void {
  const folders = project.years.map((y) => y.year)
  const claimed = new Map<number, number>()
  for (const year of project.years) {
    const meta = year.sources.meta
    const from = getPath(meta?.value, ['verslagperiode', 'van'])
    if (!meta || typeof from !== 'number') continue
    const missing = Array.from({ length: Math.max(0, year.year - from) }, (_, i) => from + i).filter((y) => !folders.includes(y))
    const taken = [...claimed].find(([y]) => y >= from && y <= year.year)
    const problem = from >= year.year ? `het eerste jaar moet vóór ${year.year} liggen`
      : missing.length ? `${missing.slice(0, -1).join(', ')}${missing.length > 1 ? ' en ' : ''}${missing.at(-1)} ${missing.length === 1 ? 'heeft' : 'hebben'} geen map in data/`
      : taken ? `${taken[0]} hoort al bij het verslag dat eindigt in ${taken[1]}` : ''
    if (problem) emit(meta.file, 'verslagperiode-ongeldig', { from, year: year.year, problem }, locate(meta, ['verslagperiode', 'van']))
    else for (let y = from; y <= year.year; y++) claimed.set(y, year.year)
    if (problem || getPath(meta.value, ['status']) !== 'definitief') continue
    // A definitief report publishes every year of its period as final.
    for (const earlier of project.years.filter((y) => y.year >= from && y.year < year.year)) {
      const source = earlier.sources.meta
      if (source && getPath(source.value, ['status']) === 'concept') emit(source.file, 'verslagperiode-concept', { year: earlier.year, from, to: year.year }, locate(source, ['status']))
    }
  }
}

/** meta.yaml's year must match its folder. */
export function checkYearFolder(year: LoadedYear, meta: YamlSource): void {
  const found = getPath(meta.value, ['jaar'])
  if (typeof found === 'number' && found !== year.year) {
    emit(meta.file, 'jaar-klopt-niet', { found, folder: String(year.year) }, locate(meta, ['jaar']))
  }
}

/** Relative luminance of an sRGB colour (#rrggbb), as WCAG defines it. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

export const contrastWithWhite = (hex: string): number => 1.05 / (luminance(hex) + 0.05)

/**
 * The main colour is used for headings and links (text: 4.5:1), the
 * supporting colour for chart bars (graphics: 3:1), both on white.
 */
export function checkTheme(config: YamlSource): void {
  const rules = [
    { key: 'hoofdkleur', needed: 4.5, use: 'koppen, links en grafieken' },
    { key: 'steunkleur', needed: 3, use: 'grafieken' },
  ]
  for (const rule of rules) {
    const colour = getPath(config.value, ['thema', rule.key])
    if (typeof colour !== 'string' || !/^#[0-9a-fA-F]{6}$/.test(colour)) continue
    const ratio = contrastWithWhite(colour)
    if (ratio >= rule.needed) continue
    emit(config.file, 'thema-contrast', {
      field: `thema.${rule.key}`, colour, ratio: fixed(ratio, 2), needed: number(rule.needed), use: rule.use,
    }, locate(config, ['thema', rule.key]))
  }
}
