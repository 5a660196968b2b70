import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanupProjects, FIXTURES, projectWith } from './helpers/project.js'
import { cli } from './helpers/cli.js'

afterAll(cleanupProjects)

describe('jaarverslag command line', () => {
  it('shows Dutch help and exits 0', () => {
    const r = cli(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Maak de verslagen (HTML, PDF en open data)')
    expect(r.stdout).toContain('Afsluitcodes')
  })

  it('refuses an unknown command or option with exit code 2 and a Dutch message', () => {
    expect(cli(['bouwen'])).toMatchObject({ code: 2, stderr: expect.stringContaining("Onbekende opdracht 'bouwen'") })
    expect(cli(['build', '--snel'])).toMatchObject({ code: 2, stderr: expect.stringContaining('Onbekende of onvolledige optie --snel') })
    expect(cli(['build', '--jaar', 'vorig'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--jaar verwacht een jaartal') })
  })

  it('validate is clean on the example data', () => {
    const r = cli(['validate'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Geen fouten of waarschuwingen.')
  })

  it('validate reports file, line, column, rule and a summary, with exit code 1', () => {
    const root = projectWith()
    writeFileSync(join(root, 'data', '2024', 'meldingen.yaml'), 'totaal: 18\nherkomst:\n  intern: 9\n  extrn: 9\nsignalen: -1\n')
    const r = cli(['validate', '--map', root])
    expect(r.code).toBe(1)
    expect(r.stderr).toContain("data/2024/meldingen.yaml:4:3  fout  herkomst: het veld 'extrn' is onbekend; bedoelde je 'extern'?")
    expect(r.stderr).toContain('  4 |   extrn: 9\n        ^')
    expect(r.stderr).toContain('2 fouten, 0 waarschuwingen in 1 bestand')
    expect(r.stderr).not.toMatch(/\n\s+at /)
  })

  it('validate is clean on the Huizen and Rotterdam projects too: the model is not shaped to one municipality', () => {
    for (const name of ['huizen', 'rotterdam']) {
      const r = cli(['validate', '--map', join(FIXTURES, 'valid', name)])
      expect(r.code, r.stderr).toBe(0)
      expect(r.stdout).toContain('Geen fouten of waarschuwingen.')
    }
  })

  it('validate --json gives machine-readable messages', () => {
    const root = projectWith()
    writeFileSync(join(root, 'data', '2024', 'meldingen.yaml'), 'totaal: tien\n')
    const r = cli(['validate', '--map', root, '--json'])
    expect(r.code).toBe(1)
    expect(JSON.parse(r.stdout).meldingen).toEqual([
      expect.objectContaining({ file: 'data/2024/meldingen.yaml', line: 1, column: 9, ruleId: 'schema-type', severity: 'fout' }),
    ])
  })

  it('validate --jaar of a year that does not exist is a usage error', () => {
    const r = cli(['validate', '--jaar', '2030'])
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('Er is geen map voor 2030 in data/; beschikbaar: 2022, 2023, 2024.')
  })

  it('init, then nieuw-jaar, then validate on the result', () => {
    const root = join(projectWith(), 'nieuw')
    expect(cli(['init', root, '--jaar', '2024']).code).toBe(0)
    expect(readFileSync(join(root, 'data', '2024', 'meldingen.yaml'), 'utf8')).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/schemas\/meldingen\.schema\.json\n/)
    expect(existsSync(join(root, 'schemas', 'meldingen.schema.json'))).toBe(true)
    expect(cli(['validate', '--map', root])).toMatchObject({ code: 0 })
    expect(cli(['nieuw-jaar', '2025', '--map', root]).code).toBe(0)
    expect(cli(['validate', '--map', root])).toMatchObject({ code: 0 })
  })

  it('nieuw-jaar keeps the structure of the year before with every figure onbekend, and carries over what was open', () => {
    const root = projectWith()
    const r = cli(['nieuw-jaar', '2025', '--map', root])
    expect(r.code).toBe(0)
    const meldingen = readFileSync(join(root, 'data', '2025', 'meldingen.yaml'), 'utf8')
    expect(meldingen).toContain('# Aan het einde van 2024 liepen nog 4 meldingen.')
    expect(meldingen).toContain('totaal: onbekend')
    expect(meldingen).toContain('  Misbruik bevoegdheden: onbekend')
    const vp = readFileSync(join(root, 'data', '2025', 'vertrouwenspersonen.yaml'), 'utf8')
    expect(vp).toContain('Lopend uit eerdere jaren: in 2024 waren er 52 casussen en 7 meldingen')
    expect(cli(['validate', '--map', root]).code).toBe(0)
    expect(cli(['nieuw-jaar', '2025', '--map', root])).toMatchObject({ code: 2, stderr: expect.stringContaining('data/2025 bestaat al') })
  })
})
