import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { within } from '../load/inside.js'
import type { Output } from './outputs.js'
import { compareText } from '../domain/order.js'

/** The input the output folder would overwrite or be overwritten by, if any. */
export function overlappingInput(root: string, outDir: string): string | undefined {
  if (within(outDir, root)) return root
  return ['data', 'templates', 'schemas'].map((d) => join(root, d)).find((input) => within(input, outDir) || within(outDir, input))
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
