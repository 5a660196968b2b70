import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { EXIT, type ArgsOf, type RuleId } from '../diagnostics/catalogue.js'
import { listValues, suggest } from '../diagnostics/suggest.js'
import { isYearText } from '../domain/years.js'
import { PACKAGE_ROOT } from '../package.js'

/** Each option's line in the help, in the order the general help lists them. */
const OPTION_HELP = {
  jaar: '--jaar <jaar>          Alleen dit jaar (mag vaker); bij init: het eerste jaar',
  alleen: '--alleen html|pdf      Alleen de HTML of alleen de PDF maken',
  strict: '--strict               Waarschuwingen tellen als fouten',
  alles: '--alles                Alles opnieuw maken, ook wat niet veranderd is',
  herzien: '--herzien <reden>      Een vastgesteld verslag met veranderde cijfers of tekst opnieuw maken, als herziene versie met deze reden',
  ci: '--ci                   Voor de workflow: leg niets vast in vastgesteld/; een vastgesteld verslag zonder vastlegging is een fout',
  map: '--map <pad>            De projectmap (standaard: de huidige map)',
  uitvoer: '--uitvoer <pad>        De uitvoermap (standaard: output/ in de projectmap)',
  poort: '--poort <nummer>       Poort van de voorbeeldserver bij dev (standaard 4321)',
  pdf: '--pdf                  Bij dev: maak ook de PDF opnieuw bij elke wijziging',
  deel: '--deel <i>/<n>         Bouw alleen deel i van n van de organisaties (voor meerdere CI-machines)',
  stil: '--stil                 Alleen fouten tonen',
  json: '--json                 Meldingen als JSON (voor andere programma\'s)',
  debug: '--debug                Toon technische details bij een onverwachte fout of een mislukte PDF',
  profiel: '--profiel              Toon hoe lang elke stap duurde (ook met JAARVERSLAG_PROFIEL=1)',
  help: '-h, --help             Deze hulp',
  versie: '--versie               Het versienummer',
} as const
type OptionName = keyof typeof OPTION_HELP

/** What each command does, for the general help (one line) and its own --help (with its options). */
const COMMAND_HELP: Record<Exclude<Command, 'help'>, { usage: string; line: string; text: string; options: OptionName[] }> = {
  validate: {
    usage: 'jaarverslag validate [opties]', line: 'Controleer de gegevens zonder iets te maken',
    text: 'Controleert de gegevens van elk jaar: elke fout en waarschuwing met bestand, regel en wat u kunt doen. Maakt niets.',
    options: ['jaar', 'strict', 'ci', 'map', 'stil', 'json'],
  },
  build: {
    usage: 'jaarverslag build [opties]', line: 'Maak de verslagen (HTML, PDF en open data) in output/',
    text: 'Controleert de gegevens en maakt de verslagen (HTML, PDF en open data) in output/; alleen wat veranderd is.\nBij fouten blijft de vorige uitvoer staan.',
    options: ['jaar', 'alleen', 'strict', 'alles', 'herzien', 'ci', 'map', 'uitvoer', 'deel', 'stil', 'json', 'debug', 'profiel'],
  },
  'nieuw-jaar': {
    usage: 'jaarverslag nieuw-jaar <jaar>', line: 'Maak een nieuw jaar aan, met de opbouw van het vorige jaar',
    text: 'Maakt data/<jaar>/ aan met de opbouw van het vorige jaar, met de uitleg bij elk veld; elk cijfer staat op onbekend\ntot u het invult, en de teksten beginnen als voorbeeldtekst.',
    options: ['map'],
  },
  init: {
    usage: 'jaarverslag init [map]', line: 'Begin een nieuwe organisatie in een lege map (met --jaar: het eerste jaar)',
    text: 'Begint een nieuwe organisatie in een lege map: de gegevens van één jaar (elk cijfer onbekend), elke tekst van het\nverslag, package.json, README, .gitignore en een GitHub-workflow. Zonder --jaar is het eerste jaar het vorige kalenderjaar.',
    options: ['jaar'],
  },
  lijsten: {
    usage: 'jaarverslag lijsten', line: 'Toon de landelijke lijsten met categorieën (typen, status, …)',
    text: 'Toont de landelijke lijsten met categorieën: typen schending, status, regeling, soort kwestie, relatie en de uren.',
    options: [],
  },
  dev: {
    usage: 'jaarverslag dev [opties]', line: 'Bouw de HTML opnieuw bij elke wijziging en toon die op http://127.0.0.1:4321',
    text: 'Maakt de HTML en toont die op http://127.0.0.1:4321 (alleen op deze computer). Bij elke opgeslagen wijziging in\ndata/ of templates/ wordt het verslag opnieuw gemaakt; fouten staan dan op de pagina en in de terminal.',
    options: ['poort', 'pdf', 'map'],
  },
  samenvoegen: {
    usage: 'jaarverslag samenvoegen <map>...', line: 'Voeg de uitvoer van delen (build --deel) samen tot één uitvoer met één index',
    text: 'Voegt de uitvoer van delen (elk gemaakt met build --deel i/n) samen tot één uitvoer met één index.',
    options: ['uitvoer'],
  },
}

