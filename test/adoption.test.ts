import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashFiles, REPO } from './helpers/project.js'
import { cli, type Run } from './helpers/cli.js'

// The adoption record lives in the project, in git: a fresh clone (no
// output/) knows what the raad adopted, refuses a changed figure, publishes
// a revision made with --herzien, and a new tool version changes nothing.

const scratch = mkdtempSync(join(tmpdir(), 'jaarverslag-vastgesteld-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 120_000)

const git = (cwd: string, ...args: string[]) => {
  const r = spawnSync('git', ['-c', 'user.name=Coördinator', '-c', 'user.email=coordinator@example.org', '-c', 'init.defaultBranch=main', ...args], { cwd, encoding: 'utf8' })
  expect(r.status, r.stderr).toBe(0)
  return r.stdout
}
const ok = (r: Run) => {
  expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0)
  return r
}
const clone = (from: string, name: string) => {
  git(scratch, 'clone', '--quiet', from, name)
  return join(scratch, name)
}
const kengetallen = (root: string) => join(root, 'data', '2024', 'kengetallen.yaml')
const edit = (path: string, from: string, to: string) => {
  const text = readFileSync(path, 'utf8')
  expect(text).toContain(from)
  writeFileSync(path, text.replace(from, to))
}
const pdfText = (path: string) => spawnSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ')

/** The build command of the workflow that init wrote, as arguments of jaarverslag. */
const workflowBuild = (root: string): string[] => {
  const workflow = readFileSync(join(root, '.github', 'workflows', 'jaarverslag.yml'), 'utf8')
  const line = /run: npx (?:--no )?jaarverslag (build[^\n]*)/.exec(workflow)![1]!
  return line.trim().split(/\s+/)
}

let origin: string
beforeAll(() => {
  // A project as init makes it, with the example's figures and texts, 2024 adopted on 30 April 2025.
  origin = join(scratch, 'waterland-oost')
  ok(cli(['init', origin, '--jaar', '2024'], { cwd: scratch }))
  rmSync(join(origin, 'data'), { recursive: true })
  cpSync(join(REPO, 'data'), join(origin, 'data'), { recursive: true })
  ok(cli(['build'], { cwd: origin }))
  git(origin, 'init', '--quiet')
  git(origin, 'add', '-A')
  git(origin, 'commit', '--quiet', '-m', 'Jaarverslagen vastgesteld')
}, 600_000)

describe('the adoption record, in git', () => {
  it('is committed beside the data: the record of every adopted report and its publication, not the output', () => {
    const tracked = git(origin, 'ls-files').split('\n')
    expect(tracked).toContain('vastgesteld/2024.json')
    expect(tracked).toContain('vastgesteld/2024/jaarverslag-integriteit-2024.pdf')
    expect(tracked.filter((f) => f.startsWith('output/'))).toEqual([])
    const record = JSON.parse(readFileSync(join(origin, 'vastgesteld', '2024.json'), 'utf8')) as { vastgesteld: string; invoer: Record<string, string> }
    expect(record.vastgesteld).toBe('2025-04-30')
    expect(record.invoer['get jaren/2024/kengetallen/0/waarde']).toBe('11')
  })

  it('a fresh clone refuses a changed adopted figure, naming it; --herzien makes a revision the workflow publishes; a new tool version changes nothing', () => {
    const args = workflowBuild(origin)
    expect(args).toEqual(['build', '--ci'])

    // A colleague's clone: no output/, one figure of 2024 changed.
    const fresh = clone(origin, 'kopie')
    expect(readdirSync(fresh)).not.toContain('output')
    edit(kengetallen(fresh), 'waarde: 11\n', 'waarde: 12\n')
    const refused = cli(args, { cwd: fresh })
    expect(refused.code).toBe(1)
    expect(refused.stderr).toContain('data/2024/kengetallen.yaml:6:13  fout  Het verslag 2024 is op 30 april 2025 vastgesteld (vastgesteld/2024.json), maar het cijfer kengetallen.raad-gesprekken.waarde in data/2024/kengetallen.yaml is sindsdien veranderd: vastgesteld was 11, nu staat er 12.')
    expect(refused.stderr).toContain('[verslag-vastgesteld]')
    expect(readdirSync(fresh)).not.toContain('output')
    // validate says the same, so a branch fails before main.
    expect(cli(['validate'], { cwd: fresh }).stderr).toContain('nu staat er 12.')

    // The coördinator makes the revision, commits it; the workflow on a fresh clone publishes it.
    const revised = ok(cli(['build', '--herzien', 'Correctie van het aantal contactmomenten van de raad'], { cwd: fresh }))
    expect(revised.stdout).toContain('Vastgelegd in vastgesteld/: 2024.')
    git(fresh, 'add', '-A')
    git(fresh, 'commit', '--quiet', '-m', 'Jaarverslag 2024 herzien')
    const published = clone(fresh, 'workflow')
    ok(cli(args, { cwd: published }))
    const out = join(published, 'output')
    const page = readFileSync(join(out, '2024', 'index.html'), 'utf8')
    const today = new Date().toISOString().slice(0, 10)
    const [y, m, d] = today.split('-').map(Number)
    const date = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, d!))
    expect(page).toContain(`<p>Herziene versie van ${date}: Correctie van het aantal contactmomenten van de raad</p>`)
    expect(page).toContain('<a href="jaarverslag-integriteit-2024-versie-2025-04-30.pdf">vastgestelde versie van 30 april 2025 (PDF)</a>')
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain('<a href="2024/jaarverslag-integriteit-2024-versie-2025-04-30.pdf">vastgestelde versie van 30 april 2025 (PDF)</a>')
    expect(pdfText(join(out, '2024', 'jaarverslag-integriteit-2024.pdf'))).toContain(`Herziene versie van ${date}: Correctie van het aantal contactmomenten van de raad`)
    // The earlier PDF is the adopted one, byte for byte.
    expect(hashFiles(join(out, '2024'))['jaarverslag-integriteit-2024-versie-2025-04-30.pdf']).toBe(hashFiles(join(origin, 'vastgesteld', '2024'))['jaarverslag-integriteit-2024.pdf'])
    const before = hashFiles(out)

    // A new version of the tool (another default template and version number), the same data: the adopted publication stays.
    const tool = join(scratch, 'jaarverslag-nieuw')
    for (const part of ['bin', 'dist', 'schemas', 'templates', 'package.json']) cpSync(join(REPO, part), join(tool, part), { recursive: true })
    symlinkSync(join(REPO, 'node_modules'), join(tool, 'node_modules'))
    edit(join(tool, 'package.json'), '"version": "0.1.0"', '"version": "0.2.0"')
    writeFileSync(join(tool, 'dist', 'vingerafdruk'), 'een-nieuwe-versie\n')
    writeFileSync(join(tool, 'templates', 'verslag.md'), `Een nieuwe inleiding van de nieuwe versie.\n\n${readFileSync(join(REPO, 'templates', 'verslag.md'), 'utf8')}`)
    const upgraded = clone(fresh, 'nieuwe-versie')
    const r = spawnSync(process.execPath, [join(tool, 'bin', 'jaarverslag.js'), ...args], { cwd: upgraded, encoding: 'utf8', timeout: 300_000 })
    expect(r.status, r.stderr).toBe(0)
    const after = hashFiles(join(upgraded, 'output'))
    for (const year of ['2022', '2023', '2024']) {
      const files = Object.keys(before).filter((f) => f.startsWith(`${year}/`))
      expect(files.length).toBeGreaterThan(3)
      for (const f of files) expect(after[f], f).toBe(before[f])
    }
  }, 900_000)
})

