import { readFile, stat } from 'node:fs/promises'
import { createServer, type Server, type ServerResponse } from 'node:http'
import { extname, join, resolve } from 'node:path'
import { MEDIA_TYPES } from '../load/asset.js'
import { within } from '../load/inside.js'
import type { Lifecycle } from './lifecycle.js'
import type { CliOptions } from './args.js'
import { outDirOf, runBuild } from './build.js'
import { fail, type Console } from './report.js'
import { reportText, withOverlay } from './dev-overlay.js'
import { watchFolders } from './watch.js'
import { EXIT } from '../diagnostics/catalogue.js'

const RELOAD_PATH = '/__herladen'
// The preview page may run this one script: it listens for "rebuilt" and reloads.
const NONCE = 'jaarverslag-dev'
const RELOAD_SCRIPT = `<script nonce="${NONCE}">new EventSource('${RELOAD_PATH}').onmessage=()=>location.reload()</script>`
const DEV_CSP = `default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; script-src 'nonce-${NONCE}'; connect-src 'self'`

export interface DevServer { server: Server; notify: () => void; close: () => Promise<void> }

/**
 * A preview server for the output folder: loopback only, nothing outside
 * the folder, and pages that reload themselves after a rebuild.
 */
export async function startPreview(outDir: string, port: number, problem: () => string | undefined = () => undefined): Promise<DevServer> {
  const root = resolve(outDir)
  const clients = new Set<ServerResponse>()
  const server = createServer(async (req, res) => {
    const raw = (req.url ?? '/').split('?')[0]!
    if (raw === RELOAD_PATH) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' })
      res.write(': verbonden\n\n')
      clients.add(res)
      req.on('close', () => clients.delete(res))
      return
    }
    let path: string
    try { path = decodeURIComponent(raw) } catch { path = '\0' }
    const target = resolve(root, '.' + path)
    if (path.includes('\0') || path.split(/[\\/]/).includes('..') || !within(root, target)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' }).end('Geweigerd: alleen bestanden uit de uitvoermap.\n')
      return
    }
    const errors = problem()
    try {
      const file = (await stat(target)).isDirectory() ? join(target, 'index.html') : target
      let body: Buffer | string = await readFile(file)
      const type = MEDIA_TYPES[extname(file)] ?? 'application/octet-stream'
      if (type.startsWith('text/html')) {
        body = body.toString('utf8').replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '')
        if (errors !== undefined) body = withOverlay(body, errors)
        body = body.replace('</body>', `${RELOAD_SCRIPT}</body>`)
      }
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store', 'content-security-policy': DEV_CSP }).end(body)
    } catch {
      // No page yet (the first build failed): the errors alone, still reloading when fixed.
      if (errors !== undefined && ['', '.html'].includes(extname(target))) {
        res.writeHead(200, { 'content-type': MEDIA_TYPES['.html']!, 'cache-control': 'no-store', 'content-security-policy': DEV_CSP })
          .end(withOverlay(undefined, errors).replace('</body>', `${RELOAD_SCRIPT}</body>`))
        return
      }
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Niet gevonden.\n')
    }
  })
  await new Promise<void>((ok, fail) => { server.once('error', fail); server.listen(port, '127.0.0.1', ok) })
  return {
    server,
    notify: () => { for (const c of clients) c.write('data: herladen\n\n') },
    close: () => new Promise<void>((ok) => { for (const c of clients) c.end(); server.close(() => ok()) }),
  }
}

/** `jaarverslag dev`: build the HTML, serve it, rebuild what changed on every save. */
export async function runDev(options: CliOptions, io: Console, run: Lifecycle): Promise<number> {
  const root = resolve(options.root)
  // Previews are for reading while writing: HTML only, unless --pdf asks for the PDF on one browser kept warm.
  const buildOptions: CliOptions = { ...options, only: options.pdf ? undefined : 'html', quiet: false, json: false }
  run.keepBrowser = options.pdf
  // The messages of the last build while it failed: shown over the page until a build succeeds.
  let problem: string | undefined
  const build = async (all: boolean) => {
    const lines: string[] = []
    const code = await runBuild({ ...buildOptions, all }, { out: io.out, err: (s) => { lines.push(s); io.err(s) } }, run)
    if (code !== EXIT.ok) problem = reportText(lines)
    else if (problem !== undefined) {
      problem = undefined
      io.out('Opgelost: geen fouten meer; het voorbeeld is bijgewerkt.')
    }
    return code
  }
  // Watched from before the first build: a save during it is built right after it.
  let running = true
  let again = false
  let timer: NodeJS.Timeout | undefined
  let notify = () => {}
  const rebuild = async () => {
    if (running) { again = true; return }
    running = true
    await build(false)
    // Reload either way: to show the errors, or the fixed page without them.
    notify()
    running = false
    if (again) { again = false; void rebuild() }
  }
  const stopWatching = watchFolders(['data', 'templates'].map((dir) => join(root, dir)), () => {
    // Editors save in bursts; one rebuild per burst.
    clearTimeout(timer)
    timer = setTimeout(() => void rebuild(), 15)
  })

  const first = await build(options.all)
  if (first === EXIT.usage) { stopWatching(); return first }
  let failure = 0
  const preview = await startPreview(outDirOf(options), options.port, () => problem).catch((error: NodeJS.ErrnoException) => {
    failure = fail(io, 'poort-bezet', { port: options.port, detail: error.code ?? error.message })
    return undefined
  })
  if (!preview) { stopWatching(); return failure }
  notify = preview.notify
  running = false
  if (again) { again = false; void rebuild() }
  io.out(`Voorbeeld: http://127.0.0.1:${options.port}/ (Ctrl-C stopt)`)
  // Runs until Ctrl-C; the CLI's signal handler ends the process.
  return new Promise<number>(() => undefined)
}
