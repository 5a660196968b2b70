import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import { Ajv, type ValidateFunction } from 'ajv'
import standalone from 'ajv/dist/standalone/index.js'
import type { VFile } from 'vfile'
import { emit } from '../diagnostics/emit.js'
import { listValues, suggest } from '../diagnostics/suggest.js'
import { readText } from '../load/read.js'
import { locate, parseYaml, type Path, type YamlSource } from '../load/yaml.js'

export interface ChartSpec {
  name: string
  file: VFile
  spec: Record<string, unknown>
  title: string
  dataName: string
}

let vegaLiteSchema: ValidateFunction | undefined

/**
 * The Vega-Lite JSON Schema that ships with vega-lite. Compiling it takes
 * seconds, so the compiled validator is kept as standalone code under
 * node_modules/.cache, keyed by the vega-lite version.
 */
async function vegaLiteValidator(): Promise<ValidateFunction> {
  if (vegaLiteSchema) return vegaLiteSchema
  const require = createRequire(import.meta.url)
  const schemaPath = require.resolve('vega-lite/vega-lite-schema.json')
  const version = (JSON.parse(readFileSync(join(dirname(schemaPath), '..', 'package.json'), 'utf8')) as { version: string }).version
  const cacheFile = join(dirname(require.resolve('ajv/package.json')), '..', '.cache', 'jaarverslag', `vega-lite-${version}.cjs`)
  if (!existsSync(cacheFile)) {
    const schema = require('vega-lite/vega-lite-schema.json') as Record<string, unknown>
    const ajv = new Ajv({ strict: false, validateSchema: false, logger: false, code: { source: true }, validateFormats: false })
    const code = standalone.default(ajv, ajv.compile(schema))
    mkdirSync(dirname(cacheFile), { recursive: true })
    const temp = `${cacheFile}.${process.pid}.tmp`
    writeFileSync(temp, code)
    renameSync(temp, cacheFile)
  }
  vegaLiteSchema = require(cacheFile) as ValidateFunction
  return vegaLiteSchema
}

/** Read every `<naam>.vl.json` in the charts folder. Problems are messages on the files. */
export async function loadChartSpecs(dir: string, datasetNames: readonly string[]): Promise<{ specs: Map<string, ChartSpec>; broken: Set<string>; files: VFile[] }> {
  const validate = await vegaLiteValidator()
  const specs = new Map<string, ChartSpec>()
  const broken = new Set<string>()
  const files: VFile[] = []
  let names: string[] = []
  try { names = readdirSync(dir).filter((n) => n.endsWith('.vl.json')).sort() } catch { /* no charts folder: no charts */ }
  for (const name of names) {
    const file = readText(join(dir, name))
    files.push(file)
    const chart = name.slice(0, -'.vl.json'.length)
    // JSON is YAML 1.2, so the YAML loader gives positions; JSON.parse keeps the syntax strict.
    const source = checkJson(file) ? parseYaml(file) : undefined
    const spec = source && checkSpec(source, datasetNames, validate)
    if (spec) specs.set(chart, { ...spec, name: chart, file })
    else broken.add(chart)
  }
  return { specs, broken, files }
}

/** Strict JSON, with the position of the first mistake. */
function checkJson(file: VFile): boolean {
  if (file.messages.length > 0) return false
  const text = String(file.value)
  try {
    JSON.parse(text)
    return true
  } catch (error) {
    const offset = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0)
    const before = text.slice(0, offset).split('\n')
    const detail = offset < text.trimEnd().length ? `onverwacht teken '${text.charAt(offset)}'` : 'het bestand houdt onverwacht op'
    emit(file, 'grafiek-json', { detail }, { start: { line: before.length, column: before[before.length - 1]!.length + 1 } })
    return false
  }
}

function checkSpec(source: YamlSource, datasetNames: readonly string[], validate: ValidateFunction): Omit<ChartSpec, 'name' | 'file'> | undefined {
  const spec = source.value as Record<string, unknown>
  const before = source.file.messages.length
  if (!validate(spec)) {
    const error = validate.errors?.[0]
    const path: Path = (error?.instancePath ?? '').split('/').slice(1)
    emit(source.file, 'grafiek-schema', { detail: `${error?.instancePath || '/'} ${error?.message ?? ''}`.trim() }, locate(source, path))
  }
  for (const found of externalReferences(spec)) {
    emit(source.file, 'grafiek-extern', { what: found.what }, locate(source, found.path))
  }
  const data = spec.data as { name?: unknown; url?: unknown } | undefined
  const dataName = typeof data?.name === 'string' ? data.name : ''
  if (data?.url === undefined && !datasetNames.includes(dataName)) {
    emit(source.file, 'grafiek-gegevens-onbekend', { name: dataName, suggestion: suggest(dataName, datasetNames), allowed: listValues(datasetNames) }, locate(source, ['data']))
  }
  if (source.file.messages.length > before) return undefined
  const title = typeof spec.title === 'string' ? spec.title : typeof (spec.title as { text?: unknown })?.text === 'string' ? String((spec.title as { text: string }).text) : dataName
  return { spec, title, dataName }
}

/** Anything in a spec that would make vega fetch: data URLs, image marks, links. */
export function externalReferences(node: unknown, path: Path = []): { what: string; path: Path }[] {
  if (node === null || typeof node !== 'object') return []
  const found: { what: string; path: Path }[] = []
  for (const [key, value] of Object.entries(node)) {
    const here = [...path, key]
    if (key === 'url' && typeof value === 'string') found.push({ what: `het adres '${value}'`, path: here })
    else if (key === 'href') found.push({ what: 'een link (href)', path: here })
    else if ((key === 'mark' || key === 'type') && (value === 'image' || (value as { type?: unknown })?.type === 'image')) found.push({ what: 'een afbeelding (image-mark)', path: here })
    else found.push(...externalReferences(value, here))
  }
  return found
}
