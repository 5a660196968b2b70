import { readdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'

/** The schemas folder of the package: the one source of truth for data shapes. */
export const SCHEMA_DIR = fileURLToPath(new URL('../../schemas/', import.meta.url))

export const SCHEMA_FOR = {
  organisatie: 'organisatie.schema.json',
  historie: 'historie.schema.json',
  meta: 'meta.schema.json',
  meldingen: 'meldingen.schema.json',
  vertrouwenspersonen: 'vertrouwenspersonen.schema.json',
  kengetallen: 'kengetallen.schema.json',
} as const
export type SchemaKind = keyof typeof SCHEMA_FOR

export type JsonSchema = Record<string, unknown>

let cache: { ajv: Ajv2020; validators: Map<SchemaKind, ValidateFunction> } | undefined

/** All schemas, compiled once per process: strict, every error at once. */
export function validators() {
  if (cache) return cache
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true })
  for (const name of readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.schema.json')).sort()) {
    ajv.addSchema(JSON.parse(readFileSync(SCHEMA_DIR + name, 'utf8')) as JsonSchema)
  }
  const compiled = new Map<SchemaKind, ValidateFunction>()
  for (const [kind, id] of Object.entries(SCHEMA_FOR) as [SchemaKind, string][]) {
    const validate = ajv.getSchema(id)
    if (!validate) throw new Error(`schema ${id} ontbreekt in ${SCHEMA_DIR}`)
    compiled.set(kind, validate)
  }
  cache = { ajv, validators: compiled }
  return cache
}
