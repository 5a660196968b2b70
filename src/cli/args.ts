import { parseArgs } from 'node:util'

export const HELP = `jaarverslag: het jaarverslag integriteit uit YAML-gegevens en Markdown-tekst

Gebruik:
  jaarverslag build [opties]        Maak de verslagen (HTML, PDF en open data) in output/
  jaarverslag validate [opties]     Controleer de gegevens zonder iets te maken
  jaarverslag init [map]            Begin een nieuwe organisatie in een lege map
  jaarverslag nieuw-jaar <jaar>     Maak een nieuw jaar aan, met de opbouw van het vorige jaar
  jaarverslag dev [opties]          Bouw de HTML opnieuw bij elke wijziging en toon die op http://127.0.0.1:4321

Opties:
  --jaar <jaar>          Alleen dit jaar (mag vaker)
  --alleen html|pdf      Alleen de HTML of alleen de PDF maken
  --strict               Waarschuwingen tellen als fouten
  --alles                Alles opnieuw maken, ook wat niet veranderd is
  --map <pad>            De projectmap (standaard: de huidige map)
  --uitvoer <pad>        De uitvoermap (standaard: output/ in de projectmap)
  --poort <nummer>       Poort van de voorbeeldserver bij dev (standaard 4321)
  --stil                 Alleen fouten tonen
  --json                 Meldingen als JSON (voor andere programma's)
  --debug                Toon technische details bij een onverwachte fout
  --profiel              Toon hoe lang elke stap duurde (ook met JAARVERSLAG_PROFIEL=1)
  -h, --help             Deze hulp
  --versie               Het versienummer

Afsluitcodes: 0 gelukt, 1 fouten in gegevens of sjablonen, 2 verkeerd gebruik, 3 omgeving (bijvoorbeeld geen browser).`

export const COMMANDS = ['build', 'validate', 'init', 'nieuw-jaar', 'dev', 'help'] as const
export type Command = (typeof COMMANDS)[number]

export interface CliOptions {
  command: Command
  positionals: string[]
  years: number[]
  only: 'html' | 'pdf' | undefined
  strict: boolean
  all: boolean
  root: string
  out: string | undefined
  port: number
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
        alles: { type: 'boolean' }, map: { type: 'string' }, uitvoer: { type: 'string' }, poort: { type: 'string' },
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
  const port = values.poort === undefined ? 4321 : Number(values.poort)
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(`--poort verwacht een getal van 1 tot 65535, niet '${values.poort}'.`)
  return {
    command: first as Command,
    positionals: rest,
    years,
    only: values.alleen as CliOptions['only'],
    strict: values.strict ?? false,
    all: values.alles ?? false,
    root: values.map ?? cwd,
    out: values.uitvoer,
    port,
    quiet: values.stil ?? false,
    json: values.json ?? false,
    debug: values.debug ?? false,
    profile: values.profiel ?? process.env.JAARVERSLAG_PROFIEL === '1',
    help: values.help ?? false,
    version: values.versie ?? false,
  }
}
