import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { Document, isMap } from 'yaml'
import { EXIT } from '../diagnostics/catalogue.js'
import { PACKAGE_NAME, PACKAGE_ROOT, SCHEMA_DIR, VERSION } from '../package.js'
import type { CliOptions } from './args.js'
import { fail, type Console } from './report.js'
import { ADOPTION_README, scaffoldYear, writeYaml } from './scaffold.js'

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
# Publiceert u de open data, zet dan onder publicatie het webadres van de uitvoer en uw organisatie in TOOI, bijvoorbeeld:
#   basis_url: https://www.gemeente.nl/jaarverslag-integriteit/
#   organisatie_uri: https://identifier.overheid.nl/tooi/id/gemeente/gm0794
`

/** The organisation's settings, with the privacy threshold explained where it is set. */
function organisationYaml(name: string): string {
  const doc = new Document({
    organisatie: name, titel: 'Jaarverslag Integriteit', vergelijking: { venster: 5 }, privacy: { drempel: 5 },
    publicatie: { licentie: 'CC0 1.0' },
  })
  const privacy = isMap(doc.contents) ? doc.contents.items.find((p) => String(p.key) === 'privacy') : undefined
  if (privacy) {
    (privacy.key as { commentBefore?: string }).commentBefore = [
      ' Kleine aantallen kunnen naar een persoon wijzen, en het verslag is openbaar: een aantal in een verdeling dat',
      ' groter is dan 0 en kleiner dan de drempel geeft een waarschuwing. 5 is de gebruikelijke grens; 0 zet dit uit.',
    ].join('\n')
  }
  return doc.toString({ lineWidth: 0 })
}

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

${ADOPTION_README}
## Het hulpmiddel installeren (ook voor GitHub en andere computers)

\`package.json\` legt jaarverslag vast als \`${PACKAGE_NAME}\`, versie ${VERSION}. Eén keer in deze map:

\`\`\`
npm install
\`\`\`

Dat haalt precies die versie uit het npm-register en schrijft \`package-lock.json\`; zet beide bestanden in git
(\`node_modules/\` niet). Daarna werkt hier \`npx jaarverslag …\` met die versie, ook zonder installatie op de
computer zelf. Heeft uw organisatie een eigen register, zet dat dan eerst in deze map:
\`npm config set --location=project ${PACKAGE_NAME.split('/')[0]}:registry https://uw-register/\` (dat schrijft \`.npmrc\`;
zet dat bestand ook in git).

GitHub maakt het verslag met \`.github/workflows/jaarverslag.yml\`: bij elke push installeert het met \`npm ci\` de
versie uit \`package-lock.json\` (bewaard tussen twee runs) en controleert het de gegevens; op de main-branch maakt
en publiceert het ook het verslag (zet GitHub Pages aan met als bron "GitHub Actions"). Een nieuwe versie van
jaarverslag neemt u met \`npm install --save-dev --save-exact ${PACKAGE_NAME}@<versie>\`.
`

const WORKFLOW = `# Controleert de gegevens bij elke push; op de main-branch maakt en publiceert hij ook het verslag.
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
      # Node.js 20; de gedownloade pakketten blijven bewaard tot package-lock.json verandert.
      - uses: actions/setup-node@v4
        with: { node-version: 20, cache: npm }
      # Precies de versie van jaarverslag uit package-lock.json, uit het register dat .npmrc noemt (anders het openbare).
      - name: Hulpmiddel installeren
        run: npm ci --no-audit --no-fund
      - name: Gegevens controleren
        run: npx --no jaarverslag validate --ci
      - name: Verslagen maken
        if: github.ref == 'refs/heads/main'
        # Op de Ubuntu-machines van GitHub staat Google Chrome; jaarverslag vindt die zelf voor de PDF.
        # --ci: een vastgesteld verslag komt uit vastgesteld/ (door de coördinator vastgelegd); de workflow legt zelf niets vast.
        run: npx --no jaarverslag build --ci
      # De verslagen in output/ gaan naar GitHub Pages.
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
  writeYaml(root, 'data/organisatie.yaml', 'organisatie', organisationYaml(name), ORGANISATIE_COMMENT)
  writeYaml(root, 'data/historie.yaml', 'historie', { bron: 'Eerdere jaarverslagen', jaren: {} },
    '# Totalen van jaren van vóór dit hulpmiddel, bijvoorbeeld:\n#   jaren:\n#     "2019": { meldingen: 10 }\n')
  scaffoldYear(root, year, undefined)
  const manifest = {
    name: packageName(basename(root)), private: true, description: `Jaarverslag integriteit van ${name}`,
    scripts: { validate: 'jaarverslag validate', build: 'jaarverslag build', 'nieuw-jaar': 'jaarverslag nieuw-jaar', dev: 'jaarverslag dev' },
    // Pinned: every computer and the workflow build with the same version.
    devDependencies: { [PACKAGE_NAME]: VERSION },
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
