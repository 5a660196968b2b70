// The process charts are drawn in (see worker.ts): one chart per message.
import { drawChart } from './draw.js'

process.on('message', (job: { chart: Parameters<typeof drawChart>[0]; dataset: Parameters<typeof drawChart>[1]; theme: Parameters<typeof drawChart>[2] }) => {
  drawChart(job.chart, job.dataset, job.theme).then(
    (drawn) => process.send!({ drawn }),
    (error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) }),
  )
})
