import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { check } from '../src/compile.js'
import { toJson } from '../src/diagnostics/reporter.js'
import { exitCodeOf } from '../src/cli/report.js'
import { catalogue } from '../src/diagnostics/catalogue.js'
import { cleanupProjects, FIXTURES, projectWith, REPO, updating } from './helpers/project.js'

afterAll(cleanupProjects)

describe('valid projects validate without messages', () => {
  it('the Helmond example data in data/', () => {
    const { files, project } = check(REPO)
    expect(toJson(files, REPO)).toEqual([])
    expect(project?.years.map((y) => y.year)).toEqual([2022, 2023, 2024])
  })
  for (const name of readdirSync(join(FIXTURES, 'valid'))) {
    it(name, () => {
      const root = join(FIXTURES, 'valid', name)
      const { files, project } = check(root)
      expect(toJson(files, root)).toEqual([])
      expect(project).toBeDefined()
    })
  }
})

describe('invalid data gives Dutch, positioned messages', () => {
  const dir = join(FIXTURES, 'invalid')
  for (const name of readdirSync(dir).sort()) {
    it(name, () => {
      const root = projectWith(join(dir, name))
      const { files } = check(root)
      const actual = { exitCode: exitCodeOf(files), messages: toJson(files, root) }
      const expectedFile = join(dir, name, 'expected.json')
      if (updating || !existsSync(expectedFile)) {
        if (process.env.CI) throw new Error(`${expectedFile} ontbreekt`)
        writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n')
      }
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8'))
      expect(actual).toEqual(expected)
      expect(actual.messages.length).toBeGreaterThan(0)
      for (const m of actual.messages) {
        expect(Object.keys(catalogue)).toContain(m.ruleId)
        expect(m.line, `${m.ruleId} heeft een regelnummer`).toBeTypeOf(m.ruleId === 'map-geen-jaar' || m.ruleId === 'bestand-ontbreekt' ? 'object' : 'number')
      }
    })
  }
})

describe('data that looks odd but is fine', () => {
  it('a UTF-8 byte order mark and Windows line endings are accepted', () => {
    const root = projectWith()
    const path = join(root, 'data', '2024', 'meldingen.yaml')
    writeFileSync(path, '\uFEFF' + readFileSync(path, 'utf8').replace(/\n/g, '\r\n'))
    const { files, project } = check(root)
    expect(toJson(files, root)).toEqual([])
    expect(project?.years.find((y) => y.year === 2024)?.meldingen?.totaal).toBe(18)
  })

  it('a 20 MB file is refused before it is parsed', () => {
    const root = projectWith()
    writeFileSync(join(root, 'data', '2024', 'meldingen.yaml'), 'totaal: 18\n' + '# opvulling\n'.repeat(20 * 1024 * 1024 / 12))
    const { files } = check(root)
    expect(toJson(files, root).map((m) => [m.file, m.ruleId])).toEqual([['data/2024/meldingen.yaml', 'bestand-te-groot']])
  })

  it('--strict turns a sum warning into an error', () => {
    const root = projectWith(join(FIXTURES, 'invalid', 'som-verschil'))
    expect(exitCodeOf(check(root).files)).toBe(0)
    expect(exitCodeOf(check(root, true).files)).toBe(1)
  })
})
