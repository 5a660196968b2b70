import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast'
import type { Root } from 'mdast'
import GithubSlugger from 'github-slugger'
import { toString } from 'hast-util-to-string'
import rehypeSanitize, { defaultSchema } from 'rehype-sanitize'
import remarkDirective from 'remark-directive'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import { unified } from 'unified'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import type { RenderContext } from './context.js'
import { expandDirectives, restoreTextDirectives } from './directives.js'
import { replaceExpressions } from './expressions.js'
import { checkSafety } from './safety.js'
import { pruneSections } from './sections.js'

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze()

// The placeholder for a trusted block is the only attribute added to GitHub's schema.
const schema = { ...defaultSchema, attributes: { ...defaultSchema.attributes, div: [...(defaultSchema.attributes?.div ?? []), 'dataBlok'] } }
const toHast = unified().use(remarkRehype).use(rehypeSanitize, schema).freeze()

/**
 * Markdown to mdast with the data filled in: safety checks, then {{ … }}
 * values as text, then blocks and includes (which are processed the same
 * way, each with its own file for positions).
 */
export async function parseMarkdown(file: VFile, ctx: RenderContext): Promise<Root> {
  const tree = parser.parse(file)
  checkSafety(tree, file)
  restoreTextDirectives(tree)
  replaceExpressions(tree, file, ctx.names)
  ctx.stack.push(file.path)
  try {
    await expandDirectives(tree, file, ctx, parseMarkdown)
  } finally {
    ctx.stack.pop()
  }
  return tree
}

/** The body of the report as hast: sanitised prose with the trusted blocks put in place. */
export async function renderBody(template: VFile, ctx: RenderContext): Promise<HastRoot> {
  const mdast = await parseMarkdown(template, ctx)
  pruneSections(mdast)
  const hast = (await toHast.run(mdast, template)) as HastRoot
  insertBlocks(hast, ctx)
  addHeadingIds(hast)
  return hast
}

function insertBlocks(tree: HastRoot, ctx: RenderContext): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    const id = node.properties?.dataBlok
    if (id === undefined || !parent || index === undefined) return
    const block = ctx.blocks[Number(id)]
    if (!block) return
    const replacement = (Array.isArray(block) ? block : [block]) as ElementContent[]
    ;(parent.children as HastContent[]).splice(index, 1, ...replacement)
    return index + replacement.length
  })
}

/** Stable ids for headings, for the table of contents and the PDF's links. */
function addHeadingIds(tree: HastRoot): void {
  const slugger = new GithubSlugger()
  visit(tree, 'element', (node: Element) => {
    if (/^h[1-6]$/.test(node.tagName)) node.properties = { ...node.properties, id: slugger.slug(toString(node)) }
  })
}
