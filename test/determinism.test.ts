import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, onTestFinished } from 'vitest'
import { printPdf } from '../src/print/pdf.js'
import { cleanupProjects, hashFiles, projectWith } from './helpers/project.js'
import { closeSharedBrowser, sharedBrowser } from './helpers/browser.js'
import { cli } from './helpers/cli.js'

afterAll(async () => { cleanupProjects(); await closeSharedBrowser() })


describe('deterministic output', () => {
  it('the full example build gives byte-identical HTML, SVG and PDF in another time zone and locale', () => {
    const a = projectWith()
    const b = projectWith()
    // Each with a cache of its own: the charts are drawn in each run, not kept from the other.
    const caches: string[] = []
    const cache = () => caches[caches.push(mkdtempSync(join(tmpdir(), 'jaarverslag-cache-'))) - 1]!
    onTestFinished(() => { for (const dir of caches) rmSync(dir, { recursive: true, force: true }) })
    const built = [
      cli(['build', '--map', a, '--stil'], { env: { TZ: 'UTC', LANG: 'nl_NL.UTF-8', LC_ALL: 'nl_NL.UTF-8', JAARVERSLAG_CACHE: cache() } }),
      cli(['build', '--map', b, '--stil'], { env: { TZ: 'America/Los_Angeles', LANG: 'en_US.UTF-8', LC_ALL: 'en_US.UTF-8', JAARVERSLAG_CACHE: cache() } }),
    ]
    for (const run of built) expect(run.code, run.stderr).toBe(0)
    const first = hashFiles(join(a, 'output'))
    expect(Object.keys(first).filter((f) => f.endsWith('.pdf'))).toHaveLength(3)
    const second = hashFiles(join(b, 'output'))
    const differ = Object.keys(first).filter((k) => first[k] !== second[k])
    expect(differ, `verschillen: ${differ.join(', ')}`).toEqual([])
  // Two whole builds with their PDFs, one after the other: about a minute on two cores shared with other test files.
  }, 180_000)
})

describe('the browser fetches nothing', () => {
  let server: Server | undefined
  afterAll(() => new Promise<void>((resolve) => { server?.closeAllConnections(); return server ? server.close(() => resolve()) : resolve() }))

  it('aborts every request a page could make while printing; a canary server sees none', async () => {
    let requests = 0
    let connections = 0
    server = createServer((_req, res) => { requests++; res.end('x') })
    server.on('connection', () => connections++)
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve))
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    const html = `<!doctype html><html lang="nl"><head><title>t</title><link rel="stylesheet" href="${url}/s.css">
      <style>@font-face{font-family:X;src:url(${url}/f.woff2)} body{font-family:X;background:url(${url}/b.png)}</style></head>
      <body><img src="${url}/i.png" alt="x"><iframe src="${url}/frame"></iframe><script src="${url}/s.js"></script><p>tekst</p></body></html>`
    const { browser } = await sharedBrowser()
    const pdf = await printPdf(browser, html)
    expect(Buffer.from(pdf).subarray(0, 5).toString()).toBe('%PDF-')
    expect(requests).toBe(0)
    expect(connections).toBe(0)
  })

  it('runs none of the page\'s script while printing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jaarverslag-script-'))
    onTestFinished(() => rmSync(dir, { recursive: true, force: true }))
    const html = `<!doctype html><html lang="nl"><head><title>t</title></head><body><p>tekst</p>
      <script>document.body.append('script gedraaid')</script><p onclick="x()">einde</p></body></html>`
    const { browser } = await sharedBrowser()
    writeFileSync(join(dir, 'p.pdf'), await printPdf(browser, html))
    const text = execFileSync('pdftotext', [join(dir, 'p.pdf'), '-'], { encoding: 'utf8' })
    expect(text).toMatch(/tekst[\s\S]*einde/)
    expect(text).not.toMatch(/script gedraaid/)
  })
})
