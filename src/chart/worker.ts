import { createRequire } from 'node:module'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
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

let worker: Worker | undefined
let queue: Promise<unknown> = Promise.resolve()

/** tsx's ES module API, by its own package's exports (its CommonJS twin cannot register ES module hooks). */
function tsxApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json')
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import: { default: string } }> }
  return pathToFileURL(join(dirname(manifest), exports['./esm/api']!.import.default)).href
}

/** The drawing thread: the bundle's own entry, or the TypeScript source through tsx (tests). */
function start(): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: DRAW_LIMITS.memoryMb, maxYoungGenerationSizeMb: 64 }
  const created = CODE_DIR.endsWith('src')
    ? new Worker(`import(${JSON.stringify(tsxApi())}).then(({ register }) => { register(); return import(${JSON.stringify(pathToFileURL(join(CODE_DIR, 'chart', 'draw-worker.ts')).href)}) })`, { eval: true, resourceLimits })
    : new Worker(join(CODE_DIR, 'draw-worker.js'), { resourceLimits })
  // An idle drawing thread does not keep the tool running.
  created.unref()
  return created
}

function draw(chart: Drawable, dataset: Dataset, theme: Theme): Promise<CachedChart> {
  const thread = (worker ??= start())
  return new Promise<CachedChart>((resolve, reject) => {
    const end = (error?: ChartError) => {
      clearTimeout(timer)
      thread.off('message', onMessage).off('error', onError).off('exit', onExit)
      if (error) {
        if (worker === thread) worker = undefined
        void thread.terminate()
        reject(error)
      }
    }
    const onMessage = (result: { drawn?: CachedChart; error?: string }) => {
      if (result.drawn) {
        end()
        resolve(result.drawn)
      } else end(new ChartError('fout', result.error))
    }
    const onError = (error: NodeJS.ErrnoException) => end(new ChartError(error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'geheugen' : 'fout', error.message))
    const onExit = () => end(new ChartError('fout', 'de tekenthread stopte'))
    const timer = setTimeout(() => end(new ChartError('tijd')), DRAW_LIMITS.seconds * 1000)
    thread.on('message', onMessage).on('error', onError).on('exit', onExit)
    thread.postMessage({ chart: { name: chart.name, title: chart.title, spec: chart.spec }, dataset, theme })
  })
}

/** Draw a chart in the drawing thread, one at a time, each within DRAW_LIMITS. */
export function drawInWorker(chart: Drawable, dataset: Dataset, theme: Theme): Promise<CachedChart> {
  const next = queue.then(() => draw(chart, dataset, theme))
  queue = next.catch(() => undefined)
  return next
}
