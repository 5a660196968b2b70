import type { ErrorObject } from 'ajv'
import { emit } from '../diagnostics/emit.js'
import { listValues, suggest } from '../diagnostics/suggest.js'
import { locate, type Path, type YamlSource } from '../load/yaml.js'
import { describeValue } from './describe.js'
import { schemaAjv } from './schemas.js'

type Schema = { $ref?: string; propertyNames?: { description?: string }; title?: string; description?: string; properties?: Record<string, Schema>; enum?: unknown[]; const?: unknown }

const TYPE_WORDS: Record<string, string> = {
  integer: 'een geheel getal',
  number: 'een getal',
  string: 'tekst',
  object: 'velden (naam: waarde)',
  array: 'een opsomming (regels met -)',
  boolean: 'ja of nee (true/false)',
}

/** '12,5' where a number belongs: the Dutch decimal comma, which YAML reads as text. Its fix, or ''. */
const commaNumber = (error: ErrorObject): string =>
  typeof error.data === 'string' && /^[-+]?\d+,\d+$/.test(error.data.trim()) ? error.data.trim().replace(',', '.') : ''

const pathOf = (instancePath: string): Path =>
  instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))

/** herkomst.intern, kengetallen[2].eenheid (counting from 1, as people do) */
const fieldName = (path: Path) =>
  path.length === 0 ? 'het bestand' : path.map((p, i) => (/^\d+$/.test(String(p)) ? `[${Number(p) + 1}]` : `${i ? '.' : ''}${p}`)).join('')

/**
 * Turn ajv's errors into Dutch, positioned messages: one per problem.
 * The alternatives of a value type ("a number or 'onbekend'") become one
 * message, worded from the type's own description.
 */
export function reportSchemaErrors(source: YamlSource, errors: readonly ErrorObject[]): void {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
  // Alternatives are only used for value types, so every other error at the
  // same place is one of their branches failing.
  const insideAlternative = (e: ErrorObject) =>
    alternatives.some((a) => a !== e && a.instancePath === e.instancePath)

  for (const error of errors) {
    // The propertyNames error itself says which name is wrong; its sub-errors repeat it.
    if (error.keyword === 'if' || insideAlternative(error) || error.schemaPath.includes('/propertyNames/')) continue
    const path = pathOf(error.instancePath)
    const field = fieldName(path)
    const parent = (error.parentSchema ?? {}) as Schema
    const found = describeValue(error.data)
    const at = locate(source, path)
    const comma = commaNumber(error)
    if (comma && (error.keyword === 'anyOf' || error.keyword === 'oneOf' || error.keyword === 'type')) {
      emit(source.file, 'getal-komma', { field, found: String(error.data), fixed: comma }, at)
      continue
    }
    switch (error.keyword) {
      case 'anyOf':
      case 'oneOf': {
        const expected = lowerFirst(parent.description ?? 'een andere waarde')
        const numeric = typeof error.data === 'number'
        emit(source.file, numeric ? 'schema-bereik' : 'schema-type', { field, found, expected }, at)
        break
      }
      case 'additionalProperties': {
        const key = String((error.params as { additionalProperty: string }).additionalProperty)
        const allowed = Object.keys(parent.properties ?? {})
        emit(source.file, 'schema-onbekend-veld', { field, key, suggestion: suggest(key, allowed), allowed: listValues(allowed) }, locate(source, [...path, key], 'key'))
        break
      }
      case 'required': {
        const missing = String((error.params as { missingProperty: string }).missingProperty)
        const property = resolveRef(parent.properties?.[missing])
        const description = lowerFirst(property?.description ?? property?.title ?? 'verplicht')
        emit(source.file, 'schema-verplicht', { field, missing, description }, path.length ? locate(source, path, 'key') : at)
        break
      }
      case 'type': {
        const type = String((error.params as { type: string }).type)
        emit(source.file, 'schema-type', { field, found, expected: type.split(',').map((t) => TYPE_WORDS[t] ?? t).join(' of ') }, at)
        break
      }
      case 'minimum': case 'maximum': case 'exclusiveMinimum': case 'exclusiveMaximum': {
        const { comparison, limit } = error.params as { comparison: string; limit: number }
        emit(source.file, 'schema-bereik', { field, found, expected: `een waarde ${comparison} ${limit}` }, at)
        break
      }
      case 'enum': case 'const': {
        const allowed = (error.keyword === 'enum' ? parent.enum ?? [] : [parent.const]).map(String)
        emit(source.file, 'schema-keuze', { field, found, allowed: listValues(allowed), suggestion: typeof error.data === 'string' ? suggest(error.data, allowed) : '' }, at)
        break
      }
      case 'propertyNames': {
        const key = String((error.params as { propertyName: string }).propertyName)
        emit(source.file, 'schema-vorm', { field, found: `de naam '${key}'`, expected: lowerFirst(propertyNameRule(parent)) }, locate(source, [...path, key], 'key'))
        break
      }
      case 'pattern': case 'minLength': case 'maxLength': case 'minProperties': case 'maxItems': case 'uniqueItems': case 'format': {
        emit(source.file, 'schema-vorm', { field, found, expected: lowerFirst(parent.description ?? ajvFallback(error)) }, at)
        break
      }
      default:
        emit(source.file, 'schema-vorm', { field, found, expected: ajvFallback(error) }, at)
    }
  }
}

function propertyNameRule(parent: Schema): string {
  return parent.propertyNames?.description ?? 'een geldige naam'
}

function ajvFallback(error: ErrorObject): string {
  const p = error.params as Record<string, unknown>
  switch (error.keyword) {
    case 'minLength': return `minstens ${String(p.limit)} tekens`
    case 'maxLength': return `hoogstens ${String(p.limit)} tekens`
    case 'minProperties': return `minstens ${String(p.limit)} veld`
    case 'maxItems': return `hoogstens ${String(p.limit)} regels`
    case 'uniqueItems': return 'elke waarde maar één keer'
    default: return `een waarde die voldoet aan '${error.keyword}'`
  }
}

/** A property that only refers to a shared definition takes its words from there. */
function resolveRef(schema: Schema | undefined): Schema | undefined {
  if (!schema?.$ref || schema.description) return schema
  return (schemaAjv().getSchema(schema.$ref)?.schema as Schema | undefined) ?? schema
}

const lowerFirst = (s: string) => (s.charAt(0).toLowerCase() + s.slice(1)).replace(/\.$/, '')
