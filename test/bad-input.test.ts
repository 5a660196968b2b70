import { cpSync, existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { main } from '../src/cli/index.js'
import { Lifecycle } from '../src/cli/lifecycle.js'
import { catalogue } from '../src/diagnostics/catalogue.js'
import { asDrafts, cleanupProjects, hashFiles, projectWith, REPO, updating } from './helpers/project.js'
import { descendants, running } from './helpers/cli.js'

// The corpus: every case is a project (the example data with the case's files
// laid over it) that already has a complete output. The real `jaarverslag
// build` runs on it; the case states the exit code and the messages, and
// unless it says otherwise the previous output must stay byte for byte. The
// years are concepts, so not frozen (adopted reports: build-cache.test.ts).

const CORPUS = join(REPO, 'test', 'bad-input')

interface Case {
  args?: string[]
  env?: Record<string, string>
  opvullen?: { pad: string; mb: number }
  uitvoer?: 'ongewijzigd' | 'gewijzigd'
  bevat?: Record<string, string[]>
  /** Kill the build's Chromium (SIGKILL) the moment it opens the page to print: a crash mid-print. */
  browserStopt?: 'tijdens-afdrukken'
}

/** A case's project: the example data as drafts, the case's files laid over it, a file filled up if the case says so. */
function caseProject(dir: string): { spec: Case; root: string } {
  const spec: Case = existsSync(join(dir, 'case.json')) ? JSON.parse(readFileSync(join(dir, 'case.json'), 'utf8')) : {}
  const root = asDrafts(projectWith(dir))
  if (spec.opvullen) {
    const path = join(root, spec.opvullen.pad)
    writeFileSync(path, readFileSync(path, 'utf8') + '#\n'.repeat(spec.opvullen.mb * 1024 * 1024 / 2))
  }
  return { spec, root }
}

/** Watch the build's browser, and kill it when it opens a tab to print on. */
function crashWhenPrinting(lifecycle: Lifecycle): () => void {
  let stop = false
  void (async () => {
    let open
    while (!stop && !(open = await lifecycle.started?.browser())) await new Promise((r) => setTimeout(r, 5))
    open?.browser.on('targetcreated', (target) => {
      if (target.type() === 'page') process.kill(open.pid, 'SIGKILL')
    })
  })()
  return () => { stop = true }
}


let baseline: string
beforeAll(async () => {
  baseline = asDrafts(projectWith())
  const io = { out: () => undefined, err: () => undefined }
  expect(await main(['build', '--map', baseline, '--stil'], io)).toBe(0)
})
afterAll(cleanupProjects)

describe('bad input, faults and attacks', () => {
  const cases = readdirSync(CORPUS).filter((n) => statSync(join(CORPUS, n)).isDirectory()).sort()

  it('has at least 40 cases', () => expect(cases.length).toBeGreaterThanOrEqual(40))

  for (const name of cases) {
    it(name, async () => {
      const dir = join(CORPUS, name)
      const { spec, root } = caseProject(dir)
      cpSync(join(baseline, 'output'), join(root, 'output'), { recursive: true, preserveTimestamps: true })
      const before = hashFiles(join(root, 'output'))
      const saved = { ...process.env }
      for (const [k, v] of Object.entries(spec.env ?? {})) process.env[k] = v.replace('{project}', root)
      let stdout = ''
      let code: number
      const lifecycle = new Lifecycle()
      const stopWatching = spec.browserStopt ? crashWhenPrinting(lifecycle) : () => undefined
      try {
        code = await main(['build', '--map', root, '--json', ...(spec.args ?? [])], { out: (s) => (stdout += s), err: () => undefined }, undefined, lifecycle)
      } finally {
        process.env = saved
        stopWatching()
      }
      const report = stdout ? JSON.parse(stdout) as { meldingen: { ruleId: string; line: number | null }[] } : { meldingen: [] }
      const actual = { exitCode: code, messages: report.meldingen }

      const expectedFile = join(dir, 'expected.json')
      if (updating || !existsSync(expectedFile)) {
        if (process.env.CI) throw new Error(`${expectedFile} ontbreekt`)
        writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n')
      }
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')))
      for (const m of actual.messages) expect(Object.keys(catalogue)).toContain(m.ruleId)

      if ((spec.uitvoer ?? 'ongewijzigd') === 'ongewijzigd') expect(hashFiles(join(root, 'output'))).toEqual(before)
      else expect(hashFiles(join(root, 'output'))).not.toEqual(before)
      for (const [file, texts] of Object.entries(spec.bevat ?? {})) {
        const content = readFileSync(join(root, 'output', file), 'utf8')
        for (const text of texts) expect(content, `${file} bevat ${text}`).toContain(text)
      }
      // No temporary folders next to the output, and no browser of this build left running.
      expect(readdirSync(root).filter((n) => /^output\.(nieuw|oud)-/.test(n))).toEqual([])
      const deadline = Date.now() + 5000
      while (running(descendants(process.pid)).some(Boolean) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100))
      expect(running(descendants(process.pid))).toEqual([])
    })
  }
})

// One check everywhere: what build refuses, validate refuses with the same messages, so a branch fails before main.
describe('validate refuses what build refuses', () => {
  const cases = readdirSync(CORPUS).filter((n) => existsSync(join(CORPUS, n, 'expected.json'))).sort()
  const refused = cases.filter((name) => {
    const expected = JSON.parse(readFileSync(join(CORPUS, name, 'expected.json'), 'utf8')) as { exitCode: number; messages: { ruleId: keyof typeof catalogue }[] }
    // Writing the output and printing are what validate leaves out.
    return expected.exitCode === 1 && expected.messages.every((m) => !['uitvoer', 'afdrukken'].includes(catalogue[m.ruleId].stage))
  })

  it('covers most of the corpus', () => expect(refused.length).toBeGreaterThanOrEqual(60))

  for (const name of refused) {
    it(name, async () => {
      const dir = join(CORPUS, name)
      const { spec, root } = caseProject(dir)
      // The options that say what is checked; the others say what is made.
      const args = (spec.args ?? []).flatMap((a, i, all) => (a === '--strict' ? [a] : a === '--jaar' ? [a, all[i + 1]!] : []))
      let stdout = ''
      const code = await main(['validate', '--map', root, '--json', ...args], { out: (s) => (stdout += s), err: () => undefined })
      const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')) as { exitCode: number; messages: unknown[] }
      expect({ exitCode: code, messages: (JSON.parse(stdout) as { meldingen: unknown[] }).meldingen }).toEqual(expected)
    })
  }
})
