import { spawn, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { REPO } from './project.js'

export const BIN = join(REPO, 'bin', 'jaarverslag.js')

export interface Run { code: number | null; stdout: string; stderr: string }

/** Run the real binary (the compiled dist/, as a user runs it). */
/** `timeoutMs`: the run is killed after it (its code is then null), for commands that must not hang. */
export function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? REPO, env: { ...process.env, ...options.env }, encoding: 'utf8', timeout: options.timeoutMs ?? 120_000 })
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

/** Every process below a pid (children, grandchildren, …). */
export function descendants(pid: number): number[] {
  const rows = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).stdout.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number))
  const found: number[] = []
  const queue = [pid]
  while (queue.length) {
    const parent = queue.shift()!
    for (const [child, ppid] of rows) if (ppid === parent && child !== undefined) { found.push(child); queue.push(child) }
  }
  return found
}

/** Pids among these that still run (a zombie has stopped running). */
export function running(pids: readonly number[]): number[] {
  if (pids.length === 0) return []
  const r = spawnSync('ps', ['-o', 'pid=,stat=', '-p', pids.join(',')], { encoding: 'utf8' })
  return r.stdout.trim().split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/)).filter(([, stat]) => !stat?.startsWith('Z')).map(([pid]) => Number(pid))
}

/** The drawing processes of own charts (chart/draw-worker) below a pid, still running. */
export function drawers(pid: number): number[] {
  const pids = running(descendants(pid))
  if (pids.length === 0) return []
  const rows = spawnSync('ps', ['-o', 'pid=,args=', '-p', pids.join(',')], { encoding: 'utf8' }).stdout.trim().split('\n')
  return rows.filter((r) => r.includes('draw-worker')).map((r) => Number(r.trim().split(/\s+/)[0]))
}
