#!/usr/bin/env node
// npm run bench: build speed against the floor, measured side by side in one
// run, as whole processes. It reports; it asserts nothing about time (the
// machines are shared and noisy). Results: output/bench/resultaten.json.
import { spawn, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, freemem, totalmem, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const REPO = fileURLToPath(new URL('..', import.meta.url))
const BIN = join(REPO, 'bin', 'jaarverslag.js')
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const CHROMIUM = process.env.JAARVERSLAG_CHROMIUM ?? '/usr/bin/chromium'
const work = mkdtempSync(join(tmpdir(), 'jaarverslag-bench-'))
// The bench's own tool cache (validators, drawn charts), inherited by every build it starts: warmed once below.
const TOOL_CACHE = join(work, 'gereedschap')
process.env.JAARVERSLAG_CACHE = TOOL_CACHE
const log = (s) => process.stderr.write(`${s}\n`)

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}

/** Wall time of a whole process, in ms. */
function time(cmd, args, options = {}) {
  const start = performance.now()
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...options })
  const ms = performance.now() - start
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} → ${r.status}\n${r.stderr}`)
  return ms
}

/** BENCH_REGELS=1,2,3 measures only those lines (default: all). */
const wanted = (line) => !process.env.BENCH_REGELS || process.env.BENCH_REGELS.split(',').includes(line)

const runs = (n, fn) => Array.from({ length: n }, fn)

function project(name, { years } = {}) {
  const root = join(work, name)
  cpSync(join(REPO, 'data'), join(root, 'data'), { recursive: true })
  if (years) {
    // Ten (or more) report years: the 2024 figures under every year, history left out.
    rmSync(join(root, 'data', 'historie.yaml'))
    for (const y of ['2022', '2023', '2024']) rmSync(join(root, 'data', y), { recursive: true })
    for (const y of years) {
      cpSync(join(REPO, 'data', '2024'), join(root, 'data', String(y)), { recursive: true })
      const meta = join(root, 'data', String(y), 'meta.yaml')
      writeFileSync(meta, readFileSync(meta, 'utf8').replace('jaar: 2024', `jaar: ${y}`))
    }
  }
  // Every year a draft: an adopted report is not printed again but republished from its record
  // (vastgesteld/), which would measure a copy; and dev refuses an edit to an adopted year.
  for (const y of readdirSync(join(root, 'data')).filter((n) => /^\d{4}$/.test(n))) {
    const meta = join(root, 'data', y, 'meta.yaml')
    writeFileSync(meta, readFileSync(meta, 'utf8').replace(/^status: definitief$/m, 'status: concept'))
  }
  return root
}

/** The bundle's chunks an HTML-only build loads: what the entry and the build command import statically (the print stage loads only for PDFs). */
function htmlChunks() {
  const dir = join(REPO, 'dist', 'delen')
  const keep = new Set()
  const visit = (file) => {
    if (keep.has(file)) return
    keep.add(file)
    for (const m of readFileSync(file, 'utf8').matchAll(/from "\.\/(?:delen\/)?([^"]+)"/g)) visit(join(dir, m[1]))
  }
  visit(join(REPO, 'dist', 'jaarverslag.js'))
  for (const n of readdirSync(dir).filter((n) => n.startsWith('build-'))) visit(join(dir, n))
  keep.delete(join(REPO, 'dist', 'jaarverslag.js'))
  return [...keep]
}

const build = (root, ...args) => ['build', '--map', root, '--stil', '--alles', ...args]
const CHROMIUM_FLAGS = ['--headless=new', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--no-pdf-header-footer', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])]

const results = { machine: {}, runs: RUNS, metingen: {} }
const row = (name, ours, floor, extra = {}) => {
  results.metingen[name] = { mediaan_ms: Math.round(ours), vloer_ms: floor === undefined ? null : Math.round(floor), verhouding: floor ? +(ours / floor).toFixed(2) : null, ...extra }
}

// — machine and versions —
const version = (pkg) => JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')).version
results.machine = {
  cpu: cpus()[0]?.model, kernen: cpus().length, geheugen_gb: +(totalmem() / 2 ** 30).toFixed(1), vrij_gb: +(freemem() / 2 ** 30).toFixed(1),
  node: process.version, chromium: spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim(),
  vega: version('vega'), 'vega-lite': version('vega-lite'), puppeteer: version('puppeteer'),
}
log(`Machine: ${results.machine.cpu}, ${results.machine.kernen} kernen; ${results.machine.node}; ${results.machine.chromium}; ${RUNS} metingen per regel`)

// Warm the tool cache (compiled validators, drawn charts) once, as a user's second build would find it.
const base = project('basis')
time(process.execPath, [BIN, ...build(base)])

// 1. Full build of one year against Chromium printing the same finished HTML.
if (wanted('1')) {
  const out = join(work, 'uit-1')
  const ours = runs(RUNS, () => time(process.execPath, [BIN, ...build(base, '--jaar', '2024', '--uitvoer', out)]))
  const html = join(base, 'output', '2024', 'index.html')
  const floor = runs(RUNS, (_, i) => time(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${join(work, `profiel-${i}`)}`, `--print-to-pdf=${join(work, `vloer-${i}.pdf`)}`, `file://${html}`]))
  row('1. volledige build 2024 (HTML + PDF) / chromium --print-to-pdf', median(ours), median(floor))
  // The same with every chart drawn again (a first build, or one after the data of every chart changed).
  const drawn = runs(RUNS, () => {
    rmSync(join(TOOL_CACHE, 'grafieken'), { recursive: true, force: true })
    return time(process.execPath, [BIN, ...build(base, '--jaar', '2024', '--uitvoer', out)])
  })
  row('1b. idem, elke grafiek opnieuw getekend / chromium --print-to-pdf', median(drawn), median(floor))
}

