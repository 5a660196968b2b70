// Bundles the CLI into dist/ with esbuild: one file to load instead of
// hundreds of small modules halves the start of every build. puppeteer and
// pdf-lib are bundled too (each loads in half the time), in chunks of their
// own that load only for PDFs. Every dependency is bundled, so the published
// package declares none.
import { createHash } from 'node:crypto'
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
rmSync(`${root}/dist`, { recursive: true, force: true })
const { outputFiles } = await build({
  absWorkingDir: root,
  // Charts are drawn in a process of their own (src/chart/draw-worker.ts), with its own entry; begin: the few lines
  // that start Chromium before the rest loads (bin/jaarverslag.js).
  entryPoints: { jaarverslag: 'src/cli/index.ts', 'draw-worker': 'src/chart/draw-worker.ts', begin: 'src/cli/begin.ts' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir: 'dist',
  chunkNames: 'delen/[name]-[hash]',
  // jsonc-parser's main entry is UMD, whose require() calls esbuild cannot follow; bundle its ES modules.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
  // Bundled CommonJS dependencies call require(); give each chunk one.
  banner: { js: "import { createRequire as __jaarverslagRequire } from 'node:module'; const require = __jaarverslagRequire(import.meta.url);" },
  logLevel: 'warning',
  write: false,
})
// The code's fingerprint, made here once instead of by hashing 4 MB at the start of every build (see src/package.ts).
const fingerprint = createHash('sha256')
for (const file of outputFiles.sort((a, b) => (a.path < b.path ? -1 : 1))) {
  mkdirSync(dirname(file.path), { recursive: true })
  writeFileSync(file.path, file.contents)
  fingerprint.update(file.path.slice(root.length)).update(file.contents)
}
// The data files the code reads from dependencies (src/package.ts, vendorFile): with these beside the bundle
// the published package needs no dependencies installed, so a project installs one package of under a hundred files.
const require = createRequire(import.meta.url)
for (const spec of [
  '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2',
  '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2',
  'vega-lite/vega-lite-schema.json',
]) {
  const to = `${root}/dist/vendor/${spec}`
  mkdirSync(dirname(to), { recursive: true })
  copyFileSync(require.resolve(spec), to)
}
writeFileSync(`${root}/dist/vingerafdruk`, fingerprint.digest('hex').slice(0, 16) + '\n')
