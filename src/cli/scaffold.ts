import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { stringify } from 'yaml'
import { check } from '../compile.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { getPath } from '../domain/values.js'
import { SCHEMA_DIR } from '../validate/schemas.js'
import type { CliOptions } from './args.js'
import type { Console } from './report.js'

const schemaLine = (fileDir: string, root: string, kind: string) =>
  `# yaml-language-server: $schema=${relative(fileDir, join(root, 'schemas', `${kind}.schema.json`)).split('\\').join('/')}\n`

function writeYaml(root: string, path: string, kind: string, data: unknown, comment = ''): void {
  const full = join(root, path)
  mkdirSync(resolve(full, '..'), { recursive: true })
  writeFileSync(full, schemaLine(resolve(full, '..'), root, kind) + comment + stringify(data, { lineWidth: 0 }))
}

/** `jaarverslag init [map]`: a new organisation with its config, the schemas and an empty year. */
export function runInit(options: CliOptions, io: Console): number {
  const root = resolve(options.root, options.positionals[0] ?? '.')
  if (existsSync(join(root, 'data'))) {
    io.err(`fout: ${join(root, 'data')} bestaat al; kies een lege map.`)
    return EXIT.usage
  }
  const year = options.years[0] ?? new Date().getUTCFullYear() - 1
  mkdirSync(root, { recursive: true })
  cpSync(SCHEMA_DIR, join(root, 'schemas'), { recursive: true })
  writeYaml(root, 'data/organisatie.yaml', 'organisatie', {
    organisatie: 'Gemeente Voorbeeld', titel: 'Jaarverslag Integriteit', vergelijking: { venster: 5 }, privacy: { drempel: 0 },
    publicatie: { licentie: 'CC0 1.0' },
  }, '# Vul de naam van de organisatie in. Vocabulaires: zie docs/gegevens.md.\n')
  writeYaml(root, 'data/historie.yaml', 'historie', { bron: 'Eerdere jaarverslagen', jaren: {} }, '# Totalen van jaren van vóór dit hulpmiddel, bijvoorbeeld "2019": { meldingen: 10 }\n')
  scaffoldYear(root, year, undefined)
  io.out(`Nieuwe organisatie in ${root} met het jaar ${year}. Vul data/organisatie.yaml en data/${year}/ in en draai \`jaarverslag validate\`.`)
  return EXIT.ok
}

/** `jaarverslag nieuw-jaar 2025`: the structure of the year before, figures 'onbekend' until filled in. */
export function runNewYear(options: CliOptions, io: Console): number {
  const root = resolve(options.root)
  const arg = options.positionals[0]
  if (!arg || !/^(19|20)\d\d$/.test(arg)) {
    io.err('fout: geef het nieuwe jaar op, bijvoorbeeld: jaarverslag nieuw-jaar 2025')
    return EXIT.usage
  }
  const year = Number(arg)
  if (existsSync(join(root, 'data', arg))) {
    io.err(`fout: data/${arg} bestaat al.`)
    return EXIT.usage
  }
  const { project } = check(root)
  if (!project) {
    io.err('fout: de bestaande gegevens bevatten fouten; draai eerst `jaarverslag validate` en herstel die.')
    return EXIT.data
  }
  const previous = project.years.filter((y) => y.year < year).at(-1)
  scaffoldYear(root, year, previous)
  io.out(`data/${year}/ aangemaakt${previous ? ` naar het voorbeeld van ${previous.year}` : ''}. Vervang elke 'onbekend' door het cijfer.`)
  return EXIT.ok
}

type Prev = NonNullable<ReturnType<typeof check>['project']>['years'][number] | undefined

/** Same keys as before, every figure 'onbekend': valid, and never mistaken for 0. */
function unknownLike(value: unknown): unknown {
  if (typeof value === 'number') return 'onbekend'
  if (Array.isArray(value)) return value.map(unknownLike)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'toelichting').map(([k, v]) => [k, unknownLike(v)]))
  }
  return value
}

function scaffoldYear(root: string, year: number, previous: Prev): void {
  const dir = `data/${year}`
  writeYaml(root, `${dir}/meta.yaml`, 'meta', { jaar: year, status: 'concept', bron: `Registratie meldpunt integriteit ${year}` })
  const meldingen = previous?.meldingen ? unknownLike(previous.meldingen) : { totaal: 'onbekend' }
  const stillOpen = getPath(previous?.meldingen, ['status', 'Lopend'])
  writeYaml(root, `${dir}/meldingen.yaml`, 'meldingen', meldingen,
    typeof stillOpen === 'number' ? `# Aan het einde van ${previous!.year} liepen nog ${stillOpen} meldingen.\n` : '')
  const vp = previous?.vertrouwenspersonen
  if (vp) {
    const next = unknownLike(vp) as Record<string, Record<string, unknown>>
    // What was still open carries over as "lopend uit eerdere jaren", to be confirmed.
    const carried = `# Lopend uit eerdere jaren: in ${previous!.year} waren er ${String(getPath(vp, ['casussen', 'totaal']))} casussen en ${String(getPath(vp, ['meldingen', 'totaal']))} meldingen; vul in hoeveel daarvan nog liepen.\n`
    writeYaml(root, `${dir}/vertrouwenspersonen.yaml`, 'vertrouwenspersonen', next, carried)
  }
  if (previous?.kengetallen) writeYaml(root, `${dir}/kengetallen.yaml`, 'kengetallen', { kengetallen: unknownLike(previous.kengetallen) })
  mkdirSync(join(root, dir, 'tekst'), { recursive: true })
  const texts = previous ? [...previous.texts.keys()] : ['inleiding']
  for (const name of texts) writeFileSync(join(root, dir, 'tekst', `${name}.md`), `Schrijf hier de tekst (${name}) voor ${year}.\n`)
}
