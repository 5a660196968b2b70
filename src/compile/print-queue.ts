import { pdfPath } from '../domain/report.js'
import type { Printer } from '../print/index.js'
import type { MadeReport } from './build.js'
import { since, type CompileOptions } from './options.js'

/** Each report goes to the printer the moment its HTML exists, while the next one is made. */
export function printQueue(printer: Printer | undefined, onStage: CompileOptions['onStage']) {
  const printing: Promise<void>[] = []
  return {
    add(made: MadeReport): void {
      if (!printer) return
      const begin = performance.now()
      const done = printer.print(made.html, made.model).then((pdf) => {
        made.outputs.pdf.set(pdfPath(made.report.key, made.model.status === 'concept'), pdf)
        onStage?.({ stage: 'pdf', report: made.report.key, ms: since(begin) })
      })
      done.catch(() => undefined)
      printing.push(done)
    },
    /** Waits for every print; a failure is the first report's in order, whatever finished first. */
    async finish(): Promise<PromiseRejectedResult | undefined> {
      printer?.done?.()
      const printed = await Promise.allSettled(printing)
      return printed.find((r): r is PromiseRejectedResult => r.status === 'rejected')
    },
  }
}