// 2. HTML-only build against a bare Node process importing the pipeline.
if (wanted('2')) {
  const out = join(work, 'uit-2')
  const ours = runs(RUNS, () => time(process.execPath, [BIN, ...build(base, '--jaar', '2024', '--alleen', 'html', '--uitvoer', out)]))
  // Every module of the HTML pipeline as shipped: the bundle's entry and its chunks, without the print stage.
  const chunks = [join(REPO, 'dist', 'jaarverslag.js'), ...htmlChunks()]
  const imports = chunks.map((f) => `await import(${JSON.stringify(f)});`).join(' ')
  const floor = runs(RUNS, () => time(process.execPath, ['--input-type=module', '-e', imports]))
  row('2. alleen HTML, 2024 / node die de modules importeert', median(ours), median(floor))
}

// 3. Incremental rebuild in watch mode: from saving a figure to the written page (3b: and the PDF, with dev --pdf).
async function devRefresh(name, extra, written) {
  const root = project(name)
  const port = 45000 + ((process.pid + extra.length) % 1000)
  const child = spawn(process.execPath, [BIN, 'dev', '--map', root, '--poort', String(port), ...extra], { stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  child.stdout.on('data', (c) => (out += c))
  child.stderr.on('data', (c) => (out += c))
  const until = async (ok, limit = 60_000) => {
    const deadline = Date.now() + limit
    while (!ok() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 1))
    if (!ok()) throw new Error(`dev: time-out\n${out}`)
  }
  await until(() => out.includes('Voorbeeld:'))
  const file = join(root, 'data', '2024', 'meldingen.yaml')
  const original = readFileSync(file, 'utf8')
  const times = []
  for (let i = 0; i < Math.max(RUNS, 5); i++) {
    const value = 100 + i
    const before = written(root, value)
    const start = performance.now()
    writeFileSync(file, original.replace('signalen: 2', `signalen: ${value}`))
    await until(() => written(root, value, before))
    times.push(performance.now() - start)
    await new Promise((r) => setTimeout(r, 300))
  }
  child.kill('SIGINT')
  await new Promise((r) => child.once('exit', r))
  return median(times)
}
if (wanted('3')) {
  // The page is written when it has the new figure.
  const page = (root, value) => { try { return readFileSync(join(root, 'output', '2024', 'index.html'), 'utf8').includes(`werden ${value} meldingen alleen als signaal`) } catch { return false } }
  row('3. dev: één cijfer gewijzigd → HTML geschreven', await devRefresh('dev', [], page), undefined, { doel_ms: 200 })
  // The PDF is written when its file is new (the build replaces it, unchanged files stay hard links); a draft's PDF is named a concept.
  const pdf = (root, _value, before) => { try { const ino = statSync(join(root, 'output', '2024', 'jaarverslag-integriteit-2024-concept.pdf')).ino; return before === undefined ? ino : ino !== before } catch { return before === undefined ? 0 : false } }
  row('3b. dev --pdf: één cijfer gewijzigd → PDF geschreven', await devRefresh('dev-pdf', ['--pdf'], pdf), undefined, { doel_ms: 1000 })
}

// 4. Ten report years in one run against ten separate runs (HTML + PDF).
if (wanted('4')) {
  const years = Array.from({ length: 10 }, (_, i) => 2015 + i)
  const root = project('tien', { years })
  const n = Math.min(RUNS, 3)
  const one = runs(n, () => time(process.execPath, [BIN, ...build(root)]))
  const ten = runs(n, () => years.reduce((sum, y) => sum + time(process.execPath, [BIN, ...build(root, '--jaar', String(y))]), 0))
  row('4. tien verslagjaren in één run / tien losse runs', median(one), median(ten), { doel_verhouding: 0.5, runs: n })
}

// 5. Memory: peak RSS of the Node process and of Chromium during a full build.
/** A build in a child process: wall time, Node's peak RSS and the peak RSS of its Chromium (sampled). */
async function measured(args) {
  const script = `const m = await import(${JSON.stringify(join(REPO, 'dist', 'jaarverslag.js'))});
process.exitCode = await m.main(${JSON.stringify(args)});
process.stdout.write(String(process.resourceUsage().maxRSS))`
  const start = performance.now()
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  let stdout = ''
  child.stdout.on('data', (c) => (stdout += c))
  let chromiumPeak = 0
  const sample = setInterval(() => {
    const ps = spawnSync('ps', ['-eo', 'pid=,ppid=,rss=,args='], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.trim().split(/\s+/))
    const below = new Set([child.pid])
    let rss = 0
    for (let grew = true; grew;) {
      grew = false
      for (const [pid, ppid, kb, cmd] of ps) {
        if (below.has(Number(ppid)) && !below.has(Number(pid))) { below.add(Number(pid)); grew = true; if (/chrom/.test(cmd ?? '')) rss += Number(kb) }
      }
    }
    chromiumPeak = Math.max(chromiumPeak, rss)
  }, 25)
  const code = await new Promise((r) => child.once('exit', r))
  clearInterval(sample)
  if (code !== 0) throw new Error(`build ${args.join(' ')} → ${code}`)
  return { ms: performance.now() - start, node_mb: Math.round(Number(stdout) / 1024), chromium_mb: Math.round(chromiumPeak / 1024) }
}
if (wanted('5')) {
  const { node_mb, chromium_mb } = await measured(build(base, '--uitvoer', join(work, 'uit-5')))
  results.metingen['5. geheugen (piek RSS)'] = { node_mb, chromium_mb, doel_node_mb: 250 }
}

// 6. Scale: time per report year as the number of years doubles (50 years × 40 categories),
//    and per organisation as their number doubles.
if (wanted('6')) {
  const CATS = Array.from({ length: 40 }, (_, i) => `Categorie ${String(i + 1).padStart(2, '0')}`)
  const scale = (n) => {
    const root = join(work, `schaal-${n}`)
    mkdirSync(join(root, 'data'), { recursive: true })
    writeFileSync(join(root, 'data', 'organisatie.yaml'), `organisatie: Gemeente Schaal\nvocabulaires:\n  type:\n    uitgangspunt: eigen\n    waarden:\n${CATS.map((c) => `      - ${c}\n`).join('')}`)
    for (let i = 0; i < n; i++) {
      const y = 2050 - n + i + 1
      const counts = CATS.map((_, c) => (y * 7 + c * 13) % 9)
      const dir = join(root, 'data', String(y))
      mkdirSync(dir)
      writeFileSync(join(dir, 'meta.yaml'), `jaar: ${y}\nstatus: definitief\nbron: gegenereerd\n`)
      writeFileSync(join(dir, 'meldingen.yaml'), `totaal: ${counts.reduce((a, b) => a + b, 0)}\ntype:\n${CATS.map((c, k) => `  ${c}: ${counts[k]}\n`).join('')}`)
    }
    return root
  }
  const perYear = {}
  for (const n of [5, 10, 20, 40, 50]) {
    const ms = time(process.execPath, [BIN, ...build(scale(n), '--alleen', 'html')])
    perYear[n] = { totaal_ms: Math.round(ms), per_jaar_ms: Math.round(ms / n) }
  }
  const orgs = (n) => {
    const root = join(work, `organisaties-${n}`)
    for (let i = 0; i < n; i++) cpSync(join(REPO, 'data'), join(root, `gemeente-${String(i + 1).padStart(2, '0')}`, 'data'), { recursive: true })
    return root
  }
  const perOrg = {}
  for (const n of [1, 5, 10, 20]) {
    const ms = time(process.execPath, [BIN, ...build(orgs(n), '--alleen', 'html')])
    perOrg[n] = { totaal_ms: Math.round(ms), per_organisatie_ms: Math.round(ms / n) }
  }
  results.metingen['6. schaal'] = { jaren_40_categorieen_html: perYear, organisaties_3_jaren_html: perOrg }
}

// 7. A shared service: N organisations × 5 years, HTML only and full; time per report must not grow with N.
if (wanted('7')) {
  const source = project('vijf-jaren', { years: [2020, 2021, 2022, 2023, 2024] })
  const region = (n) => {
    const root = join(work, `regio-${n}`)
    for (let i = 0; i < n; i++) cpSync(join(source, 'data'), join(root, `gemeente-${String(i + 1).padStart(3, '0')}`, 'data'), { recursive: true })
    return root
  }
  const counts = [...new Set([10, Number(process.env.BENCH_ORGANISATIES ?? 50)])]
  const rows = {}
  for (const n of counts) {
    const root = region(n)
    for (const [kind, extra] of [['html', ['--alleen', 'html']], ['volledig', []]]) {
      const m = await measured(build(root, '--uitvoer', join(work, `uit-7-${n}-${kind}`), ...extra))
      rows[`${n} organisaties, ${kind}`] = { totaal_ms: Math.round(m.ms), per_verslag_ms: Math.round(m.ms / (n * 5)), node_mb: m.node_mb, chromium_mb: m.chromium_mb }
    }
    rmSync(root, { recursive: true, force: true })
  }
  results.metingen['7. organisaties × 5 jaren'] = rows
}

// — report —
const out = join(REPO, 'output', 'bench')
mkdirSync(out, { recursive: true })
writeFileSync(join(out, 'resultaten.json'), JSON.stringify(results, null, 2) + '\n')
const lines = ['| meting | jaarverslag (mediaan) | vloer (mediaan) | verhouding |', '|---|---:|---:|---:|']
for (const [name, m] of Object.entries(results.metingen)) {
  if ('mediaan_ms' in m) lines.push(`| ${name} | ${m.mediaan_ms} ms | ${m.vloer_ms ?? '–'}${m.vloer_ms ? ' ms' : ''} | ${m.verhouding ?? '–'} |`)
}
const mem = results.metingen['5. geheugen (piek RSS)']
if (mem) lines.push(`| 5. piek RSS | Node ${mem.node_mb} MB | Chromium ${mem.chromium_mb} MB | – |`)
console.log(lines.join('\n'))
const s = results.metingen['6. schaal']
if (s) {
  console.log('\nSchaal, alleen HTML (tijd per verslagjaar bij 40 categorieën):')
  for (const [n, v] of Object.entries(s.jaren_40_categorieen_html)) console.log(`  ${n} jaren: ${v.totaal_ms} ms, ${v.per_jaar_ms} ms per jaar`)
  console.log('Schaal, organisaties met elk 3 jaren (alleen HTML):')
  for (const [n, v] of Object.entries(s.organisaties_3_jaren_html)) console.log(`  ${n} organisaties: ${v.totaal_ms} ms, ${v.per_organisatie_ms} ms per organisatie`)
}
const orgs = results.metingen['7. organisaties × 5 jaren']
if (orgs) {
  console.log('Organisaties × 5 jaren (tijd per verslag, piek RSS):')
  for (const [name, v] of Object.entries(orgs)) console.log(`  ${name}: ${v.totaal_ms} ms, ${v.per_verslag_ms} ms per verslag; Node ${v.node_mb} MB, Chromium ${v.chromium_mb} MB`)
}
console.log(`\nResultaten: ${join('output', 'bench', 'resultaten.json')}`)
rmSync(work, { recursive: true, force: true })
