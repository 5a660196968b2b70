import { readdirSync, readFileSync } from 'node:fs'
import { SCHEMA_DIR } from '../package.js'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import { hashOf } from '../hash.js'
import { compiledValidators } from './tool-cache.js'

export const SCHEMA_FOR = {
  organisatie: 'organisatie.schema.json',
  historie: 'historie.schema.json',
  meta: 'meta.schema.json',
  meldingen: 'meldingen.schema.json',
  vertrouwenspersonen: 'vertrouwenspersonen.schema.json',
  kengetallen: 'kengetallen.schema.json',
  zinnen: 'zinnen.schema.json',
} as const
export type SchemaKind = keyof typeof SCHEMA_FOR

export type JsonSchema = Record<string, unknown>

const schemaFiles = () => readdirSync(SCHEMA_DIR).filter((n) => n.endsWith('.schema.json')).sort()

let ajv: Ajv2020 | undefined

/** All schemas in one ajv: strict, every error at once. */
export function schemaAjv(options: { source?: boolean } = {}): Ajv2020 {
  if (ajv && !options.source) return ajv
  const instance = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true, code: { source: options.source ?? false } })
  // Which fields are figures, and their names in templates (domain/figures.ts): an annotation, not a check.
  instance.addKeyword('x-cijfer')
  for (const name of schemaFiles()) instance.addSchema(JSON.parse(readFileSync(SCHEMA_DIR + name, 'utf8')) as JsonSchema)
  if (!options.source) ajv = instance
  return instance
}

let compiled: Record<SchemaKind, ValidateFunction> | undefined

/** A validator per kind of file, compiled once per schema content (see tool-cache.ts). */
export function validators(): Record<SchemaKind, ValidateFunction> {
  compiled ??= compiledValidators<Record<SchemaKind, ValidateFunction>>(
    'schemas',
    hashOf(...schemaFiles().map((n) => readFileSync(SCHEMA_DIR + n))),
    () => ({ ajv: schemaAjv({ source: true }), refs: { ...SCHEMA_FOR } }),
  )
  return compiled
}
