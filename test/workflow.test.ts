import { request } from 'node:http'
import { cpSync, existsSync, mkdtempSync, readFileSync, statSync, writeFileSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { startPreview } from '../src/cli/dev.js'
import { asDrafts, cleanupProjects, FIXTURES, projectWith } from './helpers/project.js'
import { cli, cliAsync } from './helpers/cli.js'

afterAll(cleanupProjects)

const mtime = (path: string) => statSync(path).mtimeMs

describe('incremental builds', () => {
  it('a second build rebuilds nothing and says so; a change to 2023 rebuilds exactly 2023 and 2024', () => {
    const root = asDrafts(projectWith())
    const first = cli(['build', '--map', root, '--alleen', 'html'])
    expect(first.code).toBe(0)
    expect(first.stdout).toContain('Gemaakt: 2022, 2023, 2024.')
    const pages = [2022, 2023, 2024].map((y) => join(root, 'output', String(y), 'index.html'))
    const before = pages.map(mtime)

    const second = cli(['build', '--map', root, '--alleen', 'html'])
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('Niets te doen: 2022, 2023, 2024 zijn actueel.')
    expect(pages.map(mtime)).toEqual(before)

    // A comment changes nothing a report reads.
    appendFileSync(join(root, 'data', '2023', 'meldingen.yaml'), '# gewijzigd\n')
    expect(cli(['build', '--map', root, '--alleen', 'html']).stdout).toContain('Niets te doen')
    const file = join(root, 'data', '2023', 'meldingen.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('adviesvragen: 32', 'adviesvragen: 33'))
    const third = cli(['build', '--map', root, '--alleen', 'html'])
    expect(third.stdout).toContain('Gemaakt: 2023, 2024; ongewijzigd: 2022.')
    const after = pages.map(mtime)
    expect(after[0]).toBe(before[0])
    expect(after[1]).toBeGreaterThan(before[1]!)
    expect(after[2]).toBeGreaterThan(before[2]!)

    expect(cli(['build', '--map', root, '--alleen', 'html', '--alles']).stdout).toContain('Gemaakt: 2022, 2023, 2024.')
  })

  it('a changed figure shows in the rebuilt page', () => {
    const root = asDrafts(projectWith())
    cli(['build', '--map', root, '--alleen', 'html'])
    const file = join(root, 'data', '2024', 'meldingen.yaml')
    writeFileSync(file, readFileSync(file, 'utf8').replace('signalen: 2', 'signalen: 3'))
    cli(['build', '--map', root, '--alleen', 'html'])
    expect(readFileSync(join(root, 'output', '2024', 'index.html'), 'utf8')).toContain('werden drie meldingen alleen als signaal geregistreerd')
  })
})

describe('many organisations in one run', () => {
  it('builds every organisation folder, each in its own output folder', () => {
    const root = mkdtempSync(join(tmpdir(), 'jaarverslag-regio-'))
    for (const name of ['huizen', 'rotterdam']) cpSync(join(FIXTURES, 'valid', name), join(root, name), { recursive: true })
    const r = cli(['build', '--map', root, '--alleen', 'html'])
    expect(r.code).toBe(0)
    // Huizen: one report over 2021/2022, known by its period.
    expect(r.stdout).toContain('huizen: Gemaakt: 2021-2022.')
    // Progress names a report over two years by its period, as the summary does.
    expect(r.stderr).toContain('huizen: 2021-2022: HTML, grafieken en open data (')
    expect(r.stdout).toContain('rotterdam: Gemaakt: 2015, 2016, 2017, 2018, 2019, 2020.')
    expect(readFileSync(join(root, 'output', 'rotterdam', '2020', 'index.html'), 'utf8')).toContain('Gemeente Rotterdam')
    expect(existsSync(join(root, 'output', 'huizen', '2021-2022', 'data', 'metadata.json'))).toBe(true)
  })
})

describe('the preview server of jaarverslag dev', () => {
  function get(port: number, path: string): Promise<{ status: number; body: string; csp: string }> {
    return new Promise((resolve, reject) => {
      // A raw path: http clients would normalise /../ away before sending.
      const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
        let body = ''
        res.on('data', (c) => (body += c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, csp: String(res.headers['content-security-policy'] ?? '') }))
      })
      req.on('error', reject)
      req.end()
    })
  }

  it('serves the output on loopback only and refuses paths outside it', async () => {
    const root = projectWith()
    cli(['build', '--map', root, '--alleen', 'html', '--jaar', '2024'])
    const preview = await startPreview(join(root, 'output'), 0)
    try {
      const address = preview.server.address()
      expect(typeof address === 'object' && address?.address).toBe('127.0.0.1')
      const port = typeof address === 'object' && address ? address.port : 0
      const page = await get(port, '/2024/')
      expect(page.status).toBe(200)
      expect(page.body).toContain('Jaarverslag Integriteit 2024')
      expect(page.body).toContain("new EventSource('/__herladen')")
      expect(page.csp).toContain("script-src 'nonce-")
      for (const bad of ['/../data/organisatie.yaml', '/..%2fdata%2forganisatie.yaml', '/2024/../../data/2024/meta.yaml', '/%2e%2e/%2e%2e/etc/passwd']) {
        const r = await get(port, bad)
        expect(r.status, bad).toBe(403)
        expect(r.body).not.toContain('organisatie')
      }
      expect((await get(port, '/bestaat-niet.html')).status).toBe(404)
    } finally {
      await preview.close()
    }
  })

  it('rebuilds and reloads after a change to the data', async () => {
    const root = asDrafts(projectWith())
    const port = 43000 + (process.pid % 1000)
    const child = cliAsync(['dev', '--map', root, '--poort', String(port)])
    try {
      let out = ''
      child.stdout.on('data', (c) => (out += c))
      child.stderr.on('data', (c) => (out += c))
      const wait = async (text: string) => {
        const deadline = Date.now() + 60_000
        while (!out.includes(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50))
        expect(out, out).toContain(text)
      }
      await wait('Voorbeeld: http://127.0.0.1:')
      const file = join(root, 'data', '2024', 'meldingen.yaml')
      writeFileSync(file, readFileSync(file, 'utf8').replace('signalen: 2', 'signalen: 5'))
      await wait('Gemaakt: 2024; ongewijzigd: 2022, 2023.')
      expect((await get(port, '/2024/index.html')).body).toContain('werden vijf meldingen alleen als signaal geregistreerd')
    } finally {
      child.kill('SIGINT')
      await new Promise((r) => child.once('exit', r))
    }
  })
})
