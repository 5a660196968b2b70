/** Characters on one line of a category label: "en belangenverstrengeling" (25) fits. */
export const LINE_CHARS = 26
/** Lines a label may take before the chart counts as not fitting. */
export const MAX_LINES = 3

// Short words that belong to the word after them: a line never ends on
// "in relatie tot" or "misbruik van", the next line starts with them.
const LEADING = new Set([
  'aan', 'als', 'bij', 'de', 'door', 'een', 'en', 'het', 'in', 'incl.', 'met', 'na', 'naar', 'of', 'om', 'op', 'over',
  'te', 'tot', 'uit', 'van', 'voor', 'zonder',
])

interface Piece { text: string; joined: boolean }

/**
 * Words of a label, with the places a line may break: between words, and
 * after a slash ("gedrag/onveilig"), after a hyphen inside a compound too
 * long for one line. A lone slash stays with the word before it.
 */
function pieces(text: string): Piece[] {
  const out: Piece[] = []
  for (const word of text.trim().split(/\s+/).filter(Boolean)) {
    if (/^[/–-]$/.test(word) && out.length > 0) out[out.length - 1]!.text += ` ${word}`
    else if (word.includes('/') || word.length > LINE_CHARS) word.split(word.length > LINE_CHARS ? /(?<=[/-])(?=.)/ : /(?<=\/)(?=.)/).forEach((part, i) => out.push({ text: part, joined: i > 0 }))
    else out.push({ text: word, joined: false })
  }
  return out
}

const join = (line: readonly Piece[]) => line.map((p, i) => (i > 0 && !p.joined ? ` ${p.text}` : p.text)).join('')

/**
 * A category label over as many lines as it needs, each at most
 * LINE_CHARS long where the words allow. Nothing is cut: a label that needs
 * more than MAX_LINES lines gets them, and the build warns (see `fits`).
 */
export function splitLabel(text: string): string[] {
  const lines: Piece[][] = []
  for (const piece of pieces(text)) {
    const line = lines.at(-1)
    if (line && join([...line, piece]).length <= LINE_CHARS) line.push(piece)
    else lines.push([{ ...piece, joined: false }])
  }
  // Move a trailing short word down to the words it belongs to, when that still fits.
  for (let i = 0; i < lines.length - 1; i++) {
    const line = lines[i]!
    const last = line.at(-1)!
    if (line.length > 1 && LEADING.has(last.text.toLowerCase()) && join([last, ...lines[i + 1]!]).length <= LINE_CHARS) {
      lines[i + 1]!.unshift(line.pop()!)
    }
  }
  return lines.length > 0 ? lines.map(join) : ['']
}

/** Whether a label fits the chart in at most MAX_LINES lines. */
export const fits = (text: string) => splitLabel(text).length <= MAX_LINES
