import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cli } from './helpers/cli.js'
import { cleanupProjects, FIXTURES, hashFiles, projectWith, REPO } from './helpers/project.js'

const made: string[] = []
afterAll(() => { for (const dir of made) rmSync(dir, { recursive: true, force: true }); cleanupProjects() })

/** Three organisations that fall in three different shares of 3. */
function region(): string {
  const root = mkdtempSync(join(tmpdir(), 'jaarverslag-regio-'))
  made.push(root)
  cpSync(join(REPO, 'data'), join(root, 'helmond', 'data'), { recursive: true })
  cpSync(join(FIXTURES, 'valid', 'huizen', 'data'), join(root, 'huizen', 'data'), { recursive: true })
  cpSync(join(FIXTURES, 'valid', 'huizen', 'data'), join(root, 'blaricum', 'data'), { recursive: true })
  return root
}

describe('build --deel and samenvoegen', () => {
  it('building in 3 shares and merging gives the same bytes as one build (HTML, PDF, open data, one index)', () => {
    const root = region()
    const one = join(root, 'uit-een')
    expect(cli(['build', '--map', root, '--jaar', '2022', '--uitvoer', one, '--stil']).code).toBe(0)
    const shares = [1, 2, 3].map((i) => {
      const out = join(root, `uit-deel-${i}`)
      expect(cli(['build', '--map', root, '--jaar', '2022', '--deel', `${i}/3`, '--uitvoer', out, '--stil']).code).toBe(0)
      return out
    })
    // Each share built one organisation, so the merge really combines three.
    for (const out of shares) expect(readdirSync(out).filter((n) => !n.startsWith('.') && n !== 'index.html')).toHaveLength(1)
    const merged = join(root, 'uit-samen')
    const r = cli(['samenvoegen', ...shares, '--uitvoer', merged])
    expect(r.code, r.stderr).toBe(0)

    const expected = hashFiles(one)
    expect(Object.keys(expected)).toContain('huizen/2021-2022/jaarverslag-integriteit-2021-2022.pdf')
    expect(Object.keys(expected)).toContain('index.html')
    expect(hashFiles(merged)).toEqual(expected)
    const index = readFileSync(join(merged, 'index.html'), 'utf8')
    for (const org of ['blaricum', 'helmond', 'huizen']) expect(index).toContain(`href="${org}/index.html"`)
  }, 300_000)

  it('an organisation that fails after others were written leaves the whole previous output as it was', () => {
    const root = region()
    const out = join(root, 'uit')
    expect(cli(['build', '--map', root, '--jaar', '2022', '--alleen', 'html', '--uitvoer', out, '--stil']).code).toBe(0)
    const before = hashFiles(out)
    // huizen comes last: blaricum and helmond are already staged when it fails.
    writeFileSync(join(root, 'huizen', 'data', 'organisatie.yaml'), readFileSync(join(root, 'huizen', 'data', 'organisatie.yaml'), 'utf8') + 'onbekend_veld: 1\n')
    for (const org of ['blaricum', 'helmond']) {
      const meta = join(root, org, 'data', '2022', 'meta.yaml')
      writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^status: .*$/m, 'status: concept'))
    }
    const r = cli(['build', '--map', root, '--jaar', '2022', '--alleen', 'html', '--alles', '--uitvoer', out, '--stil'])
    expect(r.code, r.stderr).toBe(1)
    expect(r.stderr).toContain('huizen')
    expect(hashFiles(out)).toEqual(before)
    expect(readdirSync(root).filter((n) => n.startsWith('uit.'))).toEqual([])
  }, 120_000)

  it('refuses a share of a single organisation, a bad share, and folders that are not shares', () => {
    expect(cli(['build', '--map', projectWith(), '--deel', '1/2']).code).toBe(2)
    expect(cli(['build', '--map', region(), '--deel', '4/3']).code).toBe(2)
    const r = cli(['samenvoegen', projectWith()])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('is geen uitvoer van `jaarverslag build --deel`')
  })
})
