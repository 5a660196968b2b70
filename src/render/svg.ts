import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { sanitize, type Schema } from 'hast-util-sanitize'

const SVG_TAGS = ['svg', 'g', 'path', 'rect', 'line', 'circle', 'ellipse', 'polygon', 'polyline', 'text', 'tspan', 'title', 'desc', 'defs', 'clipPath', 'linearGradient', 'radialGradient', 'stop']
const SVG_ATTRIBUTES = [
  'className', 'id', 'd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'dx', 'dy', 'cx', 'cy', 'r', 'rx', 'ry', 'points',
  'width', 'height', 'viewBox', 'transform', 'display', 'opacity', 'fill', 'fillOpacity', 'stroke', 'strokeWidth',
  'strokeOpacity', 'strokeDasharray', 'strokeDashoffset', 'strokeLinecap', 'strokeLinejoin', 'strokeMiterLimit',
  'fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'textAnchor', 'dominantBaseline', 'pointerEvents',
  'clipPath', 'offset', 'stopColor', 'stopOpacity', 'gradientUnits', 'version',
]

// Only shapes and text survive: no scripts, no foreignObject, no links,
// no event handlers, no styles. ids are kept (vega's ids are prefixed per chart).
const SCHEMA: Schema = {
  tagNames: SVG_TAGS,
  attributes: { '*': SVG_ATTRIBUTES, svg: [...SVG_ATTRIBUTES, 'role', 'ariaLabelledBy'] },
  clobber: [],
  protocols: {},
  strip: ['script', 'style', 'foreignObject'],
}

/** Parse a rendered chart's SVG into hast and keep only what a static chart needs. */
export function svgToHast(svg: string): Element {
  const tree = fromHtml(svg, { fragment: true, space: 'svg' })
  const clean = sanitize(tree, SCHEMA) as Root
  const root = clean.children.find((n): n is Element => n.type === 'element' && n.tagName === 'svg')
  if (!root) throw new Error('svgToHast: geen <svg> in de grafiek')
  return root
}
