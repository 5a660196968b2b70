import { parseArgs } from 'node:util'

export const HELP = `jaarverslag: het jaarverslag integriteit uit YAML-gegevens en Markdown-tekst

Gebruik:
  jaarverslag build [opties]        Maak de verslagen (HTML, PDF en open data) in output/
  jaarverslag validate [opties]     Controleer de gegevens zonder iets te maken
  jaarverslag init [map]            Begin een nieuwe organisatie in een lege map
  jaarverslag nieuw-jaar <jaar>     Maak een nieuw jaar aan, met de opbouw van het vorige jaar
  jaarverslag dev [opties]          Bouw de HTML opnieuw bij elke wijziging en toon die op http://127.0.0.1:4321
  jaarverslag samenvoegen <map>...  Voeg de uitvoer van delen (build --deel) samen tot één uitvoer met één index

Opties:
  --jaar <jaar>          Alleen dit jaar (mag vaker)
  --alleen html|pdf      Alleen de HTML of alleen de PDF maken
  --strict               Waarschuwingen tellen als fouten
  --alles                Alles opnieuw maken, ook wat niet veranderd is
  --herzien <reden>      Een vastgesteld verslag toch opnieuw maken, als herziene versie met deze reden
  --map <pad>            De projectmap (standaard: de huidige map)
  --uitvoer <pad>        De uitvoermap (standaard: output/ in de projectmap)
  --poort <nummer>       Poort van de voorbeeldserver bij dev (standaard 4321)
  --pdf                  Bij dev: maak ook de PDF opnieuw bij elke wijziging
  --deel <i>/<n>         Bouw alleen deel i van n van de organisaties (voor meerdere CI-machines)
  --stil                 Alleen fouten tonen
  --json                 Meldingen als JSON (voor andere programma's)
  --debug                Toon technische details bij een onverwachte fout
  --profiel              Toon hoe lang elke stap duurde (ook met JAARVERSLAG_PROFIEL=1)
  -h, --help             Deze hulp
  --versie               Het versienummer

Afsluitcodes: 0 gelukt, 1 fouten in gegevens of sjablonen, 2 verkeerd gebruik, 3 omgeving (bijvoorbeeld geen browser).`

export const COMMANDS = ['build', 'validate', 'init', 'nieuw-jaar', 'dev', 'samenvoegen', 'help'] as const
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

export class UsageError extends Error {}

export function parseCli(argv: readonly string[], cwd: string): CliOptions {
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        jaar: { type: 'string', multiple: true }, alleen: { type: 'string' }, strict: { type: 'boolean' },
        alles: { type: 'boolean' }, herzien: { type: 'string' }, map: { type: 'string' }, uitvoer: { type: 'string' }, poort: { type: 'string' },
        pdf: { type: 'boolean' }, deel: { type: 'string' },
        stil: { type: 'boolean' }, json: { type: 'boolean' }, debug: { type: 'boolean' }, profiel: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' }, versie: { type: 'boolean' },
      },
    })
  } catch (error) {
    const m = /'(-[^']+)'/.exec((error as Error).message)
    throw new UsageError(m ? `Onbekende of onvolledige optie ${m[1]}. Zie jaarverslag --help.` : 'Onbekende optie. Zie jaarverslag --help.')
  }
  const { values, positionals } = parsed
  const [first = 'help', ...rest] = positionals
  if (!(COMMANDS as readonly string[]).includes(first)) throw new UsageError(`Onbekende opdracht '${first}'. Kies uit: ${COMMANDS.join(', ')}.`)
  const years = (values.jaar ?? []).map((y) => {
    if (!/^(19|20)\d\d$/.test(y)) throw new UsageError(`--jaar verwacht een jaartal zoals 2024, niet '${y}'.`)
    return Number(y)
  })
  if (values.alleen !== undefined && values.alleen !== 'html' && values.alleen !== 'pdf') throw new UsageError(`--alleen verwacht html of pdf, niet '${values.alleen}'.`)
  if (values.herzien !== undefined && values.herzien.trim() === '') throw new UsageError('--herzien verwacht een reden, bijvoorbeeld --herzien "correctie aantal meldingen".')
  const port = values.poort === undefined ? 4321 : Number(values.poort)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--poort verwacht een getal van 1 tot 65535, niet '${values.poort}'.`)
  const share = /^([1-9]\d*)\/([1-9]\d*)$/.exec(values.deel ?? '')
  if (values.deel !== undefined && (!share || Number(share[1]) > Number(share[2]))) throw new UsageError(`--deel verwacht een deel en het aantal delen, zoals 2/3, niet '${values.deel}'.`)
  return {
    command: first as Command,
    positionals: rest,
    years,
    only: values.alleen as CliOptions['only'],
    strict: values.strict ?? false,
    all: values.alles ?? false,
    revise: values.herzien,
    root: values.map ?? cwd,
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
