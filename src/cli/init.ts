import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { EXIT } from '../diagnostics/catalogue.js'
import { PACKAGE_ROOT, VERSION } from '../package.js'
import { SCHEMA_DIR } from '../package.js'
import type { CliOptions } from './args.js'
import { fail, type Console } from './report.js'
import { scaffoldYear, writeYaml } from './scaffold.js'

/** "waterland-oost" → "Gemeente Waterland-Oost": a first guess the coördinator corrects. */
const organisationName = (folder: string) =>
  `Gemeente ${folder.replace(/^gemeente[-_\s]+/i, '').replace(/[_\s]+/g, ' ').replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())}`

const packageName = (folder: string) =>
  `jaarverslag-${folder.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'organisatie'}`

const ORGANISATIE_COMMENT = `# De instellingen van de organisatie. Alle velden: gegevens.md in de uitleg van jaarverslag (\`jaarverslag --help\` zegt waar).
# De categorieën (typen schending, status, regeling, soort kwestie, relatie) komen uit de landelijke lijsten;
# \`jaarverslag lijsten\` toont ze. Een eigen lijst zet u onder vocabulaires, bijvoorbeeld:
#   vocabulaires:
#     type:
#       uitgangspunt: landelijk      # landelijk = de landelijke lijst plus deze waarden; eigen = alleen deze
#       waarden: [Fraude]
# Eigen activiteiten van de vertrouwenspersonen (de uren) zet u onder vocabulaires.uren; zie gegevens.md.
`

const readme = (name: string, year: number) => `# Jaarverslag integriteit van ${name}

Deze map bevat de gegevens en de tekst van het jaarverslag integriteit. Het verslag wordt gemaakt met jaarverslag
(versie ${VERSION}).

## De opdrachten

Geef ze in deze map:

\`\`\`
jaarverslag validate               controleer de gegevens: elke fout met bestand, regel en wat u kunt doen
jaarverslag build                  maak de verslagen (HTML, PDF en open data) in output/
jaarverslag nieuw-jaar ${year + 1}        begin een nieuw jaar, met de opbouw van het vorige
\`\`\`

\`jaarverslag --help\` toont alle opdrachten en zegt in welke map de uitleg staat (\`gegevens.md\` beschrijft elk veld).

## Wat waar staat

- \`data/organisatie.yaml\`: naam, eigen categorieën, huisstijlkleuren.
- \`data/<jaar>/\`: de cijfers van een jaar (\`meldingen.yaml\`, \`vertrouwenspersonen.yaml\`, \`kengetallen.yaml\`) en
  \`meta.yaml\` (concept of definitief). Een cijfer dat u niet weet, laat u op \`onbekend\` staan; schrijf geen 0.
- \`data/<jaar>/tekst/\`: voorwoord, inleiding en duiding in Markdown. Vervang de voorbeeldtekst; zolang die er
  staat, waarschuwt \`validate\`, en een definitief verslag wordt er niet mee gemaakt.
- \`jaarverslag lijsten\` toont de toegestane categorieën.

## Het hulpmiddel vastleggen in deze map (voor GitHub en andere computers)

jaarverslag staat niet in het npm-register: een kale \`npm install\` vindt het niet. Zet het pakket dat u installeerde
(\`jaarverslag-${VERSION}.tgz\`) in deze map en leg het vast:

\`\`\`
mkdir hulpmiddel
cp /pad/naar/jaarverslag-${VERSION}.tgz hulpmiddel/
npm install ./hulpmiddel/jaarverslag-${VERSION}.tgz
\`\`\`

Daarna staat in \`package.json\` waar het pakket staat, werkt hier \`npx jaarverslag …\` met precies die versie (ook
zonder een installatie op de computer zelf), en kan GitHub het verslag maken: bij elke push controleert GitHub de
gegevens; op de main-branch wordt het verslag ook gemaakt en gepubliceerd (\`.github/workflows/jaarverslag.yml\`; zet
GitHub Pages aan met als bron "GitHub Actions"). Zonder deze stap faalt de workflow bij \`npm install\`.
`

