import { request } from 'node:http'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { cli, cliAsync } from './helpers/cli.js'
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

/** `jaarverslag dev` on a project: wait(text, from) waits for text in its output after position from. */
function startDev(root: string, port: number) {
  const child = cliAsync(['dev', '--map', root, '--poort', String(port)])
  let out = ''
  child.stdout.on('data', (c) => (out += c))
  child.stderr.on('data', (c) => (out += c))
  const wait = async (text: string, from = 0) => {
    const deadline = Date.now() + 90_000
    while (!out.slice(from).includes(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
    expect(out.slice(from), out).toContain(text)
  }
  return {
    output: () => out,
    wait,
    /** Write the good text back (in place): the terminal says "Opgelost" and the overlay is gone. */
    restore: async (file: string, text: string) => {
      const mark = out.length
      writeFileSync(file, text)
      await wait('Opgelost', mark)
      expect(await get(port, '/2024/')).not.toContain('jaarverslag-fouten')
    },
    stop: async () => {
      child.kill('SIGINT')
      await new Promise((r) => child.once('exit', r))
    },
  }
}

it('dev shows an error over the page in the browser, escaped, and says "opgelost" once it is fixed', async () => {
  const root = projectWith()
  const port = 44000 + (process.pid % 1000)
  const dev = startDev(root, port)
  try {
    await dev.wait('Voorbeeld: http://127.0.0.1:')
    expect(await get(port, '/2024/')).not.toContain('jaarverslag-fouten')
    const file = join(root, 'data', '2024', 'meldingen.yaml')
    const good = readFileSync(file, 'utf8')
    const mark = dev.output().length
    writeFileSync(file, good.replace(/^totaal: \d+$/m, 'totaal: <b>achttien</b>'))
    await dev.wait('[schema-type]', mark)
    const broken = await get(port, '/2024/')
    expect(broken).toContain('id="jaarverslag-fouten"')
    expect(broken).toContain('De laatste wijziging bevat fouten')
    expect(broken).toContain("totaal: gevonden de tekst '&#x3C;b>achttien&#x3C;/b>'")
    // The code frame, escaped: the line and the caret under it.
    expect(broken).toMatch(/\d+ \| totaal: &#x3C;b>achttien&#x3C;\/b>\n +\^/)
    expect(broken).not.toContain('<b>achttien')
    // The last good page is still underneath.
    expect(broken).toContain('Jaarverslag Integriteit 2024')
    await dev.restore(file, good)
  } finally {
    await dev.stop()
  }
}, 240_000)

it('dev: an adopted figure changed by an editor that saves by renaming, then changed back in place, clears the overlay and says "opgelost"', async () => {
  const root = projectWith()
  // The adoption record (vastgesteld/) is written by a build that makes the PDFs.
  expect(cli(['build', '--map', root]).code).toBe(0)
  const port = 45000 + (process.pid % 1000)
  const dev = startDev(root, port)
  try {
    await dev.wait('Voorbeeld: http://127.0.0.1:')
    const file = join(root, 'data', '2024', 'meldingen.yaml')
    const good = readFileSync(file, 'utf8')
    const mark = dev.output().length
    saveByRename(file, good.replace(/^totaal: \d+$/m, 'totaal: 99'))
    await dev.wait('[verslag-vastgesteld]', mark)
    expect(await get(port, '/2024/')).toContain('id="jaarverslag-fouten"')
    // Written in place now, into the file the rename made: Node's own recursive watch no longer sees that file.
    await dev.restore(file, good)
  } finally {
    await dev.stop()
  }
}, 240_000)
