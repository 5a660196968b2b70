import type { StageEvent } from '../compile.js'
import type { CliOptions } from './args.js'
import type { VFile } from 'vfile'
import { summarize, toJson } from '../diagnostics/reporter.js'
import { fixed } from '../format/nl.js'
import type { Console } from './report.js'

const seconds = (ms: number) => (ms < 1000 ? `${ms} ms` : `${fixed(ms / 1000, 1)} s`)

const STAGES: Record<StageEvent['stage'], string> = {
  controleren: 'gegevens gelezen en gecontroleerd',
  html: 'HTML, grafieken en open data',
  pdf: 'PDF',
}

export interface Progress {
  stage(organisation: string, event: StageEvent): void
  done(results: { name: string; built: string[]; fresh: string[] }[], outDir: string, files: readonly VFile[], cwd: string): void
  /** Reports adopted or revised by this build, now in the adoption folder. */
  recorded(folder: string, keys: readonly string[]): void
}

/**
 * Progress per stage with timings: with a ✓ on a terminal, plain lines
 * under CI or in a pipe, nothing with --stil, and one JSON object with --json.
 */
export function progress(options: Pick<CliOptions, 'quiet' | 'json'>, io: Console, tty = Boolean(process.stderr.isTTY) && !process.env.CI): Progress {
  const events: (StageEvent & { organisatie: string })[] = []
  const line = (org: string, text: string) => {
    if (options.quiet || options.json) return
    io.err(`${tty ? '✓ ' : ''}${org ? `${org}: ` : ''}${text}`)
  }
  return {
    stage(org, e) {
      events.push({ ...e, organisatie: org })
      line(org, `${e.report ? `${e.report}: ` : ''}${STAGES[e.stage]} (${seconds(e.ms)})`)
    },
    done(results, outDir, files, cwd) {
      if (options.json) {
        io.out(JSON.stringify({
          meldingen: toJson(files, cwd), samenvatting: summarize(files),
          gebouwd: results.map((r) => ({ organisatie: r.name, jaren: r.built, actueel: r.fresh })), stappen: events,
        }, null, 2))
        return
      }
      if (options.quiet) return
      for (const r of results) {
        const who = r.name ? `${r.name}: ` : ''
        if (r.built.length === 0) io.out(`${who}Niets te doen: ${r.fresh.length ? `${r.fresh.join(', ')} ${r.fresh.length === 1 ? 'is' : 'zijn'} actueel` : 'geen jaren'}.`)
        else io.out(`${who}Gemaakt: ${r.built.join(', ')}${r.fresh.length ? `; ongewijzigd: ${r.fresh.join(', ')}` : ''}. Uitvoer in ${outDir}/.`)
      }
    },
    recorded(folder, keys) {
      if (options.quiet || options.json) return
      io.out(`Vastgelegd in ${folder}/: ${keys.join(', ')}. Leg die map vast in git (git add ${folder} && git commit), dan weet elke build wat de raad vaststelde.`)
    },
  }
}
