import { BODY_MARGIN_PT, PAGE_MARGIN_MM } from './style.js'

// How wide text is set in print, from the embedded font's own advance
// widths: landscape.ts fits tables to the column with it, paragraphs.ts
// counts the lines of a paragraph.

/**
 * Advance widths of Noto Sans (regular, bold) in thousandths of an em, as
 * Chromium measures them; other characters count as the widest letters.
 */
const WIDTHS: Record<string, [number, number]> = {
  a: [561, 599], b: [615, 632], c: [480, 516], d: [615, 632], e: [564, 597], f: [344, 387], g: [615, 632], h: [618, 650], i: [258, 299],
  j: [258, 298], k: [534, 620], l: [258, 298], m: [935, 975], n: [618, 650], o: [605, 625], p: [615, 632], q: [615, 632], r: [413, 447],
  s: [479, 502], t: [361, 434], u: [618, 650], v: [508, 571], w: [786, 856], x: [529, 578], y: [510, 571], z: [470, 493],
  A: [639, 692], B: [650, 665], C: [632, 642], D: [730, 732], E: [556, 560], F: [519, 549], G: [728, 724], H: [741, 765], I: [339, 389],
  J: [273, 331], K: [619, 664], L: [524, 559], M: [907, 943], N: [760, 813], O: [781, 791], P: [605, 621], Q: [781, 791], R: [622, 656],
  S: [549, 551], T: [556, 577], U: [731, 756], V: [600, 650], W: [930, 967], X: [586, 670], Y: [566, 626], Z: [572, 579],
  ' ': [260, 260], '.': [268, 281], ',': [268, 285], '(': [300, 339], ')': [300, 339], '%': [831, 902], '–': [500, 500], '—': [1000, 1000],
  '−': [572, 581], '+': [572, 572], '/': [372, 415], ':': [268, 281], '*': [551, 542], '€': [572, 572], '&': [732, 750], '-': [322, 320],
  ';': [268, 285], "'": [225, 266], '"': [408, 479], '?': [434, 477], '!': [269, 282],
}
/** Every digit is as wide (tabular figures), in em. */
export const DIGIT_EM = 0.572
const DIGIT: [number, number] = [DIGIT_EM * 1000, DIGIT_EM * 1000]
const OTHER: [number, number] = [935, 975]

/** The text column of the print page (src/render/style.ts): A4 portrait less its margins and the body's, in points. */
export const COLUMN = (210 - 2 * PAGE_MARGIN_MM.right) * 72 / 25.4 - 2 * BODY_MARGIN_PT

/** The width of `text` in em. */
export const width = (text: string, bold: boolean) => {
  let em = 0
  // A letter with a diacritic is as wide as the letter.
  for (const c of text.normalize('NFD').replace(/\p{M}/gu, '')) em += (WIDTHS[c] ?? (/\d/.test(c) ? DIGIT : OTHER))[bold ? 1 : 0]
  return em / 1000
}
