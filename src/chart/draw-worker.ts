// The process charts are drawn in (see worker.ts): one chart per message.
import { Worker } from 'node:worker_threads'
import { drawChart } from './draw.js'

// It ends with the tool: when the tool's channel closes, and when the tool is
// killed (kill -9) while a chart here spins in an endless loop, which no
// event reaches; a thread of its own sees the tool's process id go.
process.once('disconnect', () => process.exit())
new Worker(`const { ppid } = process; setInterval(() => { if (process.ppid !== ppid) process.kill(process.pid, 'SIGKILL') }, 250)`, { eval: true }).unref()

process.on('message', (job: { chart: Parameters<typeof drawChart>[0]; dataset: Parameters<typeof drawChart>[1]; theme: Parameters<typeof drawChart>[2] }) => {
  drawChart(job.chart, job.dataset, job.theme).then(
    (drawn) => process.send!({ drawn }),
    (error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) }),
  )
})
