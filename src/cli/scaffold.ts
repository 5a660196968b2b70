import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { isMap, isScalar, parseDocument, stringify, visit } from 'yaml'
import { check } from '../compile.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { getPath } from '../domain/values.js'
import { plural } from '../format/nl.js'
import { isYearText } from '../domain/years.js'
import type { HourGroup } from '../domain/vocabularies.js'
import { placeholderText, TEXT_SECTIONS } from '../validate/placeholders.js'
import type { CliOptions } from './args.js'
import { fail, report, type Console } from './report.js'
import { annotateDocument, yearFileSkeleton } from './skeleton.js'

const schemaLine = (fileDir: string, root: string, kind: string) =>
  `# yaml-language-server: $schema=${relative(fileDir, join(root, 'schemas', `${kind}.schema.json`)).split('\\').join('/')}\n`

/** A data file with the line that tells the editor its schema, then the comment and the YAML. */
export function writeYaml(root: string, path: string, kind: string, data: unknown, comment = ''): void {
  const full = join(root, path)
  mkdirSync(resolve(full, '..'), { recursive: true })
  const body = typeof data === 'string' ? data : stringify(data, { lineWidth: 0 })
  writeFileSync(full, schemaLine(resolve(full, '..'), root, kind) + comment + body)
}

/** The README's part on adoption and revision: init writes it, nieuw-jaar adds it to a README from before. */
export const ADOPTION_README = `## Vaststellen en herzien

Als de raad het verslag heeft vastgesteld, zet u in \`data/<jaar>/meta.yaml\` \`status: definitief\` en de datum bij
\`vastgesteld\` (JJJJ-MM-DD), en maakt u het verslag op uw eigen computer met \`jaarverslag build\`. Die build legt het
vast in de map \`vastgesteld/\`: \`vastgesteld/<jaar>.json\` met elk cijfer en elke tekst waaruit het verslag is gemaakt,
en \`vastgesteld/<jaar>/\` met de pagina, de PDF en de open data zoals de raad ze zag. Leg die map vast in git:

\`\`\`
git add vastgesteld
git commit -m "Jaarverslag <jaar> vastgesteld"
\`\`\`

Vanaf dan publiceert elke build (ook die van GitHub en op een andere computer) voor dat jaar precies dat vastgestelde
verslag. Verandert er daarna een cijfer of tekst van dat jaar, dan weigert \`jaarverslag validate\` en \`build\` dat, met
het cijfer, de vastgestelde en de nieuwe waarde. Is de wijziging nodig, maak dan een herziene versie:

\`\`\`
jaarverslag build --herzien "Correctie van het aantal meldingen"
git add vastgesteld data
git commit -m "Jaarverslag <jaar> herzien"
\`\`\`

De pagina en de PDF zeggen dan "Herziene versie van <datum>: <reden>" en linken naar de vastgestelde PDF, die blijft
staan. Een nieuwe versie van jaarverslag, een ander sjabloon of andere huisstijl verandert een vastgesteld verslag niet
en vraagt geen herziening. Een pull request die \`vastgesteld/\` verandert, raakt dus een vastgesteld verslag.
`

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
  const readme = join(root, 'README.md')
  if (existsSync(readme) && !readFileSync(readme, 'utf8').includes(ADOPTION_README.split('\n')[0]!)) appendFileSync(readme, `\n${ADOPTION_README}`)
  io.out(`data/${year}/ aangemaakt in ${root}${previous ? ` naar het voorbeeld van ${previous.year}` : ''}. Vervang elke 'onbekend' door het cijfer en elke voorbeeldtekst in data/${year}/tekst/ door uw eigen tekst.`)
  return EXIT.ok
}

type Prev = NonNullable<ReturnType<typeof check>['project']>['years'][number] | undefined

const SCHEMA_LINE = /^# yaml-language-server: \$schema=[^\n]*\n/
/** The remarks nieuw-jaar writes above a file: about the year before, so not carried into the next. */
const OWN_REMARK = /^ ?(Aan het einde van \d{4} liep|Lopend uit eerdere jaren: in \d{4})/

/**
 * The year before's file as the start of the new one: its order, its
 * comments and every text (bron, names) kept; every figure 'onbekend',
 * never mistaken for 0; notes (toelichting) belong to their year and go.
 */
