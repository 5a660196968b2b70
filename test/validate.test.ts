import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { check } from '../src/compile.js'
import { toJson } from '../src/diagnostics/reporter.js'
import { exitCodeOf } from '../src/cli/report.js'
import { cleanupProjects, FIXTURES, projectWith, REPO } from './helpers/project.js'

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

// The invalid cases live in test/bad-input/ and run through the CLI there.

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
    const root = projectWith(join(REPO, 'test', 'bad-input', 'som-verschil'))
    expect(exitCodeOf(check(root).files)).toBe(0)
    expect(exitCodeOf(check(root, true).files)).toBe(1)
  })
})
