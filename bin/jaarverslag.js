#!/usr/bin/env node
import { run } from '../dist/jaarverslag.js'

await run()
