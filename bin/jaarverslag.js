#!/usr/bin/env node
// Chromium first, when the command line asks for a PDF: its start overlaps loading the rest of the tool.
import { startEarly } from '../dist/begin.js'

const early = startEarly(process.argv.slice(2))
const { run } = await import('../dist/jaarverslag.js')
await run(early)
