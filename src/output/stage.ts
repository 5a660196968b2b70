import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { within } from '../load/inside.js'
import type { Output } from './outputs.js'
import { compareText } from '../domain/order.js'

/** The input the output folder would overwrite or be overwritten by, if any. */
export function overlappingInput(root: string, outDir: string): string | undefined {
  if (within(outDir, root)) return root
  return ['data', 'templates', 'schemas'].map((d) => join(root, d)).find((input) => within(input, outDir) || within(outDir, input))
}

/** Whether a process runs (also one of another user); a recycled pid errs on the side of leaving its folders alone. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export type Recovery = 'voltooid' | 'teruggezet' | 'opgeruimd' | 'afgerond'

/**
 * Put right what a killed build left beside the output: its staging folder
 * (`output.nieuw-<pid>`) and the previous output it had moved aside
 * (`output.oud-<pid>`). Killed between the two renames of commit, there is
 * no `output/`: the staged output was complete (commit starts only then),
 * so the swap is completed. Runs before a build reads anything of the
 * output; folders of a build still running are left alone.
 */
export function recoverSwap(outDir: string): { pid: number; recovery: Recovery }[] {
  const out = resolve(outDir)
  let names: string[]
  try { names = readdirSync(dirname(out)) } catch { return [] }
  const left = new Map<number, { oud?: string; nieuw?: string }>()
  for (const name of names) {
    const match = /^(oud|nieuw)-(\d+)$/.exec(name.startsWith(`${basename(out)}.`) ? name.slice(basename(out).length + 1) : '')
    if (!match) continue
    const pid = Number(match[2])
    if (pid === process.pid || alive(pid)) continue
    left.set(pid, { ...left.get(pid), [match[1]!]: join(dirname(out), name) })
  }
  const done: { pid: number; recovery: Recovery }[] = []
  for (const [pid, { oud, nieuw }] of [...left].sort(([a], [b]) => a - b)) {
    // With the output in place, a staging folder is half written; a previous output alone is what the swap left to remove.
    let recovery: Recovery = nieuw ? 'opgeruimd' : 'afgerond'
    if (!existsSync(out) && oud && nieuw) {
      renameSync(nieuw, out)
      recovery = 'voltooid'
    } else if (!existsSync(out) && oud) {
      renameSync(oud, out)
      recovery = 'teruggezet'
    }
    for (const path of [oud, nieuw]) if (path) rmSync(path, { recursive: true, force: true })
    done.push({ pid, recovery })
  }
  return done
}

/** Carry the previous output over as hard links: instant, and unchanged files keep their identity. */
function linkTree(from: string, to: string): void {
  mkdirSync(to)
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = join(from, entry.name)
    const target = join(to, entry.name)
    if (entry.isDirectory()) linkTree(source, target)
    else {
      try { linkSync(source, target) } catch { copyFileSync(source, target) }
    }
  }
}

/**
 * Writes the outputs next to the output folder first, carrying over the
 * previous output, and swaps the folders only when everything is written.
 * A failure, or an interruption (see `abandon`), leaves the previous output
 * as it was.
 */
export class Staging {
  /** The half-written staging folder, while there is one. */
  private pending: { out: string; staging: string } | undefined

  /** Write all outputs at once (see begin, add, commit). */
  write(outDir: string, outputs: Output): void {
    this.begin(outDir)
    this.add(outputs)
    this.commit()
  }

  /** Start the staging folder beside `outDir`, with the previous output in it. */
  begin(outDir: string): void {
    const out = resolve(outDir)
    const staging = `${out}.nieuw-${process.pid}`
    this.pending = { out, staging }
    try {
      rmSync(staging, { recursive: true, force: true })
      mkdirSync(dirname(out), { recursive: true })
      if (existsSync(out)) linkTree(out, staging)
      else mkdirSync(staging)
    } catch (error) {
      this.abandon()
      throw error
    }
  }

  /** Write outputs into the staging folder now, so a large build need not hold them all. */
  add(outputs: Output): void {
    const { staging } = this.pending!
    try {
      const sorted = [...outputs].sort(([a], [b]) => compareText(a, b))
      // Copies first: they keep files of the previous output that new content replaces.
      for (const [path, content] of sorted) {
        if (content !== null && typeof content === 'object' && 'copyOf' in content) linkSync(join(staging, content.copyOf), join(staging, path))
      }
      for (const [path, content] of sorted) {
        if (content !== null && typeof content === 'object' && 'copyOf' in content) continue
        const target = join(staging, path)
        // Unlink first: the staged file may be a hard link to the previous output, which must stay as it was.
        rmSync(target, { force: true })
        if (content === null) continue
        mkdirSync(dirname(target), { recursive: true })
        writeFileSync(target, content)
      }
    } catch (error) {
      this.abandon()
      throw error
    }
  }

  /** Put the staged output in place of the previous one: only now does the output folder change. */
  commit(): void {
    const { out, staging } = this.pending!
    const old = `${out}.oud-${process.pid}`
    try {
      if (existsSync(out)) renameSync(out, old)
      renameSync(staging, out)
      this.pending = undefined
      rmSync(old, { recursive: true, force: true })
    } catch (error) {
      if (!existsSync(out) && existsSync(old)) renameSync(old, out)
      this.abandon()
      throw error
    }
  }

  /** Whether a staging folder is open. */
  get open(): boolean {
    return this.pending !== undefined
  }

  /** Remove a half-written staging folder (also when the process is interrupted). */
  abandon(): void {
    const pending = this.pending
    this.pending = undefined
    // A staging path that cannot exist (its parent is a file) has nothing to remove.
    try { if (pending) rmSync(pending.staging, { recursive: true, force: true }) } catch { /* nothing there */ }
  }
}
