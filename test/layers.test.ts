import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importsOf, layering } from '../scripts/layers.js'
import { REPO } from './helpers/project.js'

// Stage order, bottom up (scripts/layers.ts): domain/types (with hash.ts, package.ts) → format →
// diagnostics → load → validate → aggregate → chart → render → output → print → compile → cli.
describe('the layers of src/', () => {
  const src = join(REPO, 'src')
  const found = layering(src)

  it('reads the imports of every stage, static, type-only and lazy', () => {
    const from = (file: string) => importsOf(join(src, file)).map((p) => p.slice(src.length + 1))
    expect(from('compile.ts')).toEqual(expect.arrayContaining(['compile/build.ts', 'compile/check.ts', 'diagnostics/emit.ts', 'domain/project.ts', 'output/plan.ts']))
    expect(from('print/session.ts')).toContain('print/index.ts')
    expect(from('cli/index.ts')).toContain('cli/build.ts')
    expect(found.files.length).toBeGreaterThan(90)
  })

  it('import only from their own stage or a lower one', () => {
    expect(found.upward).toEqual([])
  })

  it('have no loop, also none inside a folder', () => {
    expect(found.loops).toEqual([])
  })

  it('place every file in a stage', () => {
    expect(found.unplaced).toEqual([])
  })
})

describe('the layering check', () => {
  it('finds an upward import, a loop inside a folder and a folder that is no stage (test/fixtures/layers)', () => {
    const found = layering(join(REPO, 'test', 'fixtures', 'layers'))
    expect(found.upward).toEqual([{ from: 'format/nl.ts', to: 'aggregate/sum.ts', fromStage: 'format', toStage: 'aggregate' }])
    expect(found.loops).toEqual([['chart/draw.ts', 'chart/render.ts']])
    expect(found.unplaced).toEqual(['extra/helper.ts'])
  })
})
