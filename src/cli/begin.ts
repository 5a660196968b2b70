import { findBrowser } from '../print/find.js'
import { spawnBrowser, type EarlyBrowser } from '../print/spawn.js'

/**
 * The first thing a run does, before the rest of the tool loads (the CLI's
 * own modules take 20 ms, on a loaded machine a tenth of a second): start
 * Chromium when the command line asks for a PDF, so its start overlaps all
 * of that too. A guess from the words as typed (`build` without `--alleen
 * html`, `dev --pdf`); the parsed options decide, and a browser they do not
 * want is ended (cli/lifecycle.ts). Anything else starts it later, as before.
 */
export function startEarly(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): EarlyBrowser | undefined {
  const htmlOnly = argv.some((a, i) => a === '--alleen=html' || (a === '--alleen' && argv[i + 1] === 'html'))
  const help = argv.some((a) => a === '--help' || a === '-h' || a === '--versie')
  const pdf = argv[0] === 'build' ? !htmlOnly : argv[0] === 'dev' && argv.includes('--pdf')
  if (!pdf || help) return undefined
  const { path } = findBrowser(env)
  if (!path) return undefined
  const start = performance.now()
  const spawned = spawnBrowser(path, env)
  return { spawned, start, end: performance.now() }
}
