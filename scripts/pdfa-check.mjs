#!/usr/bin/env node
// npm run pdfa-check [pdf ...]: checks the PDFs (default: every PDF below
// output/) with veraPDF against PDF/A-2a and PDF/UA-1, when veraPDF is
// installed (on the PATH, or VERAPDF=/path/to/verapdf). The tool's own
// checks per requirement run in npm test (test/helpers/pdfa.ts); they are
// no validator, veraPDF is.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const say = (s) => process.stderr.write(`${s}\n`)

function pdfsBelow(dir) {
  if (!existsSync(dir)) return []
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? (name === 'bench' ? [] : pdfsBelow(path)) : name.endsWith('.pdf') ? [path] : []
  })
}

const files = process.argv.length > 2 ? process.argv.slice(2) : pdfsBelow(join(root, 'output'))
if (files.length === 0) {
  say('Er is geen PDF om te controleren: output/ bevat er geen. Maak eerst de verslagen met npm run voorbeeld, of noem de PDF\'s: npm run pdfa-check -- pad/naar/verslag.pdf')
  process.exit(1)
}

const verapdf = process.env.VERAPDF || 'verapdf'
const found = spawnSync(verapdf, ['--version'], { encoding: 'utf8' })
if (found.error || found.status !== 0) {
  say(`veraPDF is niet geïnstalleerd (gezocht: ${verapdf}), dus de ${files.length} PDF('s) zijn NIET tegen PDF/A-2a en PDF/UA-1 gecontroleerd.`)
  say('Installeer veraPDF (https://verapdf.org, vraagt Java) en zet het op het PATH, of geef het pad met VERAPDF=/pad/naar/verapdf.')
  say('De eigen controles per eis van ISO 19005-2 draaien wel in npm test (zie docs/ontwerp.md, "Het archiefexemplaar").')
  process.exit(2)
}

// One run per standard; the text report gives one line per file: PASS or FAIL, the file and the profile.
let failed = 0
for (const [flavour, standard] of [['2a', 'PDF/A-2a'], ['ua1', 'PDF/UA-1']]) {
  const r = spawnSync(verapdf, ['--flavour', flavour, '--format', 'text', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
  const lines = r.stdout.split('\n').filter((l) => /^(PASS|FAIL)\s/.test(l))
  for (const line of lines) say(`${standard}: ${line.replace(root, '')}`)
  const bad = lines.filter((l) => l.startsWith('FAIL')).length
  if (lines.length !== files.length) {
    say(`${standard}: veraPDF gaf geen uitslag voor elke PDF (${lines.length} van ${files.length}); zijn eigen uitvoer:\n${r.stdout}${r.stderr}`)
    failed++
  } else failed += bad
}
if (failed > 0) {
  say(`veraPDF vond ${failed} afwijking(en); draai veraPDF met --format html op de PDF voor de regels per eis.`)
  process.exit(1)
}
say(`veraPDF: alle ${files.length} PDF('s) voldoen aan PDF/A-2a en PDF/UA-1 (${files.map((f) => relative(root, f)).join(', ')}).`)