describe('what validate says about an adopted report', () => {
  it('names a changed or removed text, refuses a figure another report shows also when one year is asked for, and a damaged record', () => {
    const root = clone(origin, 'teksten')
    rmSync(join(root, 'data', '2024', 'tekst', 'duiding.md'))
    edit(join(root, 'data', '2024', 'tekst', 'voorwoord.md'), 'Demonstratie', 'Voorbeeld')
    const texts = cli(['validate'], { cwd: root })
    expect(texts.code).toBe(1)
    expect(texts.stderr).toContain('maar de tekst data/2024/tekst/duiding.md is sindsdien veranderd: vastgesteld was een tekst, nu staat er geen bestand meer.')
    expect(texts.stderr).toMatch(/data\/2024\/tekst\/voorwoord.md .*fout .*maar de tekst data\/2024\/tekst\/voorwoord.md is sindsdien veranderd\. /)

    const figure = clone(origin, 'ander-jaar')
    edit(join(figure, 'data', '2023', 'meldingen.yaml'), 'adviesvragen: 32', 'adviesvragen: 33')
    const year = cli(['validate', '--jaar', '2024'], { cwd: figure })
    expect(year.code).toBe(1)
    expect(year.stderr).toContain('Het verslag 2024 is op 30 april 2025 vastgesteld (vastgesteld/2024.json), maar het cijfer adviesvragen in data/2023/meldingen.yaml is sindsdien veranderd: vastgesteld was 32, nu staat er 33.')

    const damaged = clone(origin, 'beschadigd')
    writeFileSync(join(damaged, 'vastgesteld', '2023', 'index.html'), 'iets anders\n')
    const r = cli(['validate'], { cwd: damaged })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("vastgesteld/2023.json  fout  Het bestand 'vastgesteld/2023/index.html' ontbreekt of is niet meer het bestand dat vastgesteld/2023.json vastlegde.")
  })
})

