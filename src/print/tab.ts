import type { Browser, CDPSession, Protocol } from 'puppeteer'

/**
 * A tab spoken to over the DevTools protocol itself, on puppeteer's
 * connection. Puppeteer's Page sets up frames, script worlds, the network
 * and lifecycle tracking first: a dozen round trips to a renderer that is
 * often still starting, and a document written by script in a world of its
 * own. Printing needs four things of a tab: no script, no request but
 * embedded data, the report as its document, and the print.
 */
export interface Tab {
  readonly session: CDPSession
  readonly targetId: string
  readonly frameId: string
}

/** A step that did not answer in time, named as puppeteer names it (printFailure reads it). */
export function timedOut(): Error {
  return Object.assign(new Error('timed out'), { name: 'TimeoutError' })
}

/** `work`, or a TimeoutError after `ms`. */
export async function within<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const gaveUp = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(timedOut()), ms) })
  try {
    return await Promise.race([work, gaveUp])
  } finally {
    clearTimeout(timer)
  }
}

// One browser-level session per browser, for opening, finding and closing tabs.
const roots = new WeakMap<Browser, Promise<CDPSession>>()
function root(browser: Browser): Promise<CDPSession> {
  let session = roots.get(browser)
  if (!session) roots.set(browser, (session = browser.target().createCDPSession()))
  return session
}

/**
 * Open a tab with JavaScript off and every request but embedded data
 * failed. `blank`: take the tab the browser opened at its start, whose
 * renderer is already running, instead of a new one.
 */
export async function openTab(browser: Browser, blank = false): Promise<Tab> {
  const browserSession = await root(browser)
  const existing = blank ? (await browserSession.send('Target.getTargets')).targetInfos.find((t) => t.type === 'page') : undefined
  const targetId = existing?.targetId ?? (await browserSession.send('Target.createTarget', { url: 'about:blank' })).targetId
  const { sessionId } = await browserSession.send('Target.attachToTarget', { targetId, flatten: true })
  const session = browserSession.connection()?.session(sessionId)
  if (!session) throw new Error('Session closed')
  session.on('Fetch.requestPaused', ({ requestId, request }: Protocol.Fetch.RequestPausedEvent) => {
    const answer = request.url.startsWith('data:')
      ? session.send('Fetch.continueRequest', { requestId })
      : session.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' })
    answer.catch(() => undefined)
  })
  const [, , , , { frameTree }] = await Promise.all([
    session.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }),
    session.send('Emulation.setScriptExecutionDisabled', { value: true }),
    session.send('Page.enable'),
    session.send('Page.setLifecycleEventsEnabled', { enabled: true }),
    session.send('Page.getFrameTree'),
  ])
  return { session, targetId, frameId: frameTree.frame.id }
}

/**
 * The report as the tab's document, set directly (no file:// navigation),
 * once it has loaded: writing a document starts the frame's lifecycle anew
 * ("init"), so the first "load" after that is this document's.
 */
export async function setContent({ session, frameId }: Tab, html: string, timeoutMs: number): Promise<void> {
  let listener: ((event: Protocol.Page.LifecycleEventEvent) => void) | undefined
  const loaded = new Promise<void>((resolve) => {
    let fresh = false
    listener = ({ frameId: frame, name }) => {
      if (frame !== frameId) return
      if (name === 'init') fresh = true
      else if (name === 'load' && fresh) resolve()
    }
    session.on('Page.lifecycleEvent', listener)
  })
  try {
    await session.send('Page.setDocumentContent', { frameId, html })
    await within(loaded, timeoutMs)
  } finally {
    session.off('Page.lifecycleEvent', listener!)
  }
}

/** The page as a tagged A4 PDF with bookmarks, once its fonts have loaded (the page's own @page size wins). */
export async function printTab({ session }: Tab, timeoutMs: number): Promise<Uint8Array> {
  await within(session.send('Runtime.evaluate', { expression: 'document.fonts.ready.then(() => true)', awaitPromise: true }), timeoutMs)
  const { stream } = await within(session.send('Page.printToPDF', {
    paperWidth: 8.27, paperHeight: 11.7, marginTop: 0, marginBottom: 0, marginLeft: 0, marginRight: 0,
    printBackground: true, preferCSSPageSize: true, generateTaggedPDF: true, generateDocumentOutline: true, transferMode: 'ReturnAsStream',
  }), timeoutMs)
  if (!stream) throw new Error('no PDF stream')
  const parts: Buffer[] = []
  for (let eof = false; !eof;) {
    const chunk = await within(session.send('IO.read', { handle: stream, size: 1 << 22 }), timeoutMs)
    parts.push(Buffer.from(chunk.data, chunk.base64Encoded ? 'base64' : 'utf8'))
    eof = chunk.eof
  }
  void session.send('IO.close', { handle: stream }).catch(() => undefined)
  return Buffer.concat(parts)
}

/** Close the tab without waiting for it. */
export function closeTab(browser: Browser, { targetId }: Tab): void {
  void root(browser).then((s) => s.send('Target.closeTarget', { targetId })).catch(() => undefined)
}
