import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { stringify } from 'yaml'
import { check } from '../compile.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { getPath, isKnown } from '../domain/values.js'
import { isYearText } from '../domain/years.js'
import type { HourGroup } from '../domain/vocabularies.js'
import { placeholderText, TEXT_SECTIONS } from '../validate/placeholders.js'
import type { CliOptions } from './args.js'
import { fail, report, type Console } from './report.js'
import { annotatedYaml, yearFileSkeleton } from './skeleton.js'

const schemaLine = (fileDir: string, root: string, kind: string) =>
  `# yaml-language-server: $schema=${relative(fileDir, join(root, 'schemas', `${kind}.schema.json`)).split('\\').join('/')}\n`

/** A data file with the line that tells the editor its schema, then the comment and the YAML. */
export function writeYaml(root: string, path: string, kind: string, data: unknown, comment = ''): void {
  const full = join(root, path)
  mkdirSync(resolve(full, '..'), { recursive: true })
  const body = typeof data === 'string' ? data : stringify(data, { lineWidth: 0 })
  writeFileSync(full, schemaLine(resolve(full, '..'), root, kind) + comment + body)
}

/** `jaarverslag nieuw-jaar 2025`: the structure of the year before, figures 'onbekend' until filled in. */
export function runNewYear(options: CliOptions, io: Console): number {
  const root = resolve(options.root)
  const arg = options.positionals[0]
  if (!arg || !isYearText(arg)) return fail(io, 'gebruik-jaar', { option: 'nieuw-jaar', found: arg ?? '' })
  const year = Number(arg)
  if (existsSync(join(root, 'data', arg))) return fail(io, 'jaar-bestaat-al', { folder: `data/${arg}` })
  if (!existsSync(join(root, 'data', 'organisatie.yaml'))) return fail(io, 'project-niet-gevonden', { folder: root })
  const { project, all } = check(root)
  // A project whose only error is that it has no year yet is where the first year begins.
  const blocking = all.filter((f) => f.messages.some((m) => m.fatal && m.ruleId !== 'geen-jaren'))
  if (blocking.length > 0) {
    report(blocking, root, io, false)
    return fail(io, 'eerst-herstellen', {})
  }
  const previous = project?.years.filter((y) => y.year < year).at(-1)
  scaffoldYear(root, year, previous, project?.vocabularies.uren)
  io.out(`data/${year}/ aangemaakt in ${root}${previous ? ` naar het voorbeeld van ${previous.year}` : ''}. Vervang elke 'onbekend' door het cijfer en elke voorbeeldtekst in data/${year}/tekst/ door uw eigen tekst.`)
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

/** "52 casussen en 7 meldingen", leaving out what the year before did not record. */
function stillOpenText(vp: unknown): string {
  const parts = ([['casussen', 'casussen'], ['meldingen', 'meldingen']] as const)
    .map(([key, word]) => [getPath(vp, [key, 'totaal']), word] as const)
    .filter(([n]) => isKnown(n))
    .map(([n, word]) => `${String(n)} ${word}`)
  return parts.join(' en ')
}

// The example stands commented directly under the key: taking away the '# ' makes a valid list item.
const KENGETALLEN_EXAMPLE = `kengetallen:
  # Overige cijfers, elk met een vaste id en een eenheid (aantal, uren, procent of euro).
  # Haal voor een kengetal het '# ' weg aan het begin van de regels en vul het in, bijvoorbeeld:
  # - id: raad-gesprekken
  #   naam: Integriteitsgesprekken met raadsleden
  #   eenheid: aantal
  #   waarde: onbekend
`

/** A year folder: from the year before when there is one, else every file of the schemas with every figure 'onbekend'. */
export function scaffoldYear(root: string, year: number, previous: Prev, hours?: readonly HourGroup[]): void {
  const dir = `data/${year}`
  writeYaml(root, `${dir}/meta.yaml`, 'meta', { jaar: year, status: 'concept', bron: `Registratie meldpunt integriteit ${year}` },
    '# status: concept tot het verslag is vastgesteld; dan definitief, met de datum onder vastgesteld (JJJJ-MM-DD).\n')
  const stillOpen = getPath(previous?.meldingen, ['status', 'Lopend'])
  writeYaml(root, `${dir}/meldingen.yaml`, 'meldingen', previous?.meldingen ? annotatedYaml('meldingen', unknownLike(previous.meldingen)) : yearFileSkeleton('meldingen'),
    isKnown(stillOpen) ? `# Aan het einde van ${previous!.year} liepen nog ${stillOpen} meldingen.\n` : '')
  const vp = previous ? previous.vertrouwenspersonen : yearFileSkeleton('vertrouwenspersonen')
  if (typeof vp === 'string') writeYaml(root, `${dir}/vertrouwenspersonen.yaml`, 'vertrouwenspersonen', vp)
  else if (vp) {
    // What was still open carries over as "lopend uit eerdere jaren", to be confirmed.
    const open = stillOpenText(vp)
    writeYaml(root, `${dir}/vertrouwenspersonen.yaml`, 'vertrouwenspersonen', annotatedYaml('vertrouwenspersonen', unknownLike(vp), hours),
      open ? `# Lopend uit eerdere jaren: in ${previous!.year} waren er ${open}; vul in hoeveel daarvan nog liepen.\n` : '')
  }
  if (previous?.kengetallen) writeYaml(root, `${dir}/kengetallen.yaml`, 'kengetallen', { kengetallen: unknownLike(previous.kengetallen) })
  else if (!previous) writeYaml(root, `${dir}/kengetallen.yaml`, 'kengetallen', KENGETALLEN_EXAMPLE)
  mkdirSync(join(root, dir, 'tekst'), { recursive: true })
  const texts = previous && previous.texts.size > 0 ? [...previous.texts.keys()] : Object.keys(TEXT_SECTIONS)
  for (const name of texts) writeFileSync(join(root, dir, 'tekst', `${name}.md`), placeholderText(name, year))
}
