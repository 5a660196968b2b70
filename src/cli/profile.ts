import type { Steps } from '../print/pdf.js'
import type { Console } from './report.js'

/**
 * `--profiel` (or JAARVERSLAG_PROFIEL=1): how long each step of the run took
 * and when it began, counted from the start of the Node process, so overlap
 * between the browser and the rest shows.
 */
export class Profile {
  private readonly rows: { name: string; start: number; end: number }[] = []

  readonly step: Steps = (name, start, end = performance.now()) => { this.rows.push({ name, start, end }) }

  report(io: Console): void {
    const ms = (n: number) => String(Math.round(n)).padStart(6)
    const width = Math.max(...this.rows.map((r) => r.name.length), 4)
    const lines = [`${'stap'.padEnd(width)}  begin    eind    duur  (ms vanaf de start van het proces)`]
    for (const r of [...this.rows].sort((a, b) => a.start - b.start)) lines.push(`${r.name.padEnd(width)} ${ms(r.start)}  ${ms(r.end)}  ${ms(r.end - r.start)}`)
    lines.push(`${'totaal'.padEnd(width)} ${ms(0)}  ${ms(performance.now())}  ${ms(performance.now())}`)
    io.err(lines.join('\n'))
  }
}
