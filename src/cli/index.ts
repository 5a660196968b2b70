#!/usr/bin/env node
import { VERSION } from '../package.js'
import { EXIT } from '../diagnostics/catalogue.js'
import { cleanupStaging } from '../output/stage.js'
import { HELP, parseCli, UsageError, type CliOptions } from './args.js'
import { processConsole, type Console } from './report.js'
import { openBrowsers } from './browsers.js'


export async function main(argv: readonly string[], io: Console = processConsole, cwd = process.cwd()): Promise<number> {
  let options: CliOptions
  try {
    options = parseCli(argv, cwd)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.err(`fout: ${error.message}`)
    return EXIT.usage
  }
  if (options.version) { io.out(VERSION); return EXIT.ok }
  if (options.help || options.command === 'help') { io.out(HELP); return EXIT.ok }
  switch (options.command) {
    // Commands load on demand, so help and usage errors answer at once.
    case 'validate': return (await import('./validate.js')).runValidate(options, io)
    case 'build': return (await import('./build.js')).runBuild(options, io)
    case 'init': return (await import('./scaffold.js')).runInit(options, io)
    case 'nieuw-jaar': return (await import('./scaffold.js')).runNewYear(options, io)
    case 'dev': return (await import('./dev.js')).runDev(options, io)
  }
}

async function shutdown(code: number): Promise<never> {
  cleanupStaging()
  await Promise.all([...openBrowsers].map((b) => b.close()))
  process.exit(code)
}

/** Entry point of the `jaarverslag` binary: no stack traces unless --debug. */
export async function run(): Promise<void> {
  process.on('SIGINT', () => void shutdown(130))
  process.on('SIGTERM', () => void shutdown(143))
  const debug = process.argv.includes('--debug')
  try {
    process.exitCode = await main(process.argv.slice(2))
  } catch (error) {
    process.stderr.write(`fout: er ging iets onverwacht mis (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).\n`)
    process.stderr.write(debug ? `${(error as Error).stack ?? ''}\n` : 'Start opnieuw met --debug voor de technische details, en meld het probleem.\n')
    cleanupStaging()
    await Promise.all([...openBrowsers].map((b) => b.close()))
    process.exitCode = 70
  }
}
