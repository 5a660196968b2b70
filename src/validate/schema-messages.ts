import type { ErrorObject } from 'ajv'
import { emit } from '../diagnostics/emit.js'
import { listValues, suggest } from '../diagnostics/suggest.js'
import { fieldName, locate, type Path, type YamlSource } from '../load/yaml.js'
import { describeValue, formatNumber as nl } from './describe.js'
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

/** '12,5' where a number belongs: the Dutch decimal comma, which YAML reads as text. */
const COMMA_NUMBER = /^[-+]?\d+,\d+$/
/** A number written as people write it in text: '13 meldingen', '€ 12.500,00', '62,5%', '1.234' (quoted). */
const NUMBER_IN_TEXT = /^(?:€\s*)?([-+]?\d+(?:[.,]\d+)*)\s*(?:%|€|[\p{L}\s.]*)$/u
/** Dutch notation: dots between groups of three digits, a comma before the decimals. */
const DUTCH_NUMBER = /^[-+]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/

/** The number a text where a number belongs was meant to be, in YAML's notation; '' when it is not a number at all. */
function meantNumber(text: string): string {
  const digits = NUMBER_IN_TEXT.exec(text.trim())?.[1] ?? ''
  const plain = DUTCH_NUMBER.test(digits) ? digits.replace(/\./g, '').replace(',', '.') : digits.replace(',', '.')
  return /^[-+]?\d+(\.\d+)?$/.test(plain) ? String(Number(plain)) : ''
}

/** Whether the schema wanted a number here: a value type (number or 'onbekend') or a plain number. */
const wantsNumber = (error: ErrorObject): boolean =>
  error.keyword === 'anyOf' || error.keyword === 'oneOf' ||
  (error.keyword === 'type' && /number|integer/.test(String((error.params as { type: string }).type)))

/** ajv's path as keys and list positions: a segment is a position only where the data has a list. */
function pathOf(instancePath: string, data: unknown): Path {
  let here = data
  return instancePath.split('/').slice(1).map((raw) => {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~')
    const step = Array.isArray(here) ? Number(segment) : segment
    here = (here as Record<string | number, unknown> | undefined)?.[step]
    return step
  })
}

/** A field as the coördinator knows it: a kengetal by its id ("kengetal 'raad-gesprekken'.waarde"), not by its place in the list. */
function fieldOf(source: YamlSource, path: Path): string {
  const id = path[0] === 'kengetallen' && typeof path[1] === 'number' ? (source.value as { kengetallen?: Array<{ id?: unknown }> } | null)?.kengetallen?.[path[1]]?.id : undefined
  if (typeof id !== 'string' || !id) return fieldName(path)
  const rest = path.slice(2)
  return `kengetal '${id}'${rest.length ? `, ${fieldName(rest)}` : ''}`
}

/** The group a field belongs to, or '' at the top of the file (the message then names only the field). */
const parentName = (source: YamlSource, path: Path) => (path.length ? fieldOf(source, path) : '')

/** 'onbekent', 'Onbekend', '?': the word for a figure that is not known, misspelled. */
const meantUnknown = (text: string) => /^[?]+$|^n\.?b\.?$/i.test(text.trim()) || suggest(text.trim(), ['onbekend']) === 'onbekend'

/** '14-04-2025' (day first, as in Dutch text) as the date YAML wants: '2025-04-14'. */
function meantDate(text: string): string {
  const m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text.trim())
  if (!m || Number(m[1]) > 31 || Number(m[2]) > 12) return ''
  return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
}

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
    const path = pathOf(error.instancePath, source.value)
    const field = fieldOf(source, path)
    const parent = (error.parentSchema ?? {}) as Schema
    const found = describeValue(error.data)
    const at = locate(source, path)
    const meant = typeof error.data === 'string' && wantsNumber(error) ? meantNumber(error.data) : ''
    if (meant) {
      const found = String(error.data)
      emit(source.file, COMMA_NUMBER.test(found.trim()) ? 'getal-komma' : 'getal-met-tekst', { field, found, fixed: meant }, at)
      continue
    }
    if (typeof error.data === 'string' && wantsNumber(error) && meantUnknown(error.data)) {
      emit(source.file, 'onbekend-gespeld', { field, found: error.data }, at)
      continue
    }
    const date = typeof error.data === 'string' && error.keyword !== 'type' ? meantDate(error.data) : ''
    if (date) {
      emit(source.file, 'datum-volgorde', { field, found: String(error.data), fixed: date }, at)
      continue
    }
    switch (error.keyword) {
      case 'anyOf':
      case 'oneOf': {
        const expected = lowerFirst(parent.description ?? 'een andere waarde')
        const numeric = typeof error.data === 'number'
        if (numeric && parent.title === 'Percentage' && (error.data as number) > 100) emit(source.file, 'procent-te-groot', { field, found: nl(error.data as number) }, at)
        else emit(source.file, numeric ? 'schema-bereik' : 'schema-type', { field, found, expected }, at)
        break
      }
      case 'additionalProperties': {
        const key = String((error.params as { additionalProperty: string }).additionalProperty)
        const allowed = Object.keys(parent.properties ?? {})
        emit(source.file, 'schema-onbekend-veld', { field: parentName(source, path), key, suggestion: suggest(key, allowed), allowed: listValues(allowed) }, locate(source, [...path, key], 'key'))
        break
      }
      case 'required': {
        const missing = String((error.params as { missingProperty: string }).missingProperty)
        const property = resolveRef(parent.properties?.[missing])
        const description = lowerFirst(property?.description ?? property?.title ?? 'verplicht')
        emit(source.file, 'schema-verplicht', { field: parentName(source, path), missing, description }, path.length ? locate(source, path, 'key') : at)
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
