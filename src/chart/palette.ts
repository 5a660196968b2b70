import type { Dataset } from './datasets.js'

/**
 * Eight colours for categories in charts: each has at least 3:1 contrast on
 * white (WCAG 1.4.11) and every pair stays apart (CIELAB ΔE > 20) also as
 * seen with protanopia, deuteranopia and tritanopia. test/chart.test.ts
 * measures both.
 */
export const CATEGORY_PALETTE = ['#0072b2', '#ee6611', '#770055', '#777744', '#8800ff', '#553322', '#bb7788', '#222299'] as const

/** Fields whose values are years: coloured as shades of the theme, newest strongest. */
const YEAR_FIELDS = new Set(['jaar', 'huidig'])

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

/**
 * The colours for one chart. A chart coloured by year gets the theme's
 * colour for the newest (or "current") value and lighter ones before it; any
 * other colour field (an own chart by category) gets the category palette.
 */
export function paletteFor(spec: Record<string, unknown>, dataset: Dataset, theme: Palette): string[] {
  const fields = colourFields(spec)
  if (fields.size > 0 && ![...fields].every((f) => YEAR_FIELDS.has(f))) return [...theme.categories]
  const field = dataset.rows.some((r) => 'huidig' in r) ? 'huidig' : 'jaar'
  const years = new Set(dataset.rows.map((r) => r[field])).size
  const all = ['#7a7f87', theme.secondary, theme.primary]
  return years >= 3 ? all : all.slice(-Math.max(2, years))
}
