// The thread charts are drawn in (see worker.ts): one chart per message.
import { parentPort } from 'node:worker_threads'
import { drawChart } from './draw.js'

parentPort!.on('message', (job: { chart: Parameters<typeof drawChart>[0]; dataset: Parameters<typeof drawChart>[1]; theme: Parameters<typeof drawChart>[2] }) => {
  drawChart(job.chart, job.dataset, job.theme).then(
    (drawn) => parentPort!.postMessage({ drawn }),
    (error: unknown) => parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) }),
  )
})
