import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { REPO } from './project.js'

export interface Registry {
  url: string
  /** The environment of a computer that knows only this registry: npm asks no other, nothing else is reachable. */
  env: NodeJS.ProcessEnv
  stop(): Promise<void>
}

// Any host but the local registry goes to a port where nothing listens: a
// request for another registry, or a browser download, fails loudly.
const NOWHERE = 'http://127.0.0.1:9'

/** Starts verdaccio (test/helpers/registry-server.mjs) with its storage in `dir`, and a user that may publish. */
export async function startRegistry(dir: string): Promise<Registry> {
  mkdirSync(dir, { recursive: true })
  const child = spawn(process.execPath, [join(REPO, 'test', 'helpers', 'registry-server.mjs'), dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  const port = await new Promise<number>((resolve, reject) => {
    let out = ''
    child.stdout.on('data', (c) => {
      out += c
      if (out.includes('\n')) resolve(Number(out.split('\n')[0]))
    })
    child.once('exit', (code) => reject(new Error(`verdaccio stopte (code ${code}): ${out}`)))
  })
  const url = `http://127.0.0.1:${port}/`
  const user = await fetch(`${url}-/user/org.couchdb.user:coordinator`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'coordinator', password: 'proef-wachtwoord' }),
  })
  const { token } = (await user.json()) as { token: string }
  const npmrc = join(dir, 'npmrc')
  writeFileSync(npmrc, `registry=${url}\n//127.0.0.1:${port}/:_authToken=${token}\n`)
  writeFileSync(join(dir, 'globaal-npmrc'), '')
  // None of the npm settings of the test run itself (npm test sets npm_* variables).
  const own = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'INIT_CWD'))
  const env = {
    ...own,
    npm_config_userconfig: npmrc,
    npm_config_globalconfig: join(dir, 'globaal-npmrc'),
    npm_config_registry: url,
    npm_config_cache: join(dir, 'npm-cache'),
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
    npm_config_proxy: NOWHERE,
    npm_config_https_proxy: NOWHERE,
    npm_config_noproxy: '127.0.0.1',
    HTTP_PROXY: NOWHERE,
    HTTPS_PROXY: NOWHERE,
    NO_PROXY: '127.0.0.1',
  }
  const stop = () => new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
  return { url, env, stop }
}

/** A command with the registry's environment; its output in the assertion when it fails. */
export function runWith(env: NodeJS.ProcessEnv, cmd: string, args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 600_000 })
}
