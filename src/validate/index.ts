import type { VFile } from 'vfile'
import { hasErrors } from '../diagnostics/emit.js'
import { NATIONAL, resolveVocabularies } from '../domain/vocabularies.js'
import type { Project } from '../domain/project.js'
import type { LoadedProject, YearFileKind } from '../load/project.js'
import { locate, type YamlSource } from '../load/yaml.js'
import { loadAsset } from '../load/asset.js'
import { emit } from '../diagnostics/emit.js'
import type { Historie, Kengetallen, Meldingen, Organisatie, Verslagjaar, Vertrouwenspersonen } from '../types/data.js'
import { checkHistory, checkPercentScale, checkPeriods, checkPrivacy, checkSeriesBreaks, checkSignals, checkSums, checkTheme, checkVocabularies, checkYearFolder } from './consistency.js'
import { checkKeyFigures } from './kengetallen.js'
import { reportSchemaErrors } from './schema-messages.js'
import { validators, type SchemaKind } from './schemas.js'

export interface Validated {
  project: Project | undefined
  files: VFile[]
}

/**
 * Check every loaded file against its schema, then the rules between
 * figures and files. Returns the typed project only when there are no errors
 * (warnings are fine unless the caller makes them strict).
 */
export function validateProject(loaded: LoadedProject): Validated {
  const check = (kind: SchemaKind, source: YamlSource | undefined): boolean => {
    if (!source) return false
    const validate = validators()[kind]
    if (validate(source.value)) return true
    reportSchemaErrors(source, validate.errors ?? [])
    return false
  }

  const configOk = check('organisatie', loaded.config)
  if (loaded.history) check('historie', loaded.history)
  if (configOk) checkTheme(loaded.config!)
  const config = configOk ? (loaded.config!.value as Organisatie) : undefined
  const logo = config?.thema?.logo ? loadLogo(loaded.root, loaded.config!, config.thema.logo) : undefined
  const vocabularies = config ? resolveVocabularies(config) : undefined

  for (const year of loaded.years) {
    const valid = new Set<YearFileKind>()
    for (const [kind, source] of Object.entries(year.sources) as [YearFileKind, YamlSource][]) {
      if (check(kind, source)) valid.add(kind)
    }
    if (year.sources.meta && valid.has('meta')) checkYearFolder(year, year.sources.meta)
    // Rules between figures only make sense on figures of the right shape.
    const validYear = { ...year, sources: Object.fromEntries([...valid].map((k) => [k, year.sources[k]])) }
    if (vocabularies) checkVocabularies(year, vocabularies)
    checkSums(validYear, vocabularies ?? NATIONAL)
    checkSignals(validYear)
    checkPercentScale(validYear)
    if (config) checkPrivacy(validYear, config.privacy?.drempel ?? 0)
  }
  checkHistory(loaded)
  checkPeriods(loaded)
  checkKeyFigures(loaded)
  if (vocabularies) checkSeriesBreaks(loaded, vocabularies)

  if (!config || !vocabularies || hasErrors(loaded.files)) return { project: undefined, files: loaded.files }
  return {
    files: loaded.files,
    project: {
      root: loaded.root,
      config,
      vocabularies,
      history: (loaded.history?.value as Historie | undefined)?.jaren ?? {},
      historySource: (loaded.history?.value as Historie | undefined)?.bron,
      years: loaded.years.map((y) => ({
        year: y.year,
        meta: y.sources.meta!.value as Verslagjaar,
        ...(y.sources.meldingen ? { meldingen: y.sources.meldingen.value as Meldingen } : {}),
        ...(y.sources.vertrouwenspersonen ? { vertrouwenspersonen: y.sources.vertrouwenspersonen.value as Vertrouwenspersonen } : {}),
        ...(y.sources.kengetallen ? { kengetallen: (y.sources.kengetallen.value as Kengetallen).kengetallen } : {}),
        texts: y.texts,
      })),
      logo,
    },
  }
}

function loadLogo(root: string, source: YamlSource, logo: { bestand: string; tekst: string }): Project['logo'] {
  const asset = loadAsset(root, logo.bestand)
  if ('dataUri' in asset) return { src: asset.dataUri, alt: logo.tekst }
  emit(source.file, 'thema-logo', { file: logo.bestand, problem: asset.problem }, locate(source, ['thema', 'logo', 'bestand']))
  return undefined
}
