import { readdirSync, statSync, watch, type FSWatcher } from 'node:fs'
import { join } from 'node:path'

/**
 * Calls `changed` on every change in or below the given folders. One
 * fs.watch per folder: Node's recursive watch on Linux loses a file that an
 * editor saved by renaming a copy over it (vim, sed -i), and chokidar's
 * 'ready' came before its folders were watched. This one is synchronous:
 * when it returns, every folder is watched.
 */
export function watchFolders(roots: string[], changed: () => void): () => void {
  const watchers = new Map<string, FSWatcher>()
  const add = (dir: string) => {
    if (watchers.has(dir)) return
    let entries
    try {
      entries = readdirSync(dir, { withFileTypes: true })
      const watcher = watch(dir, (_event, name) => {
        // A folder made after the start (a new year) is watched from its first change on.
        if (name !== null && isFolder(join(dir, name))) add(join(dir, name))
        changed()
      })
      // A folder removed: its watcher ends; a folder made again under that name is added on the next event.
      watcher.on('error', () => { watcher.close(); watchers.delete(dir) })
      watchers.set(dir, watcher)
    } catch {
      return // no such folder (yet): nothing to watch
    }
    for (const entry of entries) if (entry.isDirectory()) add(join(dir, entry.name))
  }
  for (const root of roots) add(root)
  return () => { for (const watcher of watchers.values()) watcher.close() }
}

const isFolder = (path: string) => {
  try { return statSync(path).isDirectory() } catch { return false }
}
