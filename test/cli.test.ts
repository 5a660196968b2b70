import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import { afterAll, describe, expect, it } from 'vitest'
import { cleanupProjects, FIXTURES, projectWith, REPO } from './helpers/project.js'
import { EXIT } from '../src/diagnostics/catalogue.js'
import { NATIONAL, VOCABULARY_KINDS } from '../src/domain/vocabularies.js'
import { cli } from './helpers/cli.js'
import { main } from '../src/cli/index.js'
import { PACKAGE_NAME } from '../src/package.js'
import { TEXT_SECTIONS } from '../src/validate/placeholders.js'

afterAll(cleanupProjects)

/** The texts the standard template reads (::tekst{naam="…"}), in its order. */
const templateTexts = () => [...readFileSync(join(REPO, 'templates', 'verslag.md'), 'utf8').matchAll(/::tekst\{naam="([^"]+)"\}/g)].map((m) => m[1]!)

describe('jaarverslag command line', () => {
  it('shows Dutch help and exits 0', () => {
    const r = cli(['--help'])
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('Maak de verslagen (HTML, PDF en open data)')
    expect(r.stdout).toContain('Afsluitcodes')
    expect(r.stdout).toContain('70 een onverwachte fout')
    expect(r.stdout).toMatch(/init \[map\] .*--jaar/)
  })

  it('every command has its own --help: what it does and only its own options; help <opdracht> is the same', async () => {
    const said = async (argv: string[]) => {
      let out = ''
      const code = await main(argv, { out: (s) => (out += s), err: (s) => (out += s) })
      return { code, out }
    }
    const general = (await said(['--help'])).out
    for (const cmd of ['validate', 'build', 'nieuw-jaar', 'init', 'lijsten', 'dev', 'samenvoegen']) {
      const own = await said([cmd, '--help'])
      expect(own.code, cmd).toBe(EXIT.ok)
      expect(own.out, cmd).toMatch(new RegExp(`^Gebruik: jaarverslag ${cmd}\\b`))
      expect(own.out).not.toBe(general)
      expect((await said(['help', cmd])).out).toBe(own.out)
    }
    expect((await said(['build', '--help'])).out).toContain('--alleen html|pdf')
    expect((await said(['validate', '--help'])).out).not.toContain('--alleen')
    expect((await said(['dev', '--help'])).out).toContain('--poort <nummer>')
    expect(general).toContain('jaarverslag <opdracht> --help')
    // The real binary answers the same.
    expect(cli(['build', '--help']).stdout.trimEnd()).toBe((await said(['build', '--help'])).out)
  })

  it('a mistyped or Dutch command name suggests the command meant', async () => {
    for (const [typed, meant] of [['bouw', 'build'], ['bouwen', 'build'], ['maak', 'build'], ['controleer', 'validate'], ['valideer', 'validate'], ['nieuwjaar', 'nieuw-jaar'], ['biuld', 'build'], ['lijst', 'lijsten']]) {
      let err = ''
      expect(await main([typed!], { out: () => undefined, err: (s) => (err += s) }), typed).toBe(EXIT.usage)
      expect(err, typed).toContain(`Onbekende opdracht '${typed}'; bedoelde u '${meant}'?`)
    }
    expect(cli(['bouw']).stderr).toContain("bedoelde u 'build'?")
  })

  it('help says where the documentation is, and every document it names is there', () => {
    const help = cli(['--help']).stdout
    const folder = /^Uitleg, in de map (.+):$/m.exec(help)?.[1]
    expect(folder).toBe(join(REPO, 'docs'))
    const named = [...help.matchAll(/^ {2}(\S+\.md) /gm)].map((m) => m[1]!)
    expect(named).toEqual(expect.arrayContaining(['gegevens.md', 'sjablonen.md', 'foutmeldingen.md', 'lijsten.md']))
    for (const doc of named) expect(existsSync(join(folder!, doc)), doc).toBe(true)
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
    expect(r.stderr).toContain("data/2024/meldingen.yaml:4:3  fout  Het veld 'extrn' onder 'herkomst' is onbekend; bedoelde u 'extern'?")
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

  it('nieuw-jaar makes the first year of a project that has none, as the message about no years says', () => {
    const root = join(projectWith(), 'nieuw')
    expect(cli(['init', root, '--jaar', '2024']).code).toBe(EXIT.ok)
    rmSync(join(root, 'data', '2024'), { recursive: true })
    const none = cli(['validate', '--map', root])
    expect(none.stderr).toContain('[geen-jaren]')
    expect(none.stderr).toContain('jaarverslag nieuw-jaar')
    expect(cli(['nieuw-jaar', '2022', '--map', root]).code).toBe(EXIT.ok)
    expect(cli(['validate', '--map', root]).code).toBe(EXIT.ok)
  })

  it('nieuw-jaar on data with errors refuses, and shows the errors it means', () => {
    const root = projectWith()
    writeFileSync(join(root, 'data', '2024', 'meldingen.yaml'), 'totaal: tien\n')
    const r = cli(['nieuw-jaar', '2025', '--map', root])
    expect(r.code).toBe(EXIT.data)
    expect(r.stderr).toContain("data/2024/meldingen.yaml:1:9  fout  totaal: gevonden de tekst 'tien'")
    expect(r.stderr).toContain('[eerst-herstellen]')
    expect(existsSync(join(root, 'data', '2025'))).toBe(false)
  })

  it('nieuw-jaar keeps the structure of the year before with every figure onbekend, and carries over what was open', () => {
    const root = projectWith()
    const r = cli(['nieuw-jaar', '2025', '--map', root])
    expect(r.code).toBe(0)
    const meldingen = readFileSync(join(root, 'data', '2025', 'meldingen.yaml'), 'utf8')
    expect(meldingen).toContain('# Aan het einde van 2024 liepen nog 4 meldingen.')
    expect(meldingen).toContain('totaal: onbekend')
    expect(meldingen).toContain('  Misbruik bevoegdheden: onbekend')
    // The explanation above each field stays in every year, not only in the first one init made.
    expect(meldingen).toMatch(/\n# [^\n]*: Het totaal aantal meldingen in het jaar\.\ntotaal: onbekend\n/)
    const vp = readFileSync(join(root, 'data', '2025', 'vertrouwenspersonen.yaml'), 'utf8')
    expect(vp).toContain('Lopend uit eerdere jaren: in 2024 waren er 52 casussen en 7 meldingen')
    for (const group of NATIONAL.uren) for (const activity of group.activities) expect(vp).toContain(`    # ${activity.label}\n    ${activity.id}: onbekend\n`)
    expect(cli(['validate', '--map', root]).code).toBe(0)
    expect(cli(['nieuw-jaar', '2025', '--map', root])).toMatchObject({ code: 2, stderr: expect.stringContaining("De map 'data/2025' bestaat al") })
  })

  it('nieuw-jaar: one of a thing in the singular, and every comment and bron of the year before kept', () => {
    const root = projectWith()
    const edit = (file: string, from: string | RegExp, to: string) => {
      const path = join(root, 'data', '2024', file)
      const text = readFileSync(path, 'utf8')
      expect(text.replace(from, to), file).not.toBe(text)
      writeFileSync(path, text.replace(from, to))
    }
    edit('meldingen.yaml', '  Lopend: 4', '  # bijgehouden door het meldpunt\n  Lopend: 1')
    edit('meldingen.yaml', /^totaal:/m, '# Telling van het meldpunt, zonder de signalen.\ntotaal:')
    edit('vertrouwenspersonen.yaml', /^casussen:\n  lopend: 5\n  nieuw: 47\n  totaal: 52/m, 'casussen:\n  lopend: 1\n  nieuw: 3\n  totaal: 4')
    edit('vertrouwenspersonen.yaml', /^meldingen:\n  lopend: 4\n  via_vp: 3\n  door_vp: 0\n  totaal: 7/m, 'meldingen:\n  lopend: 0\n  via_vp: 1\n  door_vp: 0\n  totaal: 1')
    edit('kengetallen.yaml', /^kengetallen:/m, '# Uit de registratie van de griffie.\nkengetallen:')
    expect(cli(['validate', '--map', root]).code).toBe(EXIT.ok)
    expect(cli(['nieuw-jaar', '2025', '--map', root]).code).toBe(EXIT.ok)
    const made = (file: string) => readFileSync(join(root, 'data', '2025', file), 'utf8')
    expect(made('meldingen.yaml')).toContain('# Aan het einde van 2024 liep nog 1 melding.\n')
    expect(made('meldingen.yaml')).toContain('# Telling van het meldpunt, zonder de signalen.\ntotaal: onbekend\n')
    expect(made('meldingen.yaml')).toContain('  # bijgehouden door het meldpunt\n  Lopend: onbekend\n')
    expect(made('vertrouwenspersonen.yaml')).toContain('# Lopend uit eerdere jaren: in 2024 waren er 4 casussen en 1 melding; vul in')
    expect(made('kengetallen.yaml')).toContain('# Uit de registratie van de griffie.\nkengetallen:\n')
    expect(parse(made('meta.yaml'))).toEqual({ jaar: 2025, status: 'concept', bron: 'Jaarverslag Integriteit 2025, gemeente Helmond.' })
    expect(cli(['validate', '--map', root]).code).toBe(EXIT.ok)
    // The remark about 2024 does not travel into 2026.
    expect(cli(['nieuw-jaar', '2026', '--map', root]).code).toBe(EXIT.ok)
    expect(readFileSync(join(root, 'data', '2026', 'meldingen.yaml'), 'utf8')).not.toContain('2024')
  })

  it('validate says it once: the summary of the messages, no second line', () => {
    const root = join(projectWith(), 'nieuw')
    expect(cli(['init', root, '--jaar', '2024']).code).toBe(EXIT.ok)
    const r = cli(['validate', '--map', root])
    expect(r.code).toBe(EXIT.ok)
    const said = `${r.stdout}\n${r.stderr}`.split('\n').filter((l) => /waarschuwing/.test(l) && !/ {2}waarschuwing {2}/.test(l))
    expect(said).toEqual([`0 fouten, ${Object.keys(TEXT_SECTIONS).length} waarschuwingen in ${Object.keys(TEXT_SECTIONS).length} bestanden`])
  })

  it('validate in a folder of several projects says it checks several, and which', () => {
    const root = mkdtempSync(join(tmpdir(), 'jaarverslag-regio-'))
    for (const name of ['huizen', 'rotterdam']) cpSync(join(FIXTURES, 'valid', name), join(root, name), { recursive: true })
    const r = cli(['validate', '--map', root])
    expect(r.code, r.stderr).toBe(EXIT.ok)
    expect(r.stderr.split('\n').slice(0, 3)).toEqual([
      `Controle van 2 organisaties in ${root}: huizen en rotterdam`,
      `Controle van Gemeente Huizen (map ${join(root, 'huizen')}): 2021 en 2022`,
      `Controle van Gemeente Rotterdam (map ${join(root, 'rotterdam')}): 2015, 2016, 2017, 2018, 2019 en 2020`,
    ])
    rmSync(root, { recursive: true, force: true })
  })

  it('suggests the command or option meant, in the catalogue and with the usage exit code', () => {
    const command = cli(['biuld'])
    expect(command.code).toBe(EXIT.usage)
    expect(command.stderr).toContain("Onbekende opdracht 'biuld'; bedoelde u 'build'?")
    expect(command.stderr).toContain('[gebruik-opdracht-onbekend]')
    expect(cli(['validate', '--stirct']).stderr).toContain('Onbekende of onvolledige optie --stirct; bedoelde u --strict?')
    expect(cli(['build', '--jaar']).stderr).toContain('[gebruik-optie-onbekend]')
    expect(cli(['build', '--poort', 'x']).stderr).toContain('[gebruik-poort]')
  })

  it('a comma decimal is refused with the hint to write a point', () => {
    const root = projectWith()
    const file = join(root, 'data', '2024', 'vertrouwenspersonen.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^( +gesprekken:) .*$/m, '$1 12,5'))
    const r = cli(['validate', '--map', root])
    expect(r.code).toBe(EXIT.data)
    expect(r.stderr).toMatch(/gesprekken: gevonden '12,5'; een getal schrijft u met een punt: 12\.5\.  \[getal-komma\]/)
  })

  it('a tab is reported with its hint first, then the errors it brings with it', () => {
    const root = projectWith()
    writeFileSync(join(root, 'data', '2024', 'meldingen.yaml'), 'totaal: 18\nherkomst:\n\tintern: 9\n  extern: 9\n')
    const r = cli(['validate', '--map', root])
    expect(r.code).toBe(EXIT.data)
    expect(r.stderr).toContain('  → Vervang de tab door spaties (twee per niveau).\n  → Deze fout brengt 1 andere fout met zich mee, die niet apart wordt getoond: die verdwijnt als u deze herstelt.\n')
  })

  it('validate and build say first which organisation, folder and years they check', () => {
    const root = projectWith()
    const v = cli(['validate', '--map', root, '--jaar', '2024'])
    expect(v.stderr.split('\n')[0]).toBe(`Controle van Gemeente Helmond (map ${root}): 2024`)
    const b = cli(['build', '--map', root, '--alleen', 'html', '--jaar', '2023', '--jaar', '2024'])
    expect(b.stderr.split('\n')[0]).toBe(`Verslagen van Gemeente Helmond (map ${root}): 2023 en 2024`)
  })

  it('a folder without data/organisatie.yaml is a Dutch error naming that folder, not a check of another project', () => {
    const empty = mkdtempSync(join(tmpdir(), 'jaarverslag-leeg-'))
    try {
      for (const command of ['validate', 'build', 'nieuw-jaar 2025']) {
        // build starts the browser before it knows the project: it must end at once too, not wait for the browser.
        const r = cli(command.split(' '), { cwd: empty, timeoutMs: 20_000 })
        expect(r.code, command).toBe(EXIT.usage)
        expect(r.stderr).toContain(`In de map '${empty}' staat geen data/organisatie.yaml`)
        expect(r.stdout).not.toContain('Geen fouten')
      }
      expect(readdirSync(empty)).toEqual([])
    } finally {
      rmSync(empty, { recursive: true, force: true })
    }
  })

  it('npm run jaarverslag from the tool works on the folder it was called from', () => {
    const root = projectWith()
    writeFileSync(join(root, 'data', '2024', 'meldingen.yaml'), 'totaal: tien\n')
    const npm = spawnSync('npm', ['--prefix', REPO, 'run', '--silent', 'jaarverslag', '--', 'validate'], { cwd: root, encoding: 'utf8', timeout: 120_000 })
    expect(npm.status).toBe(EXIT.data)
    expect(npm.stderr).toContain(`(map ${root})`)
    expect(npm.stderr).toContain('data/2024/meldingen.yaml:1:9  fout')
  })

  it('lijsten prints every national list with all its values', () => {
    const r = cli(['lijsten'])
    expect(r.code).toBe(EXIT.ok)
    for (const kind of VOCABULARY_KINDS) {
      expect(r.stdout).toContain(`\n${kind} (`)
      for (const value of NATIONAL[kind]) expect(r.stdout).toContain(`\n  ${value}\n`.trimEnd())
    }
    for (const group of NATIONAL.uren) for (const activity of group.activities) expect(r.stdout).toContain(`  ${group.id}.${activity.id} (`)
  })

  it('init makes a project for its own repository: every file of a year, texts, package.json, README, .gitignore and CI', () => {
    const root = join(projectWith(), 'waterland-oost')
    expect(cli(['init', root, '--jaar', '2025']).code).toBe(EXIT.ok)
    for (const kind of ['meta', 'meldingen', 'vertrouwenspersonen', 'kengetallen']) expect(existsSync(join(root, 'data', '2025', `${kind}.yaml`)), kind).toBe(true)
    for (const text of templateTexts()) {
      const lines = readFileSync(join(root, 'data', '2025', 'tekst', `${text}.md`), 'utf8').trimEnd().split('\n')
      expect(lines, text).toEqual([`Schrijf hier ${TEXT_SECTIONS[text]} (2025). (voorbeeldtekst van jaarverslag)`])
    }
    const meldingen = readFileSync(join(root, 'data', '2025', 'meldingen.yaml'), 'utf8')
    expect(meldingen).toMatch(/\n# [^\n]*: Het totaal aantal meldingen in het jaar\.\ntotaal: onbekend\n/)
    // Every figure is onbekend: no number anywhere in the values.
    const numbers = (value: unknown): unknown[] => (typeof value === 'number' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(numbers) : [])
    for (const kind of ['meldingen', 'vertrouwenspersonen']) expect(numbers(parse(readFileSync(join(root, 'data', '2025', `${kind}.yaml`), 'utf8'))), kind).toEqual([])
    for (const value of NATIONAL.type) expect(meldingen).toContain(`  ${value}: onbekend`)
    const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'))
    // Pinned by its scoped name: a bare 'jaarverslag' on the public registry could be anyone's.
    const version = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version as string
    expect(manifest.devDependencies).toEqual({ [PACKAGE_NAME]: version })
    expect(manifest.dependencies).toBeUndefined()
    expect(manifest.name).toBe('jaarverslag-waterland-oost')
    const readme = readFileSync(join(root, 'README.md'), 'utf8')
    for (const command of ['jaarverslag validate', 'jaarverslag build', 'jaarverslag nieuw-jaar 2026']) expect(readme).toContain(`\n${command} `)
    expect(readme).toContain(`\`npm config set --location=project ${PACKAGE_NAME.split('/')[0]}:registry https://uw-register/\``)
    expect(readme).not.toContain('.tgz')
    expect(readFileSync(join(root, '.gitignore'), 'utf8')).toContain('output/')
    const workflowText = readFileSync(join(root, '.github', 'workflows', 'jaarverslag.yml'), 'utf8')
    const workflow = parse(workflowText)
    expect(Object.keys(workflow.on)).toContain('push')
    const steps = workflow.jobs.controleren.steps as { run?: string; if?: string }[]
    expect(steps.find((s) => s.run === 'npm ci --no-audit --no-fund')?.if).toBeUndefined()
    expect(steps.find((s) => s.run === 'npx --no jaarverslag validate --ci')?.if).toBeUndefined()
    // --ci: the workflow records nothing and publishes adopted reports from vastgesteld/ (docs/vaststellen.md).
    expect(steps.find((s) => s.run === 'npx --no jaarverslag build --ci')?.if).toBe("github.ref == 'refs/heads/main'")
    expect(readme).toContain('## Vaststellen en herzien')
    // The coördinator reads the workflow's comments: Dutch, none left in English.
    const comments = workflowText.split('\n').filter((l) => l.trimStart().startsWith('#'))
    expect(comments.length).toBeGreaterThanOrEqual(4)
    for (const c of comments) expect(c, c).not.toMatch(/\b(the|and|have|has|installed|itself|runners|checks|builds|on every)\b/i)
    expect(comments.join('\n')).toMatch(/\b(de|het|een)\b/)
    expect(workflow.jobs.publiceren.if).toBe("github.ref == 'refs/heads/main'")
    expect(cli(['validate', '--map', root]).code).toBe(EXIT.ok)
    expect(cli(['init', root])).toMatchObject({ code: EXIT.usage, stderr: expect.stringContaining('[map-niet-leeg]') })
  })

  it('init writes every text the template reads; docs/gegevens.md lists each, with figures that are valid in a text', () => {
    expect(templateTexts()).toEqual(Object.keys(TEXT_SECTIONS))
    const docs = readFileSync(join(REPO, 'docs', 'gegevens.md'), 'utf8')
    const rows = templateTexts().map((text) => docs.split('\n').find((l) => l.startsWith(`| \`${text}.md\` | `)))
    expect(rows.every(Boolean), rows.join('\n')).toBe(true)
    // Every figure the table names, in a text of the example project: the real validator knows each.
    const expressions = rows.flatMap((row) => [...row!.matchAll(/`(\{\{ .*? \}\})`/g)].map((m) => m[1]!.replaceAll('\\|', '|')))
    expect(expressions.length).toBeGreaterThanOrEqual(templateTexts().length)
    const root = projectWith()
    writeFileSync(join(root, 'data', '2024', 'tekst', 'duiding.md'), expressions.join('\n\n') + '\n')
    // validate leaves the template's names to the build.
    const r = cli(['build', '--map', root, '--alleen', 'html', '--jaar', '2024'])
    expect(r.code, r.stderr).toBe(EXIT.ok)
    expect(readFileSync(join(root, 'output', '2024', 'index.html'), 'utf8')).not.toContain('{{')
  })

  it('init: privacy threshold 5 with its explanation; the kengetallen example commented under the key, ready to uncomment', () => {
    const root = join(projectWith(), 'nieuw')
    expect(cli(['init', root, '--jaar', '2024']).code).toBe(EXIT.ok)
    const organisation = readFileSync(join(root, 'data', 'organisatie.yaml'), 'utf8')
    expect(parse(organisation).privacy).toEqual({ drempel: 5 })
    expect(organisation).toMatch(/\n# [^\n]*persoon[^\n]*\n# [^\n]*drempel[^\n]*\nprivacy:\n  drempel: 5\n/)
    const file = join(root, 'data', '2024', 'kengetallen.yaml')
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain('[]')
    expect(text).toMatch(/^kengetallen:\n( {2}#[^\n]*\n)+$/m)
    expect(cli(['validate', '--map', root]).code).toBe(EXIT.ok)
    // Taking away '# ' before the example gives a kengetal the real validator accepts.
    writeFileSync(file, text.replace(/^ {2}# (- | {2})/gm, '  $1'))
    const r = cli(['validate', '--map', root, '--json'])
    expect(r.code, r.stdout).toBe(EXIT.ok)
    expect(parse(readFileSync(file, 'utf8')).kengetallen).toEqual([{ id: 'raad-gesprekken', naam: 'Integriteitsgesprekken met raadsleden', eenheid: 'aantal', waarde: 'onbekend' }])
  })

  it('no file that init, nieuw-jaar or build writes says "undefined", also when a section of the year before is missing', () => {
    const root = projectWith()
    const vp = join(root, 'data', '2024', 'vertrouwenspersonen.yaml')
    // A year whose VP file records cases but no meldingen.
    const data = parse(readFileSync(vp, 'utf8'))
    delete data.meldingen
    writeFileSync(vp, JSON.stringify(data))
    expect(cli(['nieuw-jaar', '2025', '--map', root]).code).toBe(EXIT.ok)
    const made = join(root, 'data', '2025', 'vertrouwenspersonen.yaml')
    expect(readFileSync(made, 'utf8')).toContain('# Lopend uit eerdere jaren: in 2024 waren er 52 casussen; vul in')
    const fresh = join(projectWith(), 'nieuw')
    expect(cli(['init', fresh, '--jaar', '2024']).code).toBe(EXIT.ok)
    expect(cli(['nieuw-jaar', '2025', '--map', fresh]).code).toBe(EXIT.ok)
    expect(cli(['build', '--map', fresh, '--alleen', 'html']).code).toBe(EXIT.ok)
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]))
    for (const file of [...walk(join(root, 'data', '2025')), ...walk(fresh).filter((f) => !f.includes(`${join(fresh, 'schemas')}`))]) {
      expect(readFileSync(file, 'utf8'), file).not.toContain('undefined')
    }
  })

  it('scaffold text left in place: a warning, an error with --strict, always an error in a definitief year', () => {
    const root = join(projectWith(), 'nieuw')
    expect(cli(['init', root, '--jaar', '2024']).code).toBe(EXIT.ok)
    const concept = cli(['validate', '--map', root])
    expect(concept.code).toBe(EXIT.ok)
    expect(concept.stderr).toContain("data/2024/tekst/inleiding.md:1:1  waarschuwing  De tekst 'inleiding' is nog de voorbeeldtekst")
    expect(concept.stderr).toContain('[tekst-voorbeeld]')
    expect(cli(['validate', '--map', root, '--strict']).code).toBe(EXIT.data)
    const meta = join(root, 'data', '2024', 'meta.yaml')
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^status: concept$/m, 'status: definitief'))
    const final = cli(['build', '--map', root, '--alleen', 'html'])
    expect(final.code).toBe(EXIT.data)
    expect(final.stderr).toContain('[tekst-voorbeeld-definitief]')
    expect(existsSync(join(root, 'output'))).toBe(false)
    // Own text: no message.
    for (const text of templateTexts()) writeFileSync(join(root, 'data', '2024', 'tekst', `${text}.md`), 'Eigen tekst.\n')
    expect(cli(['validate', '--map', root, '--strict']).code).toBe(EXIT.ok)
  })
})
