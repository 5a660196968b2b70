import { accessSync, constants } from 'node:fs'

/**
 * Where a browser may be, in order: the user's choice first, then the usual
 * system places. Debian's /usr/bin/chromium is a shell script that greps
 * /proc/cpuinfo and runs findmnt, ls and tr before it starts the program in
 * /usr/lib/chromium (tens of ms, a second on a loaded machine); none of the
 * flags it adds matters beside the tool's own (spawn.ts), so the program is
 * started directly.
 */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env): string[] {
  const chosen = [env.JAARVERSLAG_CHROMIUM, env.PUPPETEER_EXECUTABLE_PATH].filter((p): p is string => Boolean(p))
  // An explicit choice is final: silently falling back would print with another browser than asked.
  if (chosen.length > 0) return chosen.slice(0, 1)
  return [
    '/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium',
    '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome',
    '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
  ]
}

export function findBrowser(env: NodeJS.ProcessEnv = process.env): { path: string | undefined; tried: string[] } {
  const tried = browserCandidates(env)
  for (const path of tried) {
    try {
      accessSync(path, constants.X_OK)
      return { path, tried }
    } catch { /* next */ }
  }
  return { path: undefined, tried }
}
