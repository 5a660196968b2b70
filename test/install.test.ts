import { type SpawnSyncReturns } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { PACKAGE_NAME, VERSION } from '../src/package.js'
import { REPO } from './helpers/project.js'
import { runWith, startRegistry, type Registry } from './helpers/registry.js'

// The coördinator's walk as the README describes it, against a real registry:
// the package is published to a local verdaccio (one per run of this file),
// `init` runs through npx from that registry, the new project installs the
// pinned version from it (and from nothing else), and builds. Then the
// workflow that init wrote runs, step by step, in a fresh clone of that project.

const scratch = mkdtempSync(join(tmpdir(), 'jaarverslag-installatie-'))
const work = join(scratch, 'werk')
const root = join(work, 'waterland-oost')
let registry: Registry
let tarball = ''

const ok = (r: SpawnSyncReturns<string>) => {
  expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0)
  return r
}
const run = (cmd: string, args: string[], cwd: string, extra: NodeJS.ProcessEnv = {}) => runWith({ ...registry.env, ...extra }, cmd, args, cwd)

beforeAll(async () => {
  registry = await startRegistry(join(scratch, 'register'))
  // dist/ is already built (npm test builds before vitest): no prepack, which would empty dist/ under the other tests.
  const packed = ok(run('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', scratch], REPO))
  tarball = join(scratch, packed.stdout.trim().split('\n').at(-1)!)
  ok(run('npm', ['publish', '--ignore-scripts', tarball], scratch))
  mkdirSync(work)
}, 600_000)
afterAll(async () => {
  await registry?.stop()
  // A whole installed copy: removing it takes long on a loaded machine.
  rmSync(scratch, { recursive: true, force: true })
}, 600_000)

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

