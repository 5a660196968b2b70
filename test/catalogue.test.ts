import { describe, expect, it } from 'vitest'
import { VFile } from 'vfile'
import wording from '../src/diagnostics/meldingen.json' with { type: 'json' }
import { catalogue, FRAME } from '../src/diagnostics/catalogue.js'
import { emit } from '../src/diagnostics/emit.js'
import { fill, slotsIn } from '../src/diagnostics/fill.js'

// The words live in meldingen.json, the rules in catalogue.ts: these tests
// keep the two halves one catalogue.

describe('the words of the catalogue', () => {
  it('belong to the rules: every rule has words, and there are no words without a rule', () => {
    expect(Object.keys(wording.rules)).toEqual(Object.keys(catalogue))
  })

  it('name exactly the arguments each rule declares, so no slot stays empty and no argument goes unsaid', () => {
    const mismatched = Object.entries(catalogue)
      .map(([id, rule]) => [id, slotsIn(wording.rules[id as keyof typeof wording.rules].message).sort(), [...rule.slots].sort()] as const)
      .filter(([, used, declared]) => used.join() !== declared.join())
    expect(mismatched).toEqual([])
  })

  it('a call without an argument the rule declares does not compile', () => {
    const file = new VFile()
    // @ts-expect-error: 'bestand-ontbreekt' says which file, so it needs one
    emit(file, 'bestand-ontbreekt', {})
    // @ts-expect-error: and it takes no argument it does not use
    emit(file, 'bestand-ontbreekt', { file: 'meta.yaml', year: 2024 })
    expect(file.messages).toHaveLength(2)
  })
})

describe('the language of the words', () => {
  it('puts arguments in their slots; braces around a slot stay', () => {
    expect(fill("Het bestand '{file}' ontbreekt.", { file: 'meta.yaml' })).toBe("Het bestand 'meta.yaml' ontbreekt.")
    expect(fill('staat {{slot}}', { slot: 'vorig' })).toBe('staat {vorig}')
    expect(fill('verwacht {{ naam }} of {{ naam | filter }}', {})).toBe('verwacht {{ naam }} of {{ naam | filter }}')
  })

  it('shows a bracketed part only when its arguments have a value, else the part after |', () => {
    const text = "De naam '{name}' bestaat niet[; bedoelde u '{suggestion}'?|.]"
    expect(fill(text, { name: 'jar', suggestion: 'jaar' })).toBe("De naam 'jar' bestaat niet; bedoelde u 'jaar'?")
    expect(fill(text, { name: 'xyz', suggestion: '' })).toBe("De naam 'xyz' bestaat niet.")
    expect(fill('verwacht 2[, zoals regel {like}].', { like: 0 })).toBe('verwacht 2.')
    expect(fill('verwacht 2[, zoals regel {like}].', { like: 7 })).toBe('verwacht 2, zoals regel 7.')
  })

  it('says a count with the form of its noun', () => {
    const text = 'springt {n:geen spaties:# spatie:# spaties} in'
    expect([0, 1, 4].map((n) => fill(text, { n }))).toEqual(['springt geen spaties in', 'springt 1 spatie in', 'springt 4 spaties in'])
    expect(FRAME.followOns(1)).toBe('Deze fout brengt 1 andere fout met zich mee, die niet apart wordt getoond: die verdwijnt als u deze herstelt.')
    expect(FRAME.followOns(3)).toBe('Deze fout brengt 3 andere fouten met zich mee, die niet apart worden getoond: ze verdwijnen als u deze herstelt.')
  })

  it('reads the same as the catalogue did before its words moved out of the code', () => {
    expect(catalogue['yaml-inspringing'].message({ found: 0, expected: 2, like: 4 })).toBe('Deze regel springt geen spaties in; verwacht 2 spaties, zoals regel 4.')
    expect(catalogue['gebruik-optie-onbekend'].message({ option: '--jaaar', suggestion: '--jaar' })).toBe('Onbekende of onvolledige optie --jaaar; bedoelde u --jaar?')
    expect(catalogue['gebruik-optie-onbekend'].message({ option: '', suggestion: '' })).toBe('Onbekende of onvolledige optie.')
    expect(catalogue['schema-keuze'].message({ field: 'status', found: "'concpet'", suggestion: 'concept', allowed: 'concept, definitief' }))
      .toBe("status: gevonden 'concpet' (bedoelde u 'concept'?); toegestaan: concept, definitief.")
  })
})
