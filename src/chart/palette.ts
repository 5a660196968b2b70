import { distinctDrawn } from './datasets.js'
import type { Dataset } from '../domain/dataset.js'

/**
 * Eight colours for categories in charts: each has at least 3:1 contrast on
 * white (WCAG 1.4.11) and every pair stays apart (CIELAB ΔE > 20) also as
 * seen with protanopia, deuteranopia and tritanopia. test/chart.test.ts
 * measures both.
 */
export const CATEGORY_PALETTE = ['#0072b2', '#ee6611', '#770055', '#777744', '#8800ff', '#553322', '#bb7788', '#222299'] as const

/** Fields whose values are years: coloured as shades of the theme, newest strongest. */
const YEAR_FIELDS = new Set(['jaar', 'periode', 'huidig'])

/** Every field a spec colours by, anywhere in its layers. */
function colourFields(node: unknown, found: Set<string> = new Set()): Set<string> {
  if (node === null || typeof node !== 'object') return found
  for (const [key, value] of Object.entries(node)) {
    const field = (value as { field?: unknown } | null)?.field
    if ((key === 'color' || key === 'fill') && typeof field === 'string') found.add(field)
    colourFields(value, found)
  }
  return found
}

export interface Palette { primary: string; secondary: string; categories: readonly string[] }

// CIELAB (D65) to and from sRGB, to set a colour's lightness: greyscale print and colour-blind eyes see lightness.
const WHITE = [0.95047, 1, 1.08883] as const
const toLinear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
const fromLinear = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055)

function toLab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => toLinear(parseInt(hex.slice(i, i + 2), 16) / 255)) as [number, number, number]
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116)
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / WHITE[0])
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b)
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / WHITE[2])
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)]
}

/** Linear sRGB of a CIELAB colour; channels outside 0–1 mean it is out of gamut. */
function labToLinear(l: number, a: number, b: number): [number, number, number] {
  const fy = (l + 16) / 116
  const inv = (t: number) => (t ** 3 > 216 / 24389 ? t ** 3 : (116 * t - 16) / (24389 / 27))
  const [x, y, z] = [inv(fy + a / 500) * WHITE[0], inv(fy) * WHITE[1], inv(fy - b / 200) * WHITE[2]]
  return [3.2406 * x - 1.5372 * y - 0.4986 * z, -0.9689 * x + 1.8758 * y + 0.0415 * z, 0.0557 * x - 0.204 * y + 1.057 * z]
}

/** The colour with lightness l and the hue of `hex`, its chroma at most `chroma` and lowered until it exists in sRGB. */
function withLightness(hex: string, l: number, chroma = Infinity): string {
  const [, a, b] = toLab(hex)
  for (let k = Math.min(1, chroma / (Math.hypot(a, b) || 1)); ; k *= 0.9) {
    const rgb = labToLinear(l, a * k, b * k)
    if (rgb.every((c) => c >= 0 && c <= 1) || k < 1e-3) {
      return `#${rgb.map((c) => Math.round(fromLinear(Math.min(1, Math.max(0, c))) * 255).toString(16).padStart(2, '0')).join('')}`
    }
  }
}

/** The colour of the opposite hue (CIELAB a* and b* negated) at chroma OLDER_CHROMA; a warm grey opposite a grey. */
function opposite(hex: string): string {
  const [l, a, b] = toLab(hex)
  const chroma = Math.hypot(a, b)
  const [oa, ob] = chroma < 1 ? [0, OLDER_CHROMA] : [(-a * OLDER_CHROMA) / chroma, (-b * OLDER_CHROMA) / chroma]
  const rgb = labToLinear(l, oa, ob)
  return `#${rgb.map((c) => Math.round(fromLinear(Math.min(1, Math.max(0, c))) * 255).toString(16).padStart(2, '0')).join('')}`
}

/** Lightness (CIELAB L*) of the oldest year: contrast 3.1:1 on white. */
const OLDEST_L = 60
/** Lightness of the newest year at most: the steps between years stay 12 or more for three years. */
const NEWEST_L = 35

/** Chroma of the earlier years at most: a muted tint keeps its lightness also as colour-blind eyes see it. */
const OLDER_CHROMA = 20

/**
 * Colours for n years, oldest first. The newest is the organisation's main
 * colour (darkened when it is lighter than NEWEST_L); earlier years take the
 * hue of the supporting colour at lightness steps up to OLDEST_L. So the
 * years differ in lightness, which greyscale print and colour-blind readers
 * see, and each keeps 3:1 contrast on white.
 */
export function yearColours(theme: Pick<Palette, 'primary' | 'secondary'>, n: number): string[] {
  const primaryL = toLab(theme.primary)[0]
  const newestL = Math.min(primaryL, NEWEST_L)
  const other = opposite(theme.secondary)
  // Counted back from the newest, every second earlier year takes the opposite hue: two neighbouring
  // earlier years differ in hue besides lightness, and never look like two shades of one grey.
  const older = Array.from({ length: Math.max(0, n - 1) }, (_, i) => withLightness((n - 1 - i) % 2 === 0 ? other : theme.secondary, OLDEST_L - ((OLDEST_L - newestL) * i) / (n - 1), OLDER_CHROMA))
  return [...older, primaryL > NEWEST_L ? withLightness(theme.primary, NEWEST_L) : theme.primary]
}

/**
 * The colours for one chart. A chart coloured by year gets a colour for
 * each year it draws (see yearColours); any other colour field (an own
 * chart by category) gets the category palette.
 */
export function paletteFor(spec: Record<string, unknown>, dataset: Dataset, theme: Palette): string[] {
  const fields = colourFields(spec)
  if (fields.size > 0 && ![...fields].every((f) => YEAR_FIELDS.has(f))) return [...theme.categories]
  // Both values of 'huidig', also when the current year has no figure: its scale names both, so the
  // earlier years keep their colour instead of taking the current year's.
  if (dataset.rows.some((r) => 'huidig' in r)) return yearColours(theme, new Set(dataset.rows.map((r) => r.huidig)).size)
  return yearColours(theme, distinctDrawn(dataset, 'jaar'))
}
