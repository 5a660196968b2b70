import { spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO } from './helpers/project.js'

// The coördinator's walk with the installed command, as the README describes it: the packed
// tarball (packed once per run) installed into a temporary prefix, offline, then used in an
// empty folder outside the repository.

const scratch = mkdtempSync(join(tmpdir(), 'jaarverslag-installatie-'))
const prefix = join(scratch, 'prefix')
const work = join(scratch, 'werk')
const bin = join(prefix, 'bin', 'jaarverslag')
let tarball = ''

function run(cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  // No npm_* variables of the test run itself: the command must find its folder on its own.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('npm_') && k !== 'INIT_CWD'))
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 300_000 })
}
const ok = (r: SpawnSyncReturns<string>) => {
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0)
  return r
}

beforeAll(() => {
  // dist/ is already built (npm test builds before vitest): no prepack, which would empty dist/ under the other tests.
  const packed = ok(run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], REPO))
  tarball = join(scratch, packed.stdout.trim().split('\n').at(-1)!)
  ok(run('npm', ['install', '-g', '--offline', '--no-audit', '--no-fund', '--prefix', prefix, tarball], scratch))
  mkdirSync(work)
}, 600_000)
// A whole installed copy: removing it takes long on a loaded machine.
afterAll(() => rmSync(scratch, { recursive: true, force: true }), 300_000)

const MELDINGEN = `totaal: 12
herkomst:
  intern: 7
  extern: 5
regeling:
  Zakelijke integriteit: 8
  Sociale integriteit: 4
type:
  Misbruik bevoegdheden: 5
  Ongewenste omgangsvormen: 4
  Lekken en misbruik van informatie: 3
status:
  Gegrond: 3
  Ongegrond: 6
  Lopend: 3
`

describe('the installed jaarverslag command', () => {
  it('the package holds the built CLI and needs nothing from the repository', () => {
    const listing = run('tar', ['tzf', tarball], scratch).stdout
    expect(listing).toContain('package/dist/jaarverslag.js')
    expect(listing).toContain('package/bin/jaarverslag.js')
    // The PDF's colour profile (PDF/A output intent) travels with the tool.
    expect(listing).toContain('package/assets/sRGB.icc')
    expect(listing).not.toContain('package/src/')
    expect(listing).not.toContain('package/test/')
    expect(existsSync(bin)).toBe(true)
  })

  it('init in an empty folder, fill a year, validate, build, nieuw-jaar, build: all with the installed command', () => {
    ok(run(bin, ['init', 'waterland-oost', '--jaar', '2024'], work))
    const root = join(work, 'waterland-oost')
    const year = join(root, 'data', '2024')
    writeFileSync(join(year, 'meldingen.yaml'), MELDINGEN)
    for (const text of ['voorwoord', 'inleiding', 'duiding']) writeFileSync(join(year, 'tekst', `${text}.md`), `De ${text} van Waterland-Oost.\n`)
    const validate = ok(run(bin, ['validate'], root))
    expect(validate.stderr.split('\n')[0]).toBe(`Controle van Gemeente Waterland-Oost (map ${root}): 2024`)
    expect(validate.stdout).toContain('Geen fouten')
    ok(run(bin, ['build'], root))
    expect(readdirSync(join(root, 'output', '2024')).sort()).toEqual(['data', 'fragment.html', 'index.html', 'jaarverslag-integriteit-2024.pdf'])
    expect(readFileSync(join(root, 'output', '2024', 'index.html'), 'utf8')).toContain('De inleiding van Waterland-Oost.')
    ok(run(bin, ['nieuw-jaar', '2025'], root))
    expect(readFileSync(join(root, 'data', '2025', 'meldingen.yaml'), 'utf8')).toContain('# Aan het einde van 2024 liepen nog 3 meldingen.')
    const second = ok(run(bin, ['build', '--alleen', 'html'], root))
    expect(second.stdout).toContain('Gemaakt: 2025')
    expect(readFileSync(join(root, 'output', '2025', 'index.html'), 'utf8')).not.toContain('undefined')
  }, 600_000)

  it('npx jaarverslag in a project that depends on the tarball; and no project in the folder is a Dutch error', () => {
    ok(run(bin, ['init', 'eigen-repo', '--jaar', '2024'], work))
    const root = join(work, 'eigen-repo')
    ok(run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], root))
    expect(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).dependencies.jaarverslag).toMatch(/^file:/)
    const local = ok(run('npx', ['--no-install', 'jaarverslag', 'validate'], root))
    expect(local.stderr).toContain(`(map ${root})`)
    const empty = join(work, 'leeg')
    mkdirSync(empty)
    const elsewhere = run(bin, ['validate'], empty)
    expect(elsewhere.status).toBe(2)
    expect(elsewhere.stderr).toContain(`In de map '${empty}' staat geen data/organisatie.yaml`)
  }, 600_000)
})
