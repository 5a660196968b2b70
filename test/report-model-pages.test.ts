import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { compile } from '../src/compile.js'
import { FIXTURES } from './helpers/project.js'

// The model's states as the built page shows them, on the fixture projects.

/** The text of a page: tags out, entities and white space normalised. */
const text = (html: string) =>
  html.replace(/<[^>]+>/g, ' ').replace(/&#x27;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ')

describe('Rotterdam 2019: a series break in the page', () => {
  it('shows the onderzoeken comparison as not comparable, with the reason in a note, never +68', async () => {
    const { outputs, files } = await compile(join(FIXTURES, 'valid', 'rotterdam'), { years: [2019] })
    expect(files.flatMap((f) => f.messages)).toEqual([])
    const page = text(String(outputs.get('2019/index.html')))
    expect(page).toMatch(/\(Voor\)onderzoeken – 52 49 44 112 niet vergelijkbaar/)
    expect(page).toContain('(Voor)onderzoeken: vanaf 2019 anders geteld, niet vergelijkbaar met eerdere jaren. Tot en met 2018 telden alleen')
    expect(page).not.toContain('+68')
  })
})
