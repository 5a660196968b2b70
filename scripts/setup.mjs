#!/usr/bin/env node
// Makes a fresh machine ready for the README's two commands: npm packages,
// Chromium and poppler (PDF reader for the tests) from the system package
// manager where permitted. Plain JavaScript: it runs before `npm install`.
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const say = (s) => process.stderr.write(`setup: ${s}\n`)

function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: root, ...options })
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} mislukte (code ${r.status})`)
}

const executable = (p) => { try { accessSync(p, constants.X_OK); return true } catch { return false } }
const onPath = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0

// 1. npm packages, when any package of the lock file is missing or of another
//    version: by content, not by date, so node_modules installed for an older
//    checkout is renewed even when it is newer than the lock file. Puppeteer's
//    own browser download is off (.puppeteerrc.json); npm never fetches a browser.
const lock = join(root, 'package-lock.json')
const marker = join(root, 'node_modules', '.package-lock.json')
function installedAsLocked() {
  if (!existsSync(marker)) return false
  const wanted = JSON.parse(readFileSync(lock, 'utf8')).packages ?? {}
  const installed = JSON.parse(readFileSync(marker, 'utf8')).packages ?? {}
  // The root is not in npm's hidden lock file; optional packages for other platforms are never installed.
  return Object.entries(wanted).every(([path, p]) => path === '' || p.optional || installed[path]?.version === p.version)
}
if (!installedAsLocked()) {
  say('npm-pakketten installeren (npm ci)')
  run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'])
}

// 2. System packages: Chromium for the PDF, poppler-utils to read PDFs in the tests,
//    strace for the test that watches the build open no connection outward.
//    Not for packing (npm pack runs this with --alleen-npm): the package needs none of them.
const npmOnly = process.argv.includes('--alleen-npm')
const chromium = process.env.JAARVERSLAG_CHROMIUM || process.env.PUPPETEER_EXECUTABLE_PATH || '/usr/bin/chromium'
const wanted = []
if (!process.env.JAARVERSLAG_CHROMIUM && !process.env.PUPPETEER_EXECUTABLE_PATH && !executable(chromium) && !onPath('chromium') && !onPath('google-chrome')) wanted.push('chromium')
if (!onPath('pdfinfo')) wanted.push('poppler-utils')
if (!onPath('strace')) wanted.push('strace')
if (!npmOnly && wanted.length > 0) {
  const isRoot = process.getuid?.() === 0
  const apt = onPath('apt-get')
  if (apt && (isRoot || onPath('sudo')) && process.env.JAARVERSLAG_GEEN_INSTALLATIE !== '1') {
    const prefix = isRoot ? [] : ['sudo', '-n']
    say(`systeempakketten installeren: ${wanted.join(', ')}`)
    const sh = (args) => run(prefix[0] ?? args[0], prefix.length ? [...prefix.slice(1), ...args] : args.slice(1), { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } })
    sh(['apt-get', 'update', '-qq'])
    sh(['apt-get', 'install', '-y', '-qq', '--no-install-recommends', ...wanted])
  } else {
    say(`let op: ${wanted.join(' en ')} ontbreekt en kan hier niet automatisch worden geïnstalleerd.`)
    say('Installeer Chromium zelf (of zet JAARVERSLAG_CHROMIUM), anders maakt de build alleen HTML.')
  }
}
