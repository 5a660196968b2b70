import { fork, type ChildProcess } from 'node:child_process'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { CODE_DIR } from '../package.js'
import type { CachedChart } from './cache.js'
import type { Dataset } from '../domain/dataset.js'
import type { Drawable } from './draw.js'
import type { Theme } from '../domain/theme.js'

/**
 * Drawing a chart may take this long and this much memory: a spec that asks
 * for more (an expression making a billion values) fails as an error in its
 * own file instead of ending the build (exit 134, out of heap). The time
 * limit is JAARVERSLAG_TEKENTIJD seconds when set (a slow machine).
 */
export const DRAW_LIMITS = {
  get seconds(): number { return Number(process.env.JAARVERSLAG_TEKENTIJD) > 0 ? Number(process.env.JAARVERSLAG_TEKENTIJD) : 30 },
  memoryMb: 512,
}

/** A chart that could not be drawn within the limits, or whose drawing failed. */
export class ChartError extends Error {
  constructor(readonly reason: 'tijd' | 'geheugen' | 'fout', detail: string = reason) { super(detail) }
}

let drawer: ChildProcess | undefined
let queue: Promise<unknown> = Promise.resolve()

/**
 * The drawing process: the bundle's own entry, or the TypeScript source through
 * tsx (tests). A process, not a worker thread: a worker's heap limit does not
 * hold for one growing array (Node aborts the whole process, exit 134), a
 * process's does, and only that process ends.
 */
function start(): ChildProcess {
  const source = CODE_DIR.endsWith('src')
  const tsx = source ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href] : []
  const child = fork(join(CODE_DIR, source ? join('chart', 'draw-worker.ts') : 'draw-worker.js'), [], {
    execArgv: [...tsx, `--max-old-space-size=${DRAW_LIMITS.memoryMb}`],
    // V8's own report of running out of memory (a native stack trace) is not for the user.
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    serialization: 'advanced',
  })
  child.once('exit', () => { if (drawer === child) drawer = undefined })
  // An idle drawing process does not keep the tool running.
  child.unref()
  child.channel?.unref()
  return child
}

/** End the drawing process, if one was started: the run is over. Synchronous, so a signal handler can call it. */
export function endDrawing(): void {
  drawer?.kill('SIGKILL')
  drawer = undefined
}

function draw(chart: Drawable, dataset: Dataset, theme: Theme): Promise<CachedChart> {
  const child = (drawer ??= start())
  return new Promise<CachedChart>((resolve, reject) => {
    const end = (error?: ChartError) => {
      clearTimeout(timer)
      child.off('message', onMessage).off('error', onError).off('exit', onExit)
      child.channel?.unref()
      if (error) {
        if (drawer === child) drawer = undefined
        child.kill('SIGKILL')
        reject(error)
      }
    }
    const onMessage = (result: { drawn?: CachedChart; error?: string }) => {
      if (result.drawn) {
        end()
        resolve(result.drawn)
      } else end(new ChartError('fout', result.error))
    }
    const onError = (error: Error) => end(new ChartError('fout', error.message))
    // Out of heap, V8 aborts the process (SIGABRT; exit code 134 through a shell).
    const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
      end(signal === 'SIGABRT' || code === 134 ? new ChartError('geheugen') : new ChartError('fout', 'het tekenproces stopte'))
    const timer = setTimeout(() => end(new ChartError('tijd')), DRAW_LIMITS.seconds * 1000)
    child.on('message', onMessage).on('error', onError).on('exit', onExit)
    child.channel?.ref()
    child.send({ chart: { name: chart.name, title: chart.title, spec: chart.spec }, dataset, theme })
  })
}

/**
 * Draw a chart in the drawing process, one at a time, each within
 * DRAW_LIMITS. The process starts with the first chart and serves the rest
 * of the run, until endDrawing.
 */
export function drawInWorker(chart: Drawable, dataset: Dataset, theme: Theme): Promise<CachedChart> {
  const next = queue.then(() => draw(chart, dataset, theme))
  queue = next.catch(() => undefined)
  return next
}
