import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { VFile } from 'vfile'
import { emit } from '../diagnostics/emit.js'
import { suggest } from '../diagnostics/suggest.js'
import { boundaryOf, inside, type Boundary } from './inside.js'
import { readText } from './read.js'
import { parseYaml, type YamlSource } from './yaml.js'
import { isYearText } from '../domain/years.js'

/** The YAML files a year folder may hold, each with its own schema. */
export const YEAR_FILES = ['meta', 'meldingen', 'vertrouwenspersonen', 'kengetallen'] as const
export type YearFileKind = (typeof YEAR_FILES)[number]

export interface LoadedYear {
  year: number
  dir: string
  sources: Partial<Record<YearFileKind, YamlSource>>
  /** Prose for this year: data/<jaar>/tekst/<naam>.md */
  texts: Map<string, VFile>
}

export interface LoadedProject {
  root: string
  dataDir: string
  config: YamlSource | undefined
  history: YamlSource | undefined
  years: LoadedYear[]
  /** Every file read, for the reporter; problems are messages on them. */
  files: VFile[]
}

/** Read and parse every data file of a project. No validation yet. */
export function loadProject(root: string): LoadedProject {
  const dataDir = join(root, 'data')
  const boundary = boundaryOf(root)
  const files: VFile[] = []
  const yaml = (path: string) => {
    const file = readText(path, boundary)
    files.push(file)
    return parseYaml(file)
  }

  const configPath = join(dataDir, 'organisatie.yaml')
  let config: YamlSource | undefined
  if (existsSync(configPath)) config = yaml(configPath)
  else {
    const file = new VFile({ path: configPath })
    emit(file, 'config-ontbreekt', { file: 'data/organisatie.yaml' })
    files.push(file)
  }
  const historyPath = join(dataDir, 'historie.yaml')
  const history = existsSync(historyPath) ? yaml(historyPath) : undefined

  const years: LoadedYear[] = []
  const entries = existsSync(dataDir) ? readdirSync(dataDir).sort() : []
  for (const name of entries) {
    const dir = join(dataDir, name)
    const found = inside(boundary, dir)
    // A year folder that is a link out of the project: said once, and none of its files read.
    if ('target' in found) {
      const file = new VFile({ path: dir })
      emit(file, 'bestand-buiten-project', { link: relative(root, found.link ?? dir), target: found.target }, { start: { line: 1, column: 1 } })
      files.push(file)
      continue
    }
    if (!('path' in found) || !statSync(found.path).isDirectory()) continue
    if (!isYearText(name)) {
      const file = new VFile({ path: dir })
      emit(file, 'map-geen-jaar', { name })
      files.push(file)
      continue
    }
    const sources: LoadedYear['sources'] = {}
    for (const kind of YEAR_FILES) {
      const path = join(dir, `${kind}.yaml`)
      if (existsSync(path)) {
        const source = yaml(path)
        if (source) sources[kind] = source
      } else if (kind === 'meta') {
        const file = new VFile({ path })
        emit(file, 'bestand-ontbreekt', { file: `data/${name}/meta.yaml` })
        files.push(file)
      }
    }
    years.push({ year: Number(name), dir, sources, texts: loadTexts(join(dir, 'tekst'), boundary, files) })
    files.push(...unreadFiles(dir, name))
  }
  if (years.length === 0 && existsSync(dataDir)) {
    const file = new VFile({ path: dataDir })
    emit(file, 'geen-jaren', {})
    files.push(file)
  }
  return { root, dataDir, config, history, years, files }
}

function loadTexts(dir: string, boundary: Boundary, files: VFile[]): Map<string, VFile> {
  const texts = new Map<string, VFile>()
  if (!existsSync(dir)) return texts
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith('.md')) continue
    const file = readText(join(dir, name), boundary)
    files.push(file)
    texts.set(name.slice(0, -3), file)
  }
  return texts
}

/** Files in a year folder the tool does not read ('meldingen.yml', 'Meldingen.yaml', 'notities.txt'): what is in them would be lost without a word. */
function unreadFiles(dir: string, year: string): VFile[] {
  const read = YEAR_FILES.map((kind) => `${kind}.yaml`)
  const unread = (folder: string, known: (name: string) => boolean, candidates: readonly string[], prefix: string) =>
    readdirSync(folder).sort().filter((name) => !name.startsWith('.') && !known(name)).map((name) => {
      const file = new VFile({ path: join(folder, name) })
      emit(file, 'bestand-niet-gelezen', { file: `data/${year}/${prefix}${name}`, suggestion: suggest(name, candidates) })
      return file
    })
  const texts = join(dir, 'tekst')
  return [
    ...unread(dir, (name) => read.includes(name) || name === 'tekst', read, ''),
    ...(existsSync(texts) && statSync(texts).isDirectory() ? unread(texts, (name) => name.endsWith('.md') && statSync(join(texts, name)).isFile(), [], 'tekst/') : []),
  ]
}
