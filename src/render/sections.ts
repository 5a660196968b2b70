import type { Paragraph, Root, RootContent } from 'mdast'

// A section (a heading and what follows up to the next heading of the same
// or a higher level) that refers to figures but shows none of them is left
// out, so a municipality without VP figures gets no empty VP chapter, and the
// table of contents follows. A section without any figure (plain text) stays;
// ::altijd-tonen keeps a section whatever its figures. What :::zonder-cijfers
// holds is shown only in place of a section left out that way: its heading
// stays, with that text ("Over 2015 zijn geen cijfers over meldingen bekend.").

/** What a node says about the figures: set by expressions and blocks while the template is expanded. */
interface Marks { cijfer?: boolean; verwijzing?: boolean; altijd?: boolean; tekst?: boolean; zonder?: boolean }

const marks = (node: { data?: unknown }): Marks => (node.data ?? {}) as Marks

/** An empty paragraph that records that a block referred to figures but had nothing to show. */
export const referenceMarker = (): Paragraph => ({ type: 'paragraph', children: [], data: { verwijzing: true } as Paragraph['data'] })

/** The marker ::altijd-tonen leaves in its section. */
export const keepMarker = (): Paragraph => ({ type: 'paragraph', children: [], data: { altijd: true } as Paragraph['data'] })

function some(node: RootContent, test: (m: Marks) => boolean | undefined): boolean {
  if (test(marks(node))) return true
  return 'children' in node && (node.children as RootContent[]).some((c) => some(c, test))
}

const tellsFigure = (n: RootContent) => some(n, (m) => m.cijfer || m.tekst)
const refersToFigure = (n: RootContent) => some(n, (m) => m.cijfer || m.verwijzing)
const forced = (n: RootContent) => some(n, (m) => m.altijd)

/** A paragraph with nothing left to read: every sentence in it was left out. */
function isEmpty(node: RootContent): boolean {
  if (node.type !== 'paragraph' || (node.data as { hProperties?: unknown } | undefined)?.hProperties) return false
  return node.children.every((c) => c.type === 'text' && c.value.trim() === '')
}

function prune(nodes: readonly RootContent[]): RootContent[] {
  const out: RootContent[] = []
  let i = 0
  while (i < nodes.length) {
    const node = nodes[i]!
    if (node.type !== 'heading') {
      out.push(node)
      i++
      continue
    }
    let end = i + 1
    while (end < nodes.length && !(nodes[end]!.type === 'heading' && (nodes[end] as { depth: number }).depth <= node.depth)) end++
    const all = prune(nodes.slice(i + 1, end))
    const instead = all.filter((n) => marks(n).zonder)
    const body = all.filter((n) => !marks(n).zonder)
    const visible = body.some((n) => !isEmpty(n))
    const keep = body.some(forced) || (visible && (body.some(tellsFigure) || !body.some(refersToFigure)))
    if (keep) out.push(node, ...body)
    else if (instead.length > 0) out.push(node, ...instead)
    i = end
  }
  return out
}

/** Leave out sections without figures to show, then the markers and the paragraphs that ended up empty. */
export function pruneSections(tree: Root): void {
  tree.children = prune(tree.children).filter((n) => !isEmpty(n))
  for (const node of tree.children) tidySpaces(node)
}

/** Sentences left out between others leave double spaces and spaces at the edges of a paragraph. */
function tidySpaces(node: RootContent): void {
  if (node.type !== 'paragraph') return
  for (const child of node.children) if (child.type === 'text') child.value = child.value.replace(/ {2,}/g, ' ')
  const first = node.children[0]
  const last = node.children.at(-1)
  if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '')
  if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '')
}
