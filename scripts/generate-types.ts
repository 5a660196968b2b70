// Generates src/types/data.ts from the JSON Schemas, so the schemas stay the
// one source of truth. `npm run types` writes; the test suite fails on drift.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { compile } from 'json-schema-to-typescript'
import { fixedFigures } from '../src/domain/figures.js'
import { SCHEMA_FOR } from '../src/validate/schemas.js'
import { SCHEMA_DIR } from '../src/package.js'

export const TYPES_FILE = fileURLToPath(new URL('../src/types/data.ts', import.meta.url))

export async function generateTypes(): Promise<string> {
  // One pass over a wrapper schema, so shared definitions are declared once.
  const kinds = Object.keys(SCHEMA_FOR) as (keyof typeof SCHEMA_FOR)[]
  const wrapper = {
    title: 'Projectgegevens',
    type: 'object',
    additionalProperties: false,
    required: kinds,
    properties: Object.fromEntries(kinds.map((k) => [k, { $ref: SCHEMA_FOR[k] }])),
  }
  const ts = await compile(wrapper as never, 'Projectgegevens', {
    cwd: SCHEMA_DIR,
    bannerComment: '// Generated from schemas/*.schema.json by `npm run types`. Do not edit.',
    additionalProperties: false,
    declareExternallyReferenced: true,
    ignoreMinAndMaxItems: true,
    format: true,
    style: { semi: false, singleQuote: true, printWidth: 100 },
  })
  // The figures' names, from the same schemas ("x-cijfer"), so templates' names are checked by tsc too.
  const figureKey = `/** The name of every single figure a template can use (the schemas' "x-cijfer"). */\nexport type FigureKey =\n${Object.keys(fixedFigures()).map((k) => `  | '${k}'`).join('\n')}\n`
  return `${ts.trim()}\n\n${figureKey}`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const generated = await generateTypes()
  if (process.argv.includes('--check')) {
    if (readFileSync(TYPES_FILE, 'utf8') !== generated) {
      console.error('src/types/data.ts loopt niet gelijk met schemas/: draai `npm run types`.')
      process.exit(1)
    }
  } else writeFileSync(TYPES_FILE, generated)
}
