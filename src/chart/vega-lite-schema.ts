import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv, type ValidateFunction } from 'ajv'
import { hashOf } from '../hash.js'
import { vendorFile } from '../package.js'
import { compiledValidators, TOOL_CACHE, writeAtomic } from '../validate/tool-cache.js'

const schemaPath = vendorFile('vega-lite/vega-lite-schema.json')
const version = hashOf(readFileSync(schemaPath))

let validator: ValidateFunction | undefined
let known: Set<string> | undefined
const knownFile = join(TOOL_CACHE, `vega-lite-${version}-geldig.json`)

/** The validator for the Vega-Lite JSON Schema that ships with vega-lite. */
function vegaLiteValidator(): ValidateFunction {
  validator ??= compiledValidators<ValidateFunction>('vega-lite', version, () => {
    const ajv = new Ajv({ strict: false, validateSchema: false, logger: false, code: { source: true }, validateFormats: false })
    return { ajv, refs: ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object) }
  })
  return validator
}

/**
 * Validate a spec against the Vega-Lite schema. A spec text that passed
 * before is remembered by its hash, so the (large) validator only loads
 * when a chart is new or changed.
 */
export function validateVegaLite(text: string, spec: unknown): ValidateFunction['errors'] {
  known ??= new Set(existsSync(knownFile) ? (JSON.parse(readFileSync(knownFile, 'utf8')) as string[]) : [])
  const hash = hashOf(text)
  if (known.has(hash)) return null
  const validate = vegaLiteValidator()
  if (!validate(spec)) return validate.errors
  known.add(hash)
  try {
    writeAtomic(knownFile, JSON.stringify([...known].sort()))
  } catch { /* a read-only installation validates again next run */ }
  return null
}