function carriedOver(text: string, edit: (doc: ReturnType<typeof parseDocument>) => void = () => undefined) {
  const doc = parseDocument(text.replace(SCHEMA_LINE, ''))
  // The comments above the first key belong to it or to the document, depending on the blank lines.
  const first = isMap(doc.contents) ? (doc.contents.items[0]?.key as { commentBefore?: string | null } | undefined) : undefined
  for (const holder of [doc, first]) {
    if (holder?.commentBefore) holder.commentBefore = holder.commentBefore.split('\n').filter((l) => !OWN_REMARK.test(l)).join('\n') || null
  }
  visit(doc, {
    Pair: (_, pair) => (isScalar(pair.key) && pair.key.value === 'toelichting' ? visit.REMOVE : undefined),
    Scalar: (key, node) => { if (key === 'value' && typeof node.value === 'number') node.value = 'onbekend' },
  })
  edit(doc)
  return doc
}

/** The year before's meta.yaml for the new year: a concept again, its source named for the new year. */
function metaFrom(text: string, before: number, year: number): string {
  return carriedOver(text, (doc) => {
    doc.set('jaar', year)
    doc.set('status', 'concept')
    for (const key of ['vastgesteld', 'deelperiode', 'verslagperiode', 'reeksbreuken']) doc.delete(key)
    const bron = doc.get('bron')
    if (typeof bron === 'string') doc.set('bron', bron.replaceAll(String(before), String(year)))
  }).toString({ lineWidth: 0 })
}

/** "52 casussen en 7 meldingen", leaving out what the year before did not record. */
function stillOpenText(vp: unknown): string {
  const parts = ([['casussen', 'casus', 'casussen'], ['meldingen', 'melding', 'meldingen']] as const)
    .map(([key, one, many]) => [getPath(vp, [key, 'totaal']), one, many] as const)
    .filter(([n]) => typeof n === 'number')
    .map(([n, one, many]) => plural(n as number, one, many))
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
  const before = (kind: string) => {
    const path = previous && join(root, 'data', String(previous.year), `${kind}.yaml`)
    return path && existsSync(path) ? readFileSync(path, 'utf8') : undefined
  }
  const meta = before('meta')
  if (meta) writeYaml(root, `${dir}/meta.yaml`, 'meta', metaFrom(meta, previous!.year, year))
  else {
    writeYaml(root, `${dir}/meta.yaml`, 'meta', { jaar: year, status: 'concept', bron: `Registratie meldpunt integriteit ${year}` },
      '# status: concept tot de raad het verslag heeft vastgesteld; dan definitief, met de datum onder vastgesteld (JJJJ-MM-DD).\n# De build daarna legt het verslag vast in vastgesteld/ (zie README: Vaststellen en herzien).\n')
  }
  const stillOpen = getPath(previous?.meldingen, ['status', 'Lopend'])
  const meldingen = before('meldingen')
  writeYaml(root, `${dir}/meldingen.yaml`, 'meldingen', meldingen ? annotateDocument(carriedOver(meldingen), 'meldingen').toString({ lineWidth: 0 }) : yearFileSkeleton('meldingen'),
    typeof stillOpen === 'number' ? `# Aan het einde van ${previous!.year} ${stillOpen === 1 ? 'liep' : 'liepen'} nog ${plural(stillOpen, 'melding', 'meldingen')}.\n` : '')
  const vp = before('vertrouwenspersonen')
  if (vp || !previous) {
    // What was still open carries over as "lopend uit eerdere jaren", to be confirmed.
    const open = stillOpenText(previous?.vertrouwenspersonen)
    writeYaml(root, `${dir}/vertrouwenspersonen.yaml`, 'vertrouwenspersonen', vp ? annotateDocument(carriedOver(vp), 'vertrouwenspersonen', hours).toString({ lineWidth: 0 }) : yearFileSkeleton('vertrouwenspersonen'),
      open ? `# Lopend uit eerdere jaren: in ${previous!.year} waren er ${open}; vul in hoeveel daarvan nog liepen.\n` : '')
  }
  const kengetallen = before('kengetallen')
  if (kengetallen) writeYaml(root, `${dir}/kengetallen.yaml`, 'kengetallen', carriedOver(kengetallen).toString({ lineWidth: 0 }))
  else if (!previous) writeYaml(root, `${dir}/kengetallen.yaml`, 'kengetallen', KENGETALLEN_EXAMPLE)
  mkdirSync(join(root, dir, 'tekst'), { recursive: true })
  const texts = previous && previous.texts.size > 0 ? [...previous.texts.keys()] : Object.keys(TEXT_SECTIONS)
  for (const name of texts) writeFileSync(join(root, dir, 'tekst', `${name}.md`), placeholderText(name, year))
}