describe('what the workflow says without a record', () => {
  it('an adopted report that is not recorded is an error with --ci (validate and build), and nothing is published', () => {
    // A project adopted before the record existed, or whose vastgesteld/ was never committed.
    const root = clone(origin, 'zonder-vastlegging')
    rmSync(join(root, 'vastgesteld'), { recursive: true })
    for (const command of ['validate', 'build']) {
      const r = cli([command, '--ci'], { cwd: root })
      expect(r.code, command).toBe(1)
      expect(r.stderr).toContain('data/2024/meta.yaml:5:14  fout  Het verslag 2024 is op 30 april 2025 vastgesteld, maar vastgesteld/2024.json staat niet in de projectmap.')
      expect(r.stderr.match(/\[vastlegging-ontbreekt\]/g)).toHaveLength(3)
    }
    expect(readdirSync(root)).not.toContain('output')
    expect(readdirSync(root)).not.toContain('vastgesteld')
  })

  it('a record that is no longer JSON is an error; a revision needs the PDF', () => {
    const unreadable = clone(origin, 'onleesbaar')
    writeFileSync(join(unreadable, 'vastgesteld', '2023.json'), '{\n')
    const r = cli(['validate'], { cwd: unreadable })
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("vastgesteld/2023.json  fout  De vastlegging 'vastgesteld/2023.json' is niet te lezen")
    expect(r.stderr).toContain('[vastlegging-onleesbaar]')

    const html = clone(origin, 'alleen-html')
    edit(kengetallen(html), 'waarde: 11\n', 'waarde: 12\n')
    const revised = cli(['build', '--herzien', 'Correctie', '--alleen', 'html'], { cwd: html })
    expect(revised.code).toBe(1)
    expect(revised.stderr).toContain('vastgesteld/2024.json  fout  Het verslag 2024 wordt herzien, maar deze build maakt geen PDF')
    expect(git(html, 'status', '--porcelain')).toBe(' M data/2024/kengetallen.yaml\n')
  })
})

describe('the project README explains adoption', () => {
  it('init writes it; nieuw-jaar adds it, once, to a README from before', () => {
    const root = join(scratch, 'ouder-project')
    ok(cli(['init', root, '--jaar', '2024'], { cwd: scratch }))
    const readme = join(root, 'README.md')
    const text = readFileSync(readme, 'utf8')
    expect(text).toContain('## Vaststellen en herzien')
    expect(text).toContain('jaarverslag build --herzien "Correctie van het aantal meldingen"')
    writeFileSync(readme, text.slice(0, text.indexOf('## Vaststellen en herzien')))
    ok(cli(['nieuw-jaar', '2025'], { cwd: root }))
    ok(cli(['nieuw-jaar', '2026'], { cwd: root }))
    expect(readFileSync(readme, 'utf8').split('## Vaststellen en herzien').length).toBe(2)
  })
})
