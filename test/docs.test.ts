import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  ERRORS_DOC, errorsDoc, LISTS_DOC, listsDoc, schemaWithExamples, SCHEMAS_WITH_EXAMPLES, TEMPLATES_DOC, templatesDoc,
} from '../scripts/generate-docs.js'
import { catalogue } from '../src/diagnostics/catalogue.js'
import { LINK_SCHEMES } from '../src/render/safety.js'
import { SCHEMA_FOR } from '../src/validate/schemas.js'
import { REPO } from './helpers/project.js'
import { SCHEMA_DIR } from '../src/package.js'

const read = (path: string) => readFileSync(path, 'utf8')

describe('the error catalogue', () => {
  it('docs/foutmeldingen.md is generated from it and current', () => {
    expect(read(ERRORS_DOC)).toBe(errorsDoc())
  })
  it('every rule id is kebab-case and every entry has a hint that says what to do', () => {
    for (const [id, entry] of Object.entries(catalogue)) {
      expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/)
      expect(entry.hint.length, id).toBeGreaterThan(15)
    }
  })
})

describe('generated documentation', () => {
  it('docs/lijsten.md, the chart datasets in docs/sjablonen.md and the schema examples are current (npm run docs)', () => {
    expect(read(LISTS_DOC)).toBe(listsDoc())
    expect(read(TEMPLATES_DOC)).toBe(templatesDoc())
    for (const kind of SCHEMAS_WITH_EXAMPLES) expect(read(SCHEMA_DIR + SCHEMA_FOR[kind]), kind).toBe(schemaWithExamples(kind))
  })
})

describe('the reader is addressed as u', () => {
  const informal = /\b(je|jij|jou|jouw|jullie)\b/i
  const docs = ['README.md', 'docs/foutmeldingen.md', 'docs/gegevens.md', 'docs/sjablonen.md', 'docs/lijsten.md', 'docs/woordenlijst.md']

  it('in the README and the user docs', () => {
    for (const doc of docs) {
      const lines = read(join(REPO, doc)).split('\n').filter((l) => informal.test(l))
      expect(lines, doc).toEqual([])
    }
  })

  it('in every message and hint of the catalogue', () => {
    for (const [id, entry] of Object.entries(catalogue)) {
      const sample = (entry.message as (a: Record<string, string>) => string)(new Proxy({}, { get: () => 'x' }) as Record<string, string>)
      expect(`${sample} ${entry.hint} ${entry.title}`, id).not.toMatch(informal)
      expect(sample, id).not.toContain('bedoelde je')
    }
  })
})

describe('one link rule', () => {
  it('README, docs/sjablonen.md and the error message name exactly the schemes the code allows', () => {
    const named = (text: string) => {
      const sentence = /links anders dan ([^.]*?) worden/s.exec(text)?.[1] ?? ''
      return [...sentence.matchAll(/`([^`]+)`/g)].map((m) => m[1])
    }
    for (const doc of ['README.md', 'docs/sjablonen.md']) expect(named(read(join(REPO, doc))), doc).toEqual([...LINK_SCHEMES])
    const message = catalogue['sjabloon-link-onveilig'].message({ url: 'x' })
    for (const scheme of LINK_SCHEMES) expect(message).toContain(scheme)
  })
})
