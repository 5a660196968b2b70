import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateTypes, TYPES_FILE } from '../scripts/generate-types.js'
import { BREAKDOWNS, sumsOf } from '../src/domain/breakdowns.js'
import { figuresOf, fixedFigures } from '../src/domain/figures.js'
import { NATIONAL } from '../src/domain/vocabularies.js'
import { HISTORY_LINKS } from '../src/validate/consistency.js'
import { buildReportModel } from '../src/aggregate/model.js'
import { check } from '../src/compile.js'
import { FIXTURES } from './helpers/project.js'
import { SCHEMA_DIR } from '../src/package.js'

type Node = Record<string, unknown>

/** Every named property, anywhere in a schema, with the path that leads to it. */
function properties(node: unknown, path: string[] = []): [string, Node][] {
  if (!node || typeof node !== 'object') return []
  const found: [string, Node][] = []
  for (const [key, value] of Object.entries(node as Node)) {
    // The conditions of if/then only select a branch; they are not properties a user writes.
    if (key === 'if') continue
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [name, prop] of Object.entries(value as Node)) found.push([[...path, name].join('.'), prop as Node])
    }
    found.push(...properties(value, [...path, key]))
  }
  return found
}

const schemas = readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.schema.json'))
const load = (name: string) => JSON.parse(readFileSync(join(SCHEMA_DIR, name), 'utf8')) as Node
const defs = load('gemeenschappelijk.schema.json').$defs as Record<string, Node>

describe('JSON Schemas', () => {
  it('the TypeScript types are generated from the schemas and have not drifted', async () => {
    expect(await generateTypes()).toBe(readFileSync(TYPES_FILE, 'utf8'))
  })

  for (const name of schemas) {
    it(`${name} is draft 2020-12 with a Dutch title and description on every property`, () => {
      const schema = load(name)
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
      const missing = properties(schema).filter(([, prop]) => {
        const ref = typeof prop.$ref === 'string' ? defs[prop.$ref.split('/').pop()!] : undefined
        const title = prop.title ?? ref?.title
        const description = prop.description ?? ref?.description
        return typeof title !== 'string' || typeof description !== 'string'
      })
      expect(missing.map(([p]) => p)).toEqual([])
    })
  }
})

/**
 * The schema node a data path leads to: through properties, a map's
 * additionalProperties, and $refs into this or the shared schema file.
 * Undefined when the schema has no such place.
 */
function schemaAt(file: string, path: readonly string[]): Node | undefined {
  const resolve = (node: Node, from: string): [Node, string] => {
    if (typeof node.$ref !== 'string') return [node, from]
    const [refFile, pointer] = node.$ref.split('#')
    const target = refFile || from
    const found = pointer!.split('/').slice(1).reduce<unknown>((n, k) => (n as Node | undefined)?.[k], load(target)) as Node
    return resolve(found, target)
  }
  let [node, from] = resolve(load(file), file)
  for (const key of path) {
    const props = node.properties as Record<string, Node> | undefined
    const next = props?.[key] ?? (node.additionalProperties && typeof node.additionalProperties === 'object' ? node.additionalProperties as Node : undefined)
    if (!next) return undefined
    ;[node, from] = resolve(next, from)
  }
  return node
}

describe('data paths in the code are places in the schemas', () => {
  // The hour groups of the maximal fixture, so own activities are checked too.
  const groups = check(join(FIXTURES, 'valid', 'rijnstede')).project!.vocabularies.uren
  const refs = [
    ...[...figuresOf(groups)].map(([key, def]) => [`cijfer ${key}`, def.file, def.path] as const),
    ...Object.entries(BREAKDOWNS).map(([id, def]) => [`verdeling ${id}`, def.file, def.path] as const),
    ...sumsOf(groups).flatMap((rule) => [
      [`som ${rule.what}: totaal`, rule.file, rule.total] as const,
      ...('paths' in rule.parts ? rule.parts.paths : [rule.parts.each]).map((p) => [`som ${rule.what}: deel`, rule.file, p] as const),
    ]),
    ...HISTORY_LINKS.map((l) => [`historie ${l.key}`, l.file, l.path] as const),
  ]

  it('every figure, breakdown, sum and history link names a path its schema has', () => {
    expect(refs.length).toBeGreaterThan(50)
    const missing = refs.filter(([, file, path]) => !schemaAt(`${file}.schema.json`, path)).map(([what, , path]) => `${what}: ${path.join('.')}`)
    expect(missing).toEqual([])
  })

  it('a field marked x-cijfer is a figure: its path, unit and title (or own label) come from the schema, each name once', () => {
    const figures = fixedFigures()
    expect(figures['meldingen.intern']).toEqual({ file: 'meldingen', path: ['herkomst', 'intern'], label: 'Interne meldingen', unit: 'aantal', shareOf: 'meldingen.totaal' })
    expect(figures['meldingen.totaal']).toMatchObject({ path: ['totaal'], label: 'Meldingen', history: 'meldingen' })
    expect(figures['vp.uren']).toMatchObject({ file: 'vertrouwenspersonen', path: ['uren', 'totaal'], unit: 'uren' })
    // Every schema, so a mark in a file the code does not read shows too.
    const marked = readdirSync(SCHEMA_DIR).sort().flatMap((name) => [...readFileSync(SCHEMA_DIR + name, 'utf8').matchAll(/"x-cijfer": \{ "naam": "([^"]+)"/g)].map((m) => m[1]))
    expect(Object.keys(figures)).toEqual(marked)
    expect(new Set(marked).size).toBe(marked.length)
  })

  it('the check finds a path that is not there', () => {
    expect(schemaAt('meldingen.schema.json', ['onderzoeken', 'totaal'])).toBeDefined()
    expect(schemaAt('meldingen.schema.json', ['onderzoeken', 'totaaal'])).toBeUndefined()
    expect(schemaAt('vertrouwenspersonen.schema.json', ['uren', 'preventie', 'spreekuur'])).toBeDefined()
  })

  it('the national hour list is the default and every figure of the model is declared once', () => {
    expect(figuresOf(NATIONAL.uren).has('vp.uren_gesprekken')).toBe(true)
    const model = buildReportModel(check(join(FIXTURES, 'valid', 'rijnstede')).project!, 2024)
    const declared = [...figuresOf(groups).keys()]
    expect(Object.keys(model.figures).filter((k) => !k.startsWith('kengetallen.'))).toEqual(declared)
  })
})
