import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { sanitize, type Schema } from 'hast-util-sanitize'
import { s } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'

const SVG_TAGS = ['svg', 'g', 'path', 'rect', 'line', 'circle', 'ellipse', 'polygon', 'polyline', 'text', 'tspan', 'title', 'desc', 'defs', 'clipPath', 'linearGradient', 'radialGradient', 'stop']
const SVG_ATTRIBUTES = [
  'className', 'id', 'd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'dx', 'dy', 'cx', 'cy', 'r', 'rx', 'ry', 'points',
  'width', 'height', 'viewBox', 'transform', 'display', 'opacity', 'fill', 'fillOpacity', 'stroke', 'strokeWidth',
  // hast's names (property-information): strokeDasharray would silently drop every dashed line.
  'strokeOpacity', 'strokeDashArray', 'strokeDashOffset', 'strokeLineCap', 'strokeLineJoin', 'strokeMiterLimit',
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

/**
 * A rendered chart as one accessible image: sanitised, its ids prefixed with
 * `id` (vega numbers them per process), vega's English ARIA on the marks gone
 * with the sanitiser, and a Dutch <title> and <desc> that label the <svg>.
 */
export function chartToHast(svg: string, id: string, title: string, description: string): Element {
  const root = svgToHast(svg)
  visit(root, 'element', (node: Element) => {
    const props = node.properties
    if (typeof props.id === 'string') props.id = `${id}-${props.id}`
    for (const [key, value] of Object.entries(props)) {
      if (typeof value === 'string' && value.startsWith('url(#')) props[key] = `url(#${id}-${value.slice('url(#'.length)}`
      // Any other reference (a colour from the data through an identity scale) would make the reader's browser fetch it.
      else if (typeof value === 'string' && /url\s*\(/i.test(value)) delete props[key]
    }
  })
  delete root.properties.role
  Object.assign(root.properties, { role: 'img', ariaLabelledBy: [`${id}-titel`, `${id}-beschrijving`] })
  root.children.unshift(s('title', { id: `${id}-titel` }, title), s('desc', { id: `${id}-beschrijving` }, description))
  return root
}

const stringifier = unified().use(rehypeStringify).freeze()

/** The chart as SVG text (for the golden files and anything outside a page). */
export const svgText = (tree: Element): string => stringifier.stringify({ type: 'root', children: [tree] })
