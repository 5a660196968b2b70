// Bundles the CLI into dist/ with esbuild: one file to load instead of
// hundreds of small modules halves the start of every build. puppeteer and
// pdf-lib are bundled too (each loads in half the time), in chunks of their
// own that load only for PDFs.
import { rmSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const root = fileURLToPath(new URL('..', import.meta.url))
rmSync(`${root}/dist`, { recursive: true, force: true })
await build({
  absWorkingDir: root,
  entryPoints: { jaarverslag: 'src/cli/index.ts' },
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
})