const options = (names: readonly OptionName[]) => names.map((n) => `  ${OPTION_HELP[n]}`).join('\n')

export const HELP = `jaarverslag: het jaarverslag integriteit uit YAML-gegevens en Markdown-tekst

Gebruik (in de map van uw organisatie, waar data/ staat):
${Object.values(COMMAND_HELP).map((c) => `  ${c.usage.padEnd(33)} ${c.line}`).join('\n')}

Opties:
${options(Object.keys(OPTION_HELP) as OptionName[])}

Hulp bij één opdracht: jaarverslag <opdracht> --help

Uitleg, in de map ${join(PACKAGE_ROOT, 'docs')}:
  gegevens.md            Alle velden van de gegevensbestanden, met wat erin mag
  sjablonen.md           Cijfers, zinnen, tabellen en grafieken in de tekst ({{ … }}, ::grafiek, …)
  foutmeldingen.md       Elke melding, met wat u eraan kunt doen
  vaststellen.md         Een vastgesteld verslag vastleggen in vastgesteld/, en herzien
  lijsten.md             De landelijke lijsten met categorieën

Afsluitcodes: ${EXIT.ok} gelukt, ${EXIT.data} fouten in gegevens of sjablonen, ${EXIT.usage} verkeerd gebruik, ${EXIT.environment} omgeving (bijvoorbeeld geen browser), ${EXIT.unexpected} een onverwachte fout (meld die).`

/** The help of one command: what it does, and only its own options. */
export const commandHelp = (command: Exclude<Command, 'help'>): string => {
  const c = COMMAND_HELP[command]
  return `Gebruik: ${c.usage}

${c.text}

Opties:
${options([...c.options, 'help'])}

Alle opdrachten: jaarverslag --help`
}

/** Dutch words for a command that are too far from its name to be a typo. */
const MEANT: Record<string, Command> = {
  bouw: 'build', bouwen: 'build', maak: 'build', maken: 'build', make: 'build',
  controleer: 'validate', controleren: 'validate', controle: 'validate', check: 'validate', valideer: 'validate', valideren: 'validate',
  nieuw: 'nieuw-jaar', nieuwjaar: 'nieuw-jaar', jaar: 'nieuw-jaar', begin: 'init', start: 'init', lijst: 'lijsten',
  samenvoeg: 'samenvoegen', voorbeeld: 'dev', hulp: 'help',
}

export const COMMANDS = ['build', 'validate', 'init', 'nieuw-jaar', 'lijsten', 'dev', 'samenvoegen', 'help'] as const
export type Command = (typeof COMMANDS)[number]

export interface CliOptions {
  command: Command
  positionals: string[]
  years: number[]
  only: 'html' | 'pdf' | undefined
  strict: boolean
  all: boolean
  /** The reason for a revision of adopted reports. */
  revise: string | undefined
  /** --ci: record nothing; an adopted report must have its record already. */
  ci: boolean
  /** The folder the command was started in; paths in messages are shown relative to it. */
  cwd: string
  /** The project folder: --map, resolved against cwd, or cwd itself. */
  root: string
  out: string | undefined
  port: number
  /** dev --pdf */
  pdf: boolean
  /** build --deel i/n: this share of the organisations. */
  share: { index: number; count: number } | undefined
  quiet: boolean
  json: boolean
  debug: boolean
  profile: boolean
  help: boolean
  version: boolean
}