describe('jaarverslag from a registry', () => {
  it('is published under its scope with the bundled CLI and the files it reads, no dependencies, nothing of the repository', () => {
    const listing = runWith(registry.env, 'tar', ['tzf', tarball], scratch).stdout
    expect(listing).toContain('package/dist/jaarverslag.js')
    expect(listing).toContain('package/bin/jaarverslag.js')
    // Own charts are drawn in a process of their own, started from its own entry.
    expect(listing).toContain('package/dist/draw-worker.js')
    // The PDF's colour profile (PDF/A output intent) travels with the tool, and the dependencies' data files.
    expect(listing).toContain('package/assets/sRGB.icc')
    expect(listing).toContain('package/dist/vendor/vega-lite/vega-lite-schema.json')
    expect(listing).toContain('package/dist/vendor/@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2')
    expect(listing).not.toContain('package/node_modules/')
    expect(listing).not.toContain('package/src/')
    expect(listing).not.toContain('package/test/')
    // Small enough to install in seconds: the whole tool is a few hundred files, not the 11,000 of its dependencies.
    expect(listing.trim().split('\n').length).toBeLessThan(300)
    const shown = JSON.parse(ok(run('npm', ['view', `${PACKAGE_NAME}@${VERSION}`, '--json'], scratch)).stdout) as { name: string; bin: Record<string, string>; dependencies?: object }
    expect(shown.name).toBe(PACKAGE_NAME)
    expect(Object.keys(shown.bin)).toEqual(['jaarverslag'])
    expect(shown.dependencies).toBeUndefined()
  })

  it('init through npx, npm install of the pinned version from the registry only, npx jaarverslag build', () => {
    ok(run('npx', ['--yes', `${PACKAGE_NAME}@${VERSION}`, 'init', 'waterland-oost', '--jaar', '2024'], work))
    // The organisation's own registry for the scope, as the README says; the default registry is the same here.
    ok(run('npm', ['config', 'set', '--location=project', `${PACKAGE_NAME.split('/')[0]}:registry`, registry.url], root))
    ok(run('npm', ['install'], root))
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { devDependencies: Record<string, string> }
    expect(manifest.devDependencies).toEqual({ [PACKAGE_NAME]: VERSION })
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { resolved?: string }> }
    expect(lock.packages[`node_modules/${PACKAGE_NAME}`]?.resolved).toBe(`${registry.url}${PACKAGE_NAME}/-/jaarverslag-${VERSION}.tgz`)

    const year = join(root, 'data', '2024')
    writeFileSync(join(year, 'meldingen.yaml'), MELDINGEN)
    for (const text of readdirSync(join(year, 'tekst'))) writeFileSync(join(year, 'tekst', text), `De tekst '${text}' van Waterland-Oost.\n`)
    // An own chart (it replaces the standard one of that name): drawn by the installed package's drawing process.
    mkdirSync(join(root, 'templates', 'charts'), { recursive: true })
    const status = JSON.parse(readFileSync(join(REPO, 'templates', 'charts', 'status.vl.json'), 'utf8')) as Record<string, unknown>
    writeFileSync(join(root, 'templates', 'charts', 'status.vl.json'), JSON.stringify({ ...status, title: 'Stand van zaken in Waterland-Oost' }))
    const validate = ok(run('npx', ['jaarverslag', 'validate'], root))
    expect(validate.stderr.split('\n')[0]).toBe(`Controle van Gemeente Waterland-Oost (map ${root}): 2024`)
    ok(run('npx', ['jaarverslag', 'build'], root))
    expect(readdirSync(join(root, 'output', '2024')).sort()).toEqual(['data', 'fragment.html', 'index.html', 'jaarverslag-integriteit-2024-concept.pdf'])
    const page = readFileSync(join(root, 'output', '2024', 'index.html'), 'utf8')
    expect(page).toContain("De tekst 'inleiding.md' van Waterland-Oost.")
    expect(page).toMatch(/<svg[^>]*>.*>Stand van zaken in Waterland-Oost<\/title>/s)
    ok(run('npx', ['jaarverslag', 'nieuw-jaar', '2025'], root))
    expect(readFileSync(join(root, 'data', '2025', 'meldingen.yaml'), 'utf8')).toContain('# Aan het einde van 2024 liepen nog 3 meldingen.')
  }, 600_000)

  it('the workflow init wrote: its run steps, in order, pass in a fresh clone against the registry', () => {
    const git = (args: string[], cwd: string) => ok(run('git', ['-c', 'user.name=Coördinator', '-c', 'user.email=integriteit@example.org', ...args], cwd))
    git(['init', '--quiet', '--initial-branch=main'], root)
    git(['add', '.'], root)
    git(['commit', '--quiet', '-m', 'Jaarverslag integriteit'], root)
    const tracked = git(['ls-files'], root).stdout.split('\n')
    expect(tracked).toEqual(expect.arrayContaining(['package.json', 'package-lock.json', '.npmrc', '.github/workflows/jaarverslag.yml']))
    expect(tracked.filter((f) => f.startsWith('node_modules/') || f.endsWith('.tgz'))).toEqual([])
    const clone = join(scratch, 'kloon')
    git(['clone', '--quiet', root, clone], scratch)

    const workflow = parse(readFileSync(join(clone, '.github', 'workflows', 'jaarverslag.yml'), 'utf8')) as {
      jobs: Record<string, { steps?: Array<{ uses?: string; run?: string; if?: string; with?: Record<string, unknown> }> }>
    }
    const steps = workflow.jobs.controleren!.steps!
    expect(steps.find((s) => s.uses?.startsWith('actions/setup-node'))?.with).toMatchObject({ 'node-version': 20, cache: 'npm' })
    const runs = steps.filter((s) => s.run)
    expect(runs.map((s) => s.run)).toEqual(['npm ci --no-audit --no-fund', 'npx --no jaarverslag validate --ci', 'npx --no jaarverslag build --ci'])
    // On the main branch, as GitHub runs it: every condition is that one.
    for (const step of runs) expect([undefined, "github.ref == 'refs/heads/main'"]).toContain(step.if)
    for (const step of runs) ok(run('bash', ['-e', '-c', step.run!], clone, { CI: 'true', GITHUB_REF: 'refs/heads/main' }))
    expect(existsSync(join(clone, 'node_modules', PACKAGE_NAME, 'dist', 'jaarverslag.js'))).toBe(true)
    expect(existsSync(join(clone, 'output', '2024', 'jaarverslag-integriteit-2024-concept.pdf'))).toBe(true)
  }, 600_000)

  it('as a fallback, from the tarball; and no project in the folder is a Dutch error', () => {
    const project = join(work, 'uit-pakket')
    mkdirSync(project)
    writeFileSync(join(project, 'package.json'), '{ "private": true }\n')
    ok(run('npm', ['install', '--offline', '--save-dev', tarball], project))
    const empty = join(work, 'leeg')
    mkdirSync(empty)
    const elsewhere = run(join(project, 'node_modules', '.bin', 'jaarverslag'), ['validate'], empty)
    expect(elsewhere.status).toBe(2)
    expect(elsewhere.stderr).toContain(`In de map '${empty}' staat geen data/organisatie.yaml`)
  }, 600_000)
})
