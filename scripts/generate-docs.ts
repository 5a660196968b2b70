// Writes docs/foutmeldingen.md from the error catalogue (`npm run docs`); the suite fails when it is stale.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { catalogue } from '../src/diagnostics/catalogue.js'

export const ERRORS_DOC = fileURLToPath(new URL('../docs/foutmeldingen.md', import.meta.url))

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ')

export function errorsDoc(): string {
  const rows = Object.entries(catalogue).map(([id, e]) => `| \`${id}\` | ${e.severity} | ${e.stage} | ${cell(e.title)} | ${cell(e.hint)} |`)
  return `# Foutmeldingen

Elke melding van jaarverslag heeft een vaste code (tussen [ ] achter de melding). Deze tabel is gemaakt uit
\`src/diagnostics/catalogue.ts\` met \`npm run docs\`; pas de tekst daar aan, niet hier.

Een **fout** houdt de build tegen; een **waarschuwing** niet, behalve met \`--strict\`. De fase bepaalt de
afsluitcode: *afdrukken* geeft 3 (omgeving), *gebruik* 2, de andere 1.

| code | soort | fase | wat er is | wat u kunt doen |
|---|---|---|---|---|
${rows.join('\n')}
`
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) writeFileSync(ERRORS_DOC, errorsDoc())