/** Misuse of the command line: a catalogued rule with its arguments. */
export class UsageError<R extends RuleId = RuleId> extends Error {
  constructor(readonly rule: R, readonly args: ArgsOf<R>) { super(rule) }
}

const OPTIONS = {
  jaar: { type: 'string', multiple: true }, alleen: { type: 'string' }, strict: { type: 'boolean' },
  alles: { type: 'boolean' }, herzien: { type: 'string' }, ci: { type: 'boolean' }, map: { type: 'string' }, uitvoer: { type: 'string' }, poort: { type: 'string' },
  pdf: { type: 'boolean' }, deel: { type: 'string' },
  stil: { type: 'boolean' }, json: { type: 'boolean' }, debug: { type: 'boolean' }, profiel: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' }, versie: { type: 'boolean' },
} as const

/** Unknown options, and string options without a value, found from parseArgs' tokens (not its English messages). */
function checkOptions(argv: readonly string[]): void {
  const { tokens } = parseArgs({ args: [...argv], allowPositionals: true, strict: false, tokens: true, options: OPTIONS })
  const names = Object.keys(OPTIONS)
  for (const token of tokens) {
    if (token.kind !== 'option') continue
    const known = (OPTIONS as Record<string, { type: string }>)[token.name]
    const missingValue = known?.type === 'string' && token.value === undefined
    const valueOnFlag = known?.type === 'boolean' && token.value !== undefined
    if (known && !missingValue && !valueOnFlag) continue
    const near = known ? '' : suggest(token.name, names)
    throw new UsageError('gebruik-optie-onbekend', { option: token.rawName, suggestion: near ? `--${near}` : '' })
  }
}

export function parseCli(argv: readonly string[], cwd: string): CliOptions {
  checkOptions(argv)
  const { values, positionals } = parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS })
  const [first = 'help', ...rest] = positionals
  if (!(COMMANDS as readonly string[]).includes(first)) {
    throw new UsageError('gebruik-opdracht-onbekend', { name: first, suggestion: MEANT[first.toLowerCase()] ?? suggest(first, COMMANDS), allowed: listValues(COMMANDS.filter((c) => c !== 'help')) })
  }
  const years = (values.jaar ?? []).map((y) => {
    if (!isYearText(y)) throw new UsageError('gebruik-jaar', { option: '--jaar', found: y })
    return Number(y)
  })
  if (values.alleen !== undefined && values.alleen !== 'html' && values.alleen !== 'pdf') throw new UsageError('gebruik-alleen', { found: values.alleen })
  if (values.herzien !== undefined && values.herzien.trim() === '') throw new UsageError('gebruik-herzien', {})
  if (values.herzien !== undefined && values.ci) throw new UsageError('gebruik-herzien-ci', {})
  const port = values.poort === undefined ? 4321 : Number(values.poort)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError('gebruik-poort', { found: String(values.poort) })
  const share = /^([1-9]\d*)\/([1-9]\d*)$/.exec(values.deel ?? '')
  if (values.deel !== undefined && (!share || Number(share[1]) > Number(share[2]))) throw new UsageError('gebruik-deel', { found: values.deel })
  return {
    command: first as Command,
    positionals: rest,
    years,
    only: values.alleen as CliOptions['only'],
    strict: values.strict ?? false,
    all: values.alles ?? false,
    revise: values.herzien,
    ci: values.ci ?? false,
    cwd,
    root: resolve(cwd, values.map ?? '.'),
    out: values.uitvoer,
    port,
    pdf: values.pdf ?? false,
    share: share ? { index: Number(share[1]), count: Number(share[2]) } : undefined,
    quiet: values.stil ?? false,
    json: values.json ?? false,
    debug: values.debug ?? false,
    profile: values.profiel ?? process.env.JAARVERSLAG_PROFIEL === '1',
    help: values.help ?? false,
    version: values.versie ?? false,
  }
}
