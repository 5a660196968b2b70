import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { afterAll, describe, expect, it } from 'vitest'
import { main } from '../src/cli/index.js'
import { catalogue } from '../src/diagnostics/catalogue.js'
import { emit } from '../src/diagnostics/emit.js'
import { formatMessages, uniqueMessages } from '../src/diagnostics/reporter.js'
import { check } from '../src/compile.js'
import { cleanupProjects, projectWith, REPO, updating } from './helpers/project.js'

// Typing mistakes a coördinator makes when editing the data files by hand.
// Every case is a copy of a file from data/2024 with one mistake (two where
// the file really holds two). The real check (load and validate) reads the
// example project with that file in data/2024/, and so does the real
// `jaarverslag validate`; expected.json states each message of that file:
// rule, line and column, the Dutch text, and where the parser noticed it
// when that is another place.

const CORPUS = join(REPO, 'test', 'yaml-corpus')

interface Expected {
  messages: Array<{ line: number; column: number; severity: string; ruleId: string; message: string; opgemerkt?: { line: number; column: number } }>
}

/** The case's file in data/2024 of the example project, as the real check leaves it: parse and validation messages. */
function load(dir: string): { name: string; file: VFile; root: string } {
  const name = readdirSync(dir).find((n) => n.endsWith('.yaml'))!
  const root = projectWith()
  copyFileSync(join(dir, name), join(root, 'data', '2024', name))
  const path = join(root, 'data', '2024', name)
  const file = check(root).all.find((f) => f.path === path)!
  return { name, file, root }
}

const describeMessages = (file: VFile): Expected => ({
  messages: uniqueMessages(file).map((m) => ({
    line: m.line!,
    column: m.column!,
    severity: m.fatal ? 'fout' : 'waarschuwing',
    ruleId: m.ruleId!,
    message: m.reason,
    ...(m.cause instanceof VFileMessage ? { opgemerkt: { line: m.cause.line!, column: m.cause.column! } } : {}),
  })),
})

afterAll(cleanupProjects)

describe('YAML typing mistakes', () => {
  const cases = readdirSync(CORPUS).filter((n) => statSync(join(CORPUS, n)).isDirectory()).sort()

  it('has at least 20 cases', () => expect(cases.length).toBeGreaterThanOrEqual(20))

  for (const name of cases) {
    it(name, async () => {
      const dir = join(CORPUS, name)
      const { name: yamlName, file, root } = load(dir)
      const actual = describeMessages(file)

      const expectedFile = join(dir, 'expected.json')
      if (updating || !existsSync(expectedFile)) {
        if (process.env.CI) throw new Error(`${expectedFile} ontbreekt`)
        writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n')
      }
      const expected = JSON.parse(readFileSync(expectedFile, 'utf8')) as Expected
      expect(actual).toEqual(expected)
      for (const m of actual.messages) expect(Object.keys(catalogue)).toContain(m.ruleId)

      // The printed report frames the place of each message and, on its own line, where the parser noticed it.
      const text = formatMessages([file], { cwd: join(root, 'data', '2024') })
      for (const m of expected.messages) {
        expect(text).toContain(`${yamlName}:${m.line}:${m.column}  ${m.severity}  ${m.message}  [${m.ruleId}]`)
        expect(text).toMatch(new RegExp(`^ +${m.line} \\| `, 'm'))
        if (m.opgemerkt) expect(text).toMatch(new RegExp(`^ +${m.opgemerkt.line} \\| `, 'm'))
      }
      expect(text).not.toMatch(/at .*\.(ts|js):\d+/)

      // The same through the real `jaarverslag validate`, on the example project with this file in data/2024/.
      {
        let stdout = ''
        const code = await main(['validate', '--map', root, '--json'], { out: (s) => (stdout += s), err: () => undefined })
        const report = JSON.parse(stdout) as { meldingen: Array<Record<string, unknown>> }
        expect(code).toBe(expected.messages.some((m) => m.severity === 'fout') ? 1 : 0)
        expect(report.meldingen).toEqual(expected.messages.map(({ opgemerkt: _, ...m }) => ({ file: `data/2024/${yamlName}`, ...m })))
      }
    })
  }
})

describe('the report of a file', () => {
  it('prints a message that was recorded twice (same rule, line and column) once', () => {
    const file = new VFile({ path: '/p/data/2024/meldingen.yaml', value: 'totaal: 18\n\tintern: 9\n' })
    for (let i = 0; i < 2; i++) emit(file, 'yaml-tab', {}, { start: { line: 2, column: 1 } })
    const text = formatMessages([file], { cwd: '/p' })
    expect(text.match(/\[yaml-tab\]/g)).toHaveLength(1)
    expect(uniqueMessages(file)).toHaveLength(1)
  })
})
