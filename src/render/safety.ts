import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { emit } from '../diagnostics/emit.js'

/** The one link rule; README, docs/sjablonen.md and the error message name these (a test checks). */
export const LINK_SCHEMES = ['https:', 'http:', 'mailto:', '#'] as const
const isSafeUrl = (url: string) => LINK_SCHEMES.some((s) => url.toLowerCase().startsWith(s))

/**
 * Prose and templates are Markdown only: raw HTML, images and links other
 * than web, mail and in-page links are refused with their position. The
 * page is published on a municipal site; nothing in it may run or fetch.
 */
export function checkSafety(tree: Root, file: VFile): void {
  visit(tree, (node) => {
    switch (node.type) {
      case 'html': {
        const found = node.value.trim().slice(0, 40)
        if (!/^<!--[\s\S]*-->$/.test(node.value.trim())) emit(file, 'sjabloon-html', { found }, node.position)
        break
      }
      case 'image': case 'imageReference':
        emit(file, 'sjabloon-afbeelding', { url: node.type === 'image' ? node.url : node.identifier }, node.position)
        break
      case 'link': case 'definition':
        if (!isSafeUrl(node.url.trim())) emit(file, 'sjabloon-link-onveilig', { url: node.url }, node.position)
        break
    }
  })
}
