import { request } from 'node:http'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { cliAsync } from './helpers/cli.js'
import { cleanupProjects, projectWith } from './helpers/project.js'

afterAll(cleanupProjects)

const get = (port: number, path: string) => new Promise<string>((resolve, reject) => {
  request({ host: '127.0.0.1', port, path }, (res) => {
    let body = ''
    res.on('data', (c) => (body += c))
    res.on('end', () => resolve(body))
  }).on('error', reject).end()
})

/** Save as vim, sed -i and many editors do: write a copy, rename it over the file. */
const saveByRename = (file: string, text: string) => {
  writeFileSync(`${file}.opslaan`, text)
  renameSync(`${file}.opslaan`, file)
}

it('dev shows an error over the page in the browser, escaped, and says "opgelost" once it is fixed', async () => {
  const root = projectWith()
  const port = 44000 + (process.pid % 1000)
  const child = cliAsync(['dev', '--map', root, '--poort', String(port)])
  let out = ''
  child.stdout.on('data', (c) => (out += c))
  child.stderr.on('data', (c) => (out += c))
  const wait = async (text: string, from = 0) => {
    const deadline = Date.now() + 90_000
    while (!out.slice(from).includes(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(out.slice(from), out).toContain(text)
  }
  try {
    await wait('Voorbeeld: http://127.0.0.1:')
    expect(await get(port, '/2024/')).not.toContain('jaarverslag-fouten')
    const file = join(root, 'data', '2024', 'meldingen.yaml')
    const good = readFileSync(file, 'utf8')
    let mark = out.length
    writeFileSync(file, good.replace(/^totaal: \d+$/m, 'totaal: <b>achttien</b>'))
    await wait('[schema-type]', mark)
    const broken = await get(port, '/2024/')
    expect(broken).toContain('id="jaarverslag-fouten"')
    expect(broken).toContain('De laatste wijziging bevat fouten')
    expect(broken).toContain("totaal: gevonden de tekst '&#x3C;b>achttien&#x3C;/b>'")
    // The code frame, escaped: the line and the caret under it.
    expect(broken).toMatch(/\d+ \| totaal: &#x3C;b>achttien&#x3C;\/b>\n +\^/)
    expect(broken).not.toContain('<b>achttien')
    // The last good page is still underneath.
    expect(broken).toContain('Jaarverslag Integriteit 2024')
    mark = out.length
    writeFileSync(file, good)
    await wait('Opgelost', mark)
    expect(await get(port, '/2024/')).not.toContain('jaarverslag-fouten')
  } finally {
    child.kill('SIGINT')
    await new Promise((r) => child.once('exit', r))
  }
}, 240_000)

it('dev: an adopted figure changed by an editor that saves by renaming, then changed back in place, clears the overlay and says "opgelost"', async () => {
  const root = projectWith()
  const port = 45000 + (process.pid % 1000)
  const child = cliAsync(['dev', '--map', root, '--poort', String(port)])
  let out = ''
  child.stdout.on('data', (c) => (out += c))
  child.stderr.on('data', (c) => (out += c))
  const wait = async (text: string, from = 0) => {
    const deadline = Date.now() + 90_000
    while (!out.slice(from).includes(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(out.slice(from), out).toContain(text)
  }
  try {
    await wait('Voorbeeld: http://127.0.0.1:')
    const file = join(root, 'data', '2024', 'meldingen.yaml')
    const good = readFileSync(file, 'utf8')
    let mark = out.length
    saveByRename(file, good.replace(/^totaal: \d+$/m, 'totaal: 99'))
    await wait('[verslag-vastgesteld]', mark)
    expect(await get(port, '/2024/')).toContain('id="jaarverslag-fouten"')
    // Written in place now, into the file the rename made: Node's own recursive watch no longer sees that file.
    mark = out.length
    writeFileSync(file, good)
    await wait('Opgelost', mark)
    expect(await get(port, '/2024/')).not.toContain('jaarverslag-fouten')
  } finally {
    child.kill('SIGINT')
    await new Promise((r) => child.once('exit', r))
  }
}, 240_000)
