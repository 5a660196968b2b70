// What `jaarverslag dev` shows in the browser while the last save has errors:
// the messages as the terminal shows them (Dutch text, code frame, hint) over
// the last good page, and nothing once the errors are fixed.
import { h } from 'hastscript'
import rehypeStringify from 'rehype-stringify'
import { unified } from 'unified'

const BOX = 'position:fixed;inset:0;z-index:2147483647;overflow:auto;margin:0;padding:2rem;background:rgba(255,255,255,.97);color:#1a1a1a;font:16px/1.5 system-ui,sans-serif'
const PRE = 'white-space:pre-wrap;font:14px/1.45 ui-monospace,monospace;background:#fdf2f2;border-left:4px solid #b00020;padding:1rem'

/** The overlay itself, as a hast tree: the report is a text node, so a message quoting the data never becomes markup. */
export function overlay(report: string): string {
  const tree = h('div', { id: 'jaarverslag-fouten', role: 'alert', style: BOX }, [
    h('h1', { style: 'font-size:1.4rem;color:#b00020' }, 'De laatste wijziging bevat fouten'),
    h('p', 'Het verslag is niet opnieuw gemaakt; hieronder staat wat er mis is. Sla het verbeterde bestand op, dan verdwijnt deze melding.'),
    h('pre', { style: PRE }, report),
  ])
  return unified().use(rehypeStringify).stringify(h(null, [tree]))
}

/** A served HTML page with the overlay on top, or the overlay alone when there is no page yet. */
export function withOverlay(html: string | undefined, report: string): string {
  if (html === undefined) return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Fouten in het verslag</title></head><body>${overlay(report)}</body></html>`
  return html.replace('</body>', `${overlay(report)}</body>`)
}

/** The messages of a failed build from what it wrote to the terminal: from the first message on. */
export function reportText(lines: readonly string[]): string {
  const first = lines.findIndex((l) => /  (fout|waarschuwing)  /.test(l))
  return (first < 0 ? lines : lines.slice(first)).join('\n')
}
