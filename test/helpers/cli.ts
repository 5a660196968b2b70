import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { REPO } from './project.js'

export const BIN = join(REPO, 'bin', 'jaarverslag.js')

export interface Run { code: number | null; stdout: string; stderr: string }

/** Run the real binary (the compiled dist/, as a user runs it). */
export function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: { ...process.env, ...options.env }, encoding: 'utf8', timeout: 120_000 })
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

export function cliAsync(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  return spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: { ...process.env, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Chromium processes started with one of our temporary profiles. */
export function chromiumProcesses(marker = 'jaarverslag-chromium-'): string[] {
  const r = spawnSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
  return r.stdout.split('\n').filter((l) => l.includes(marker) && !l.includes('ps -eo'))
}
