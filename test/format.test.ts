import { describe, expect, it } from 'vitest'
import { changeText, dateText, euro, hours, number, percent, plural, rangeText, signed, trendWord, valueIn } from '../src/format/nl.js'

describe('Dutch formatting through Intl nl-NL', () => {
  it('numbers: thousands with a dot, decimals with a comma, a real minus sign', () => {
    expect(number(0)).toBe('0')
    expect(number(1)).toBe('1')
    expect(number(1234)).toBe('1.234')
    expect(number(1234567)).toBe('1.234.567')
    expect(number(2.5)).toBe('2,5')
    expect(number(-3)).toBe('−3')
    expect(number(-1234.5)).toBe('−1.234,5')
  })
  it('percentages, money and hours', () => {
    expect(percent(0.125)).toBe('12,5%')
    expect(percent(0)).toBe('0%')
    expect(percent(-0.3)).toBe('−30%')
    expect(euro(32000)).toBe('€\u00a032.000')
    expect(euro(-1500)).toBe('€\u00a0−1.500')
    expect(hours(1)).toBe('1 uur')
    expect(hours(619)).toBe('619 uur')
    expect(valueIn('procent', 31)).toBe('31%')
  })
  it('signed changes and trend words', () => {
    expect(signed(8)).toBe('+8')
    expect(signed(-3)).toBe('−3')
    expect(signed(0)).toBe('0')
    expect(changeText({ kind: 'value', absolute: 8, percent: 80 })).toBe('+8 (+80%)')
    expect(changeText({ kind: 'value', absolute: -4, percent: -100 })).toBe('−4 (−100%)')
    expect(changeText({ kind: 'value', absolute: 1, percent: null })).toBe('+1')
    expect(changeText({ kind: 'no-previous' })).toBe('–')
    expect(changeText({ kind: 'unknown' })).toBe('–')
    expect(changeText({ kind: 'not-comparable', because: 'partial' })).toBe('niet vergelijkbaar (deel van het jaar)')
    // A percentage changes in procentpunten, never as a percentage of a percentage.
    expect(changeText({ kind: 'value', absolute: 4, percent: null }, 'procent')).toBe('+4 procentpunten')
    expect(changeText({ kind: 'value', absolute: -1, percent: null }, 'procent')).toBe('−1 procentpunt')
    expect(trendWord({ kind: 'value', absolute: 8, percent: 80 })).toBe('stijging')
    expect(trendWord({ kind: 'value', absolute: -1, percent: -10 })).toBe('daling')
    expect(trendWord({ kind: 'value', absolute: 0, percent: 0 })).toBe('gelijk gebleven')
  })
  it('singular and plural', () => {
    expect(plural(0, 'melding')).toBe('0 meldingen')
    expect(plural(1, 'melding')).toBe('1 melding')
    expect(plural(2, 'melding')).toBe('2 meldingen')
    expect(plural(1, 'casus')).toBe('1 casus')
    expect(plural(52, 'casus')).toBe('52 casussen')
    expect(plural(1234, 'adviesvraag')).toBe('1.234 adviesvragen')
  })
  it('ranges and dates', () => {
    expect(rangeText({ min: 7, max: 10, average: 8.5, count: 4, from: 2020, to: 2023 })).toBe('tussen 7 en 10')
    expect(rangeText({ min: 4, max: 4, average: 4, count: 2, from: 2020, to: 2021 })).toBe('steeds 4')
    expect(dateText('2020-12-03')).toBe('3 december 2020')
  })
})
