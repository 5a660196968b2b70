import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
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

describe('the organisation\'s own hour activities', () => {
  const rijnstede = join(FIXTURES, 'valid', 'rijnstede')
  const messages = (root: string) => toJson(check(root).files, root).map((m) => [m.file, m.line, m.column, m.ruleId, m.message])
  const copy = () => {
    const root = projectWith(undefined, rijnstede)
    cpSync(join(rijnstede, 'huisstijl'), join(root, 'huisstijl'), { recursive: true })
    return root
  }

  it('an activity that is not in the hour vocabulary is an error at its key, with the allowed ones', () => {
    const root = copy()
    const path = join(root, 'data', '2024', 'vertrouwenspersonen.yaml')
    writeFileSync(path, readFileSync(path, 'utf8').replace('    spreekuur: 28', '    spreekuren: 28'))
    expect(messages(root)).toEqual([[
      'data/2024/vertrouwenspersonen.yaml', 25, 5, 'categorie-onbekend',
      "uren.preventie: de categorie 'spreekuren' staat niet in de vocabulaire 'uren'; bedoelde u 'spreekuur'? Toegestaan: 'training-leidinggevenden', 'spreekuur'.",
    ]])
  })

  it('a group of its own is checked against its subtotal, and the subtotals against the grand total', () => {
    const root = copy()
    const path = join(root, 'data', '2024', 'vertrouwenspersonen.yaml')
    writeFileSync(path, readFileSync(path, 'utf8').replace('    spreekuur: 28', '    spreekuur: 30'))
    expect(messages(root).map((m) => m[4])).toEqual(['Uren preventie: de delen (30 + 30) tellen op tot 60, maar het opgegeven totaal is 58.'])
  })

  it('without an hour vocabulary, Helmond\'s activities are the national list: an own activity is refused', () => {
    const root = projectWith()
    const path = join(root, 'data', '2024', 'vertrouwenspersonen.yaml')
    writeFileSync(path, readFileSync(path, 'utf8').replace('    onboarding: 4', '    nazorg: 4'))
    expect(messages(root).map((m) => m[3])).toEqual(['categorie-onbekend'])
  })
})

describe('signalen and the status of the same name', () => {
  it('two numbers for the meldingen registered only as a signal are a warning at signalen', () => {
    const root = projectWith()
    const path = join(root, 'data', '2024', 'meldingen.yaml')
    writeFileSync(path, readFileSync(path, 'utf8').replace('signalen: 2', 'signalen: 3'))
    const messages = toJson(check(root).files, root)
    expect(messages.map((m) => [m.file, m.ruleId, m.severity, m.message])).toEqual([[
      'data/2024/meldingen.yaml', 'signalen-verschil', 'waarschuwing',
      "signalen is 3, maar onder status staat 'Alleen als signaal geregistreerd: 2'. Beide tellen de meldingen die op verzoek van de melder alleen als signaal zijn geregistreerd.",
    ]])
    expect(messages[0]!.line).toBe(readFileSync(path, 'utf8').split('\n').findIndex((l) => l.startsWith('signalen:')) + 1)
  })
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
    const root = projectWith(join(REPO, 'test', 'bad-input', 'som-verschil'))
    expect(exitCodeOf(check(root).files)).toBe(0)
    expect(exitCodeOf(check(root, true).files)).toBe(1)
  })
})
