// Writes the generated documentation (`npm run docs`): docs/foutmeldingen.md from the error catalogue,
// docs/lijsten.md from the national lists, the chart datasets in docs/sjablonen.md, and the lists as
// `examples` in the schemas (for the editor). The suite fails when any of them is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { buildReportModel } from '../src/aggregate/model.js'
import { nationalLists } from '../src/cli/lijsten.js'
import { datasetsOf } from '../src/chart/datasets.js'
import { check } from '../src/compile.js'
import { catalogue, exitOf, type RuleId } from '../src/diagnostics/catalogue.js'
import { BREAKDOWNS } from '../src/domain/breakdowns.js'
import { NATIONAL } from '../src/domain/vocabularies.js'
import { SCHEMA_FOR } from '../src/validate/schemas.js'
import type { Dataset } from '../src/domain/dataset.js'
import { SCHEMA_DIR } from '../src/package.js'

const doc = (name: string) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url))
export const ERRORS_DOC = doc('foutmeldingen.md')
export const LISTS_DOC = doc('lijsten.md')
export const TEMPLATES_DOC = doc('sjablonen.md')
const REPO = fileURLToPath(new URL('..', import.meta.url))

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function errorsDoc(): string {
  const rows = Object.entries(catalogue).map(([id, e]) => `| \`${id}\` | ${e.severity} | ${e.stage} | ${exitOf(id as RuleId)} | ${cell(e.title)} | ${cell(e.hint)} |`)
  return `# Foutmeldingen

Elke melding van jaarverslag heeft een vaste code (tussen [ ] achter de melding). Deze tabel is gemaakt uit
\`src/diagnostics/catalogue.ts\` (de regels) en \`src/diagnostics/meldingen.json\` (hun woorden) met \`npm run docs\`;
pas de tekst in meldingen.json aan, niet hier.

Een **fout** houdt de build tegen; een **waarschuwing** niet, behalve met \`--strict\`. De fase bepaalt de
afsluitcode van een fout: *gebruik* geeft 2 (verkeerd gebruik), *afdrukken* en *omgeving* 3, *intern* 70, de andere 1.

| code | soort | fase | afsluitcode | wat er is | wat u kunt doen |
|---|---|---|---|---|---|
${rows.join('\n')}
`
}

export function listsDoc(): string {
  const sections = nationalLists().map((l) => `## ${l.kind}

${l.usedIn.length ? `Gebruikt in ${l.usedIn.map((u) => u.replace(/^(\S+)/, '`$1`')).join(' en ')}.` : 'Nog niet gebruikt in een verdeling.'}

${l.values.map((v) => `- ${v}`).join('\n')}
`)
  return `# De landelijke lijsten

De categorieën in de verdelingen komen uit deze lijsten. Een organisatie breidt een lijst uit of vervangt hem onder
\`vocabulaires\` in \`data/organisatie.yaml\` (\`uitgangspunt: landelijk\` voegt waarden toe, \`uitgangspunt: eigen\`
vervangt de lijst). \`jaarverslag lijsten\` toont dezelfde lijsten; de schema's geven ze als voorbeeld aan de editor.

Deze pagina is gemaakt uit \`src/domain/vocabularies.ts\` met \`npm run docs\`; pas de lijsten daar aan, niet hier.

${sections.join('\n')}`
}

/** The datasets of the example project: their fields are the same for every project. */
function exampleDatasets(): Dataset[] {
  const { project } = check(REPO)
  if (!project) throw new Error('the example data has errors')
  return [...datasetsOf(buildReportModel(project, project.years.at(-1)!.year)).values()]
}

/** Every field of a dataset: the table columns and the extra fields charts may use. */
export function fieldsOf(d: Dataset): { field: string; label: string }[] {
  const fields = [...new Set(d.rows.flatMap((r) => Object.keys(r)))]
  return fields.map((field) => ({ field, label: d.columns.find((c) => c.field === field)?.label ?? '' }))
}

/** A small spec that draws the dataset: bars of its number by its first field, coloured by year when it has one. */
export function exampleSpec(d: Dataset): Record<string, unknown> {
  const fields = fieldsOf(d).map((f) => f.field)
  const value = d.columns.at(-1)!.field
  const category = fields[0]!
  const byYear = category !== 'jaar' && fields.includes('jaar')
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: d.name.replace(/_/g, ' '),
    data: { name: d.name },
    mark: 'bar',
    encoding: {
      y: { field: category, type: 'nominal', title: null },
      x: { field: value, type: 'quantitative' },
      ...(byYear ? { color: { field: 'jaar', type: 'ordinal' }, yOffset: { field: 'jaar' } } : {}),
    },
  }
}

const BEGIN = '<!-- reeksen: gemaakt met npm run docs -->'
const END = '<!-- einde reeksen -->'

export function datasetsSection(): string {
  const blocks = exampleDatasets().map((d) => `### \`${d.name}\`

| veld | kop in de tabel |
|---|---|
${fieldsOf(d).map((f) => `| \`${f.field}\` | ${f.label || '(niet in de tabel)'} |`).join('\n')}

\`\`\`json
${JSON.stringify(exampleSpec(d), null, 2)}
\`\`\`
`)
  return `${BEGIN}\n${blocks.join('\n')}${END}`
}

export function templatesDoc(current = readFileSync(TEMPLATES_DOC, 'utf8')): string {
  const start = current.indexOf(BEGIN)
  const end = current.indexOf(END)
  if (start < 0 || end < 0) throw new Error(`docs/sjablonen.md mist ${BEGIN} … ${END}`)
  return current.slice(0, start) + datasetsSection() + current.slice(end + END.length)
}

/**
 * A schema file with the national categories as `examples` of each breakdown, so the editor offers them.
 * Only the breakdown's own line changes (each is written on one line), so the file keeps its layout.
 */
export function schemaWithExamples(kind: 'meldingen' | 'vertrouwenspersonen'): string {
  let text = readFileSync(SCHEMA_DIR + SCHEMA_FOR[kind], 'utf8')
  for (const b of Object.values(BREAKDOWNS)) {
    if (b.file !== kind || b.path.length !== 1) continue
    const line = new RegExp(`^(    "${b.path[0]}": \\{.*?)(, "examples": \\[.*\\])? \\}(,?)$`, 'm')
    if (!line.test(text)) throw new Error(`${SCHEMA_FOR[kind]}: "${b.path[0]}" staat niet op één regel`)
    const examples = `[{${NATIONAL[b.vocabulary].map((c) => `${JSON.stringify(c)}: 0`).join(', ')}}]`
    text = text.replace(line, (_m, head: string, _old: string, comma: string) => `${head}, "examples": ${examples} }${comma}`)
  }
  return text
}

export const SCHEMAS_WITH_EXAMPLES = ['meldingen', 'vertrouwenspersonen'] as const

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(ERRORS_DOC, errorsDoc())
  writeFileSync(LISTS_DOC, listsDoc())
  writeFileSync(TEMPLATES_DOC, templatesDoc())
  for (const kind of SCHEMAS_WITH_EXAMPLES) writeFileSync(SCHEMA_DIR + SCHEMA_FOR[kind], schemaWithExamples(kind))
}
