import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { emit } from '../diagnostics/emit.js'

const SAFE_URL = /^(https?:|mailto:|#)/i

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
        if (!SAFE_URL.test(node.url.trim())) emit(file, 'sjabloon-link-onveilig', { url: node.url }, node.position)
        break
    }
  })
}
