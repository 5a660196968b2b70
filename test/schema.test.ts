import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateTypes, TYPES_FILE } from '../scripts/generate-types.js'
import { SCHEMA_DIR } from '../src/validate/schemas.js'

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
