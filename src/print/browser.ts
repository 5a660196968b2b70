import { connect as connectCore } from 'puppeteer-core/internal/puppeteer-core-browser.js'
import type puppeteer from 'puppeteer'
import type { Browser, ConnectionTransport } from 'puppeteer'
import { STEP_TIMEOUT_MS } from './pdf.js'
import { spawnBrowser, type SpawnedBrowser } from './spawn.js'
import { within } from './tab.js'

// Puppeteer's connect without its Node launcher (browser downloads, proxy agents): the print stage loads in half the time.
const connect = connectCore as unknown as typeof puppeteer.connect

/** The DevTools protocol over the browser's pipe: JSON messages ending in a NUL byte. */
function pipeTransport({ pipe }: SpawnedBrowser): ConnectionTransport {
  let pending: Buffer[] = []
  const transport: ConnectionTransport = {
    send: (message) => { pipe.write.write(`${message}\0`) },
    close: () => { pipe.read.removeAllListeners('data') },
  }
  pipe.read.on('data', (chunk: Buffer) => {
    let start = 0
    for (let end = chunk.indexOf(0); end !== -1; start = end + 1, end = chunk.indexOf(0, start)) {
      pending.push(chunk.subarray(start, end))
      transport.onmessage?.(Buffer.concat(pending).toString('utf8'))
      pending = []
    }
    if (start < chunk.length) pending.push(chunk.subarray(start))
  })
  pipe.read.once('close', () => transport.onclose?.())
  pipe.write.on('error', () => undefined)
  return transport
}

/** Puppeteer on a browser that was started earlier (see spawn.ts). */
export async function connectBrowser(spawned: SpawnedBrowser, timeoutMs = STEP_TIMEOUT_MS): Promise<Browser> {
  // Ended before puppeteer got here (a build that stopped early): the pipe is closed, and a handshake sent into it
  // would keep the process alive until puppeteer's own time limit.
  if (spawned.pipe.read.destroyed) throw new Error('Connection closed')
  const died = spawned.ended.then((reason) => { throw new Error(reason ? `start failed: ${reason}` : 'Connection closed') })
  died.catch(() => undefined)
  return await within(Promise.race([connect({ transport: pipeTransport(spawned), protocolTimeout: timeoutMs }), died]), timeoutMs)
}

export interface OpenBrowser { browser: Browser; close: () => void }

/** Start the system browser and connect to it (the tests' shared browser). */
export async function launchBrowser(path: string, timeoutMs?: number): Promise<OpenBrowser> {
  const spawned = spawnBrowser(path)
  try {
    return { browser: await connectBrowser(spawned, timeoutMs), close: () => void spawned.kill() }
  } catch (error) {
    void spawned.kill()
    throw error
  }
}
