#!/usr/bin/env node
import { PACKAGE_NAME, VERSION } from '../package.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { Lifecycle } from './lifecycle.js'
import { commandHelp, COMMANDS, HELP, parseCli, UsageError, type CliOptions, type Command } from './args.js'
import type { EarlyBrowser } from '../print/spawn.js'
import { Profile } from './profile.js'
import { fail, processConsole, type Console } from './report.js'

/** Run one command; `lifecycle` holds its browser and staging folder, and is ended before this returns. */
export async function main(argv: readonly string[], io: Console = processConsole, cwd = process.cwd(), lifecycle?: Lifecycle): Promise<number> {
  let options: CliOptions
  try {
    options = parseCli(argv, cwd)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    return fail(io, error.rule, error.args, argv.includes('--json'))
  }
  if (options.version) { io.out(VERSION); return EXIT.ok }
  if (options.help || options.command === 'help') {
    // `build --help` and `help build`: that command's own help.
    const about = options.command === 'help' ? options.positionals[0] : options.command
    io.out(about && about !== 'help' && (COMMANDS as readonly string[]).includes(about) ? commandHelp(about as Exclude<Command, 'help'>) : HELP)
    return EXIT.ok
  }
  const profile = options.profile ? new Profile() : undefined
  profile?.step('node en de CLI laden', 0)
  const run = lifecycle ?? new Lifecycle()
  if (profile) run.steps = profile.step
  switch (options.command) {
    // Commands load on demand, so help and usage errors answer at once.
    case 'validate': return (await import('./validate.js')).runValidate(options, io)
    case 'build': {
      // Chromium first: it starts, and puppeteer connects, while the rest of the tool loads.
      if (options.only !== 'html') run.browser().printer()
      try {
        const start = performance.now()
        const { runBuild } = await import('./build.js')
        profile?.step('programma laden', start)
        return await runBuild(options, io, run)
      } finally {
        run.end()
        profile?.report(io)
      }
    }
    case 'init': return (await import('./init.js')).runInit(options, io)
    case 'nieuw-jaar': return (await import('./scaffold.js')).runNewYear(options, io)
    case 'lijsten': return (await import('./lijsten.js')).runLists(options, io)
    case 'dev':
      if (options.pdf) run.browser().printer()
      return (await import('./dev.js')).runDev(options, io, run)
    case 'samenvoegen': return (await import('./merge.js')).runMerge(options, io, run)
  }
}

/**
 * The folder the user typed the command in. `npm run jaarverslag -- …` in
 * the tool's own folder runs from the package root; npm keeps the caller's
 * folder in INIT_CWD. (In a coördinator's project, whose scripts call
 * jaarverslag, the package root is the project: there cwd is right.)
 */
export const callerFolder = (env: NodeJS.ProcessEnv = process.env): string =>
  (env.npm_package_name === PACKAGE_NAME && env.npm_lifecycle_event === 'jaarverslag' && env.INIT_CWD) || process.cwd()

/** Entry point of the `jaarverslag` binary: no stack traces unless --debug. `early`: the browser bin/jaarverslag.js started first. */
export async function run(early?: EarlyBrowser): Promise<void> {
  const lifecycle = new Lifecycle(early)
  const shutdown = (code: number) => { lifecycle.end(); process.exit(code) }
  process.on('SIGINT', () => shutdown(EXIT.interrupted))
  process.on('SIGTERM', () => shutdown(EXIT.terminated))
  const debug = process.argv.includes('--debug')
  try {
    process.exitCode = await main(process.argv.slice(2), processConsole, callerFolder(), lifecycle)
  } catch (error) {
    process.exitCode = fail(processConsole, 'onverwachte-fout', { detail: error instanceof Error ? error.message.split('\n')[0]! : String(error) })
    if (debug) process.stderr.write(`${(error as Error).stack ?? ''}\n`)
  } finally {
    // Every command, also one that ends early (dev without its preview, a usage error after Chromium's early start), leaves nothing running.
    lifecycle.end()
  }
}
