import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanupProjects, projectWith, REPO } from './helpers/project.js'

// The CLI's last resort is for errors nobody foresaw. A damaged installation
// is a genuine one: here a schema of the tool itself, cut off halfway as by
// an interrupted copy. The real binary runs from a copy of the package.

const install = mkdtempSync(join(tmpdir(), 'jaarverslag-installatie-'))
afterAll(() => {
  rmSync(install, { recursive: true, force: true })
  cleanupProjects()
})

describe('an unexpected error', () => {
  it('gives a Dutch line asking to report it and exit code 70; the stack trace only with --debug', () => {
    for (const part of ['package.json', 'bin', 'dist', 'schemas', 'templates']) cpSync(join(REPO, part), join(install, part), { recursive: true })
    symlinkSync(join(REPO, 'node_modules'), join(install, 'node_modules'))
    writeFileSync(join(install, 'schemas', 'meldingen.schema.json'), '{ "type": "object", ')
    const project = projectWith()
    const run = (...extra: string[]) =>
      spawnSync(process.execPath, [join(install, 'bin', 'jaarverslag.js'), 'validate', '--map', project, ...extra], { encoding: 'utf8', timeout: 120_000 })

    const plain = run()
    expect(plain.status).toBe(70)
    expect(plain.stdout).toBe('')
    expect(plain.stderr).toMatch(/^Controle van .+\njaarverslag  fout  Er ging iets onverwacht mis \(.+\)\.  \[onverwachte-fout\]\n  → Start opnieuw met --debug voor de technische details, en meld het probleem\.\n$/)
    expect(plain.stderr).not.toMatch(/^\s+at /m)

    const debug = run('--debug')
    expect(debug.status).toBe(70)
    expect(debug.stderr).toContain('fout  Er ging iets onverwacht mis (')
    expect(debug.stderr).toMatch(/^\s+at /m)
  })
})