const WORKFLOW = `# Controleert de gegevens bij elke push; op de main-branch maakt en publiceert het ook het verslag.
name: jaarverslag
on:
  push:
  workflow_dispatch:
permissions:
  contents: read
  pages: write
  id-token: write
jobs:
  controleren:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with: { node-version: 20 }
      - run: npm install --no-audit --no-fund
      - name: Gegevens controleren
        run: npx jaarverslag validate
      - name: Verslagen maken
        if: github.ref == 'refs/heads/main'
        # GitHub's Ubuntu runners have Google Chrome installed; jaarverslag finds it by itself.
        run: npx jaarverslag build
      - uses: actions/upload-pages-artifact@v3
        if: github.ref == 'refs/heads/main'
        with: { path: output/ }
  publiceren:
    if: github.ref == 'refs/heads/main'
    needs: controleren
    runs-on: ubuntu-latest
    environment: { name: github-pages }
    steps:
      - uses: actions/deploy-pages@v4
`

/**
 * \`jaarverslag init [map]\`: a project that can live in its own repository:
 * data of one year, text placeholders, the schemas for the editor, a
 * package.json that pins the tool, a README, .gitignore and CI.
 */
export function runInit(options: CliOptions, io: Console): number {
  const root = resolve(options.root, options.positionals[0] ?? '.')
  if (existsSync(join(root, 'data'))) return fail(io, 'map-niet-leeg', { folder: root })
  const year = options.years[0] ?? new Date().getUTCFullYear() - 1
  const name = organisationName(basename(root))
  mkdirSync(root, { recursive: true })
  cpSync(SCHEMA_DIR, join(root, 'schemas'), { recursive: true })
  writeYaml(root, 'data/organisatie.yaml', 'organisatie', {
    organisatie: name, titel: 'Jaarverslag Integriteit', vergelijking: { venster: 5 }, privacy: { drempel: 0 },
    publicatie: { licentie: 'CC0 1.0' },
  }, ORGANISATIE_COMMENT)
  writeYaml(root, 'data/historie.yaml', 'historie', { bron: 'Eerdere jaarverslagen', jaren: {} },
    '# Totalen van jaren van vóór dit hulpmiddel, bijvoorbeeld:\n#   jaren:\n#     "2019": { meldingen: 10 }\n')
  scaffoldYear(root, year, undefined)
  const manifest = {
    name: packageName(basename(root)), private: true, description: `Jaarverslag integriteit van ${name}`,
    scripts: { validate: 'jaarverslag validate', build: 'jaarverslag build', 'nieuw-jaar': 'jaarverslag nieuw-jaar', dev: 'jaarverslag dev' },
    dependencies: { jaarverslag: VERSION },
  }
  const files: Record<string, string> = {
    'package.json': JSON.stringify(manifest, null, 2) + '\n',
    'README.md': readme(name, year),
    '.gitignore': 'node_modules/\noutput/\n',
    '.github/workflows/jaarverslag.yml': WORKFLOW,
  }
  for (const [path, text] of Object.entries(files)) {
    if (existsSync(join(root, path))) continue
    mkdirSync(resolve(root, path, '..'), { recursive: true })
    writeFileSync(join(root, path), text)
  }
  io.out(`Nieuwe organisatie '${name}' in ${root} met het jaar ${year}${options.years[0] ? '' : ' (een ander eerste jaar: init met --jaar)'}.
Volgende stappen:
  cd ${root}
  pas data/organisatie.yaml aan (de naam) en vul data/${year}/ in
  jaarverslag validate
  jaarverslag build
Uitleg bij elk veld: ${join(PACKAGE_ROOT, 'docs', 'gegevens.md')}`)
  return EXIT.ok
}
