import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ERRORS_DOC, errorsDoc } from '../scripts/generate-docs.js'
import { catalogue } from '../src/diagnostics/catalogue.js'

describe('the error catalogue', () => {
  it('docs/foutmeldingen.md is generated from it and current', () => {
    expect(readFileSync(ERRORS_DOC, 'utf8')).toBe(errorsDoc())
  })
  it('every rule id is kebab-case and every entry has a hint that says what to do', () => {
    for (const [id, entry] of Object.entries(catalogue)) {
      expect(id).toMatch(/^[a-z]+(-[a-z0-9]+)*$/)
      expect(entry.hint.length, id).toBeGreaterThan(15)
    }
  })
})
