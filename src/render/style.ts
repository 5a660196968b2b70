import { readFileSync } from 'node:fs'
import TOKENS from '@nl-design-system-unstable/voorbeeld-design-tokens/dist/variables.cjs'
import { vendorFile } from '../package.js'

// TOKENS: NL Design System "basis" tokens from the example theme (EUPL-1.2); the organisation's colour overrides the accent.

const USED = [
  'basisTextFontSizeMd', 'basisTextFontSizeLg', 'basisTextFontSizeXl', 'basisTextFontSize2xl', 'basisTextLineHeightMd',
  'basisColorDefaultBgDocument', 'basisColorDefaultBgSubtle', 'basisColorDefaultBgDefault', 'basisColorDefaultBorderSubtle',
  'basisColorDefaultBorderDefault', 'basisColorDefaultColorDocument', 'basisColorDefaultColorSubtle',
  'basisFocusOutlineColor', 'basisFocusOutlineWidth', 'basisFocusOutlineStyle', 'basisSpaceBlockMd', 'basisSpaceBlockLg', 'basisSpaceBlockXl',
] as const

const kebab = (s: string) => s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').replace(/([a-z])([0-9])/g, '$1-$2').toLowerCase()

/** The embedded Noto Sans faces, also used to warm the browser up before the first print. */
export const fontFaces = (): string => `${font(400)}${font(700)}`

function font(weight: 400 | 700): string {
  const file = vendorFile(`@fontsource/noto-sans/files/noto-sans-latin-${weight}-normal.woff2`)
  return `@font-face{font-family:"Noto Sans";font-style:normal;font-weight:${weight};font-display:swap;src:url(data:font/woff2;base64,${readFileSync(file).toString('base64')}) format("woff2")}`
}

/** The printed page's margins, and the report's type size in print (points): landscape.ts and the contents' page numbers use them too. */
export const PAGE_MARGIN_MM = { top: 22, right: 18, bottom: 20 } as const
export const PRINT_TEXT_PT = 10.5
/** The fewest lines of a paragraph on either side of a page break (orphans and widows). */
export const KEEP_LINES = 3
/** The browser's own body margin (8 px) stays inside the page margins: the text column is narrower by this much each side. */
export const BODY_MARGIN_PT = 6
/** The colour of the report's text. */
export const TEXT_COLOUR = TOKENS.basisColorDefaultColorDocument!

export interface StyleTheme { primary: string; secondary: string }

/** A CSS string literal; `<` is escaped too, so data can never close the <style> element. */
export const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/</g, '\\3C ').replace(/\r?\n/g, '\\A ')}"`

/**
 * Tables in print fit the text column: headers and names wrap, numbers do
 * not; a table of six or more columns gets a smaller type step. A table
 * that would not fit a portrait page even so (marked "liggend" by
 * landscape.ts) gets a landscape page, with the heading and intro just
 * above it and, when it is the last, the source line below it (a page of
 * another size breaks before it, whatever break-before:avoid asks). The
 * heading starts that page without its top margin and the rows there are
 * set closer, as a landscape page is short: a heading, its intro and twelve
 * rows with their total and note fit one (the example's soort kwestie),
 * where with the portrait spacing the short table split 10/3. A table of
 * up to twelve rows and its total ("kort", tables.ts) is never split; a longer
 * one repeats its header row, never splits a row, keeps its caption and
 * header with the first three rows and its last three rows together (so
 * neither page holds fewer than three), its total with the two rows above
 * and its notes with its last row. The paragraph just before a table
 * introduces it and keeps with its caption, so a heading and its intro do
 * not end the page before their table.
 */
const printTables = `@page wide{size:A4 landscape}
.jaarverslag .tabel{overflow:visible;background:none}
.jaarverslag th,.jaarverslag td{overflow-wrap:break-word;hyphens:auto}
.jaarverslag thead th.getal{white-space:normal}
.jaarverslag .tabel:has(tr>:nth-child(6)) table{font-size:9pt}
.jaarverslag .tabel.liggend,.jaarverslag :is(h2,h3,h4):has(+.tabel.liggend,+p+.tabel.liggend),.jaarverslag p:has(+.tabel.liggend),.jaarverslag .tabel.liggend+footer{page:wide}
.jaarverslag :is(h2,h3,h4):not(.tabel.liggend+*):has(+.tabel.liggend,+p+.tabel.liggend){margin-top:0}
.jaarverslag .tabel.liggend :is(th,td){padding-block:.2rem}
.jaarverslag thead{display:table-header-group}
.jaarverslag caption{break-after:avoid}
.jaarverslag .voetnoot{break-before:avoid}
.jaarverslag .tabel.kort{break-inside:avoid}
.jaarverslag p:has(+.tabel){break-after:avoid}
.jaarverslag tbody:first-of-type tr:first-child,.jaarverslag tbody tr:nth-child(-n+3),.jaarverslag tr.totaal,.jaarverslag tr:has(+tr.totaal),.jaarverslag tr.subtotaal,.jaarverslag tr:has(+tr.subtotaal),.jaarverslag tbody:last-of-type tr:nth-last-child(-n+2){break-before:avoid}`

/**
 * A box that scrolls sideways shows a shadow at the edge where more is
 * hidden (the light covers move with the content, the shadows stay): on a
 * phone a wide table's last columns are seen to be there.
 */
const SCROLL_CUE = 'background:' + [
  'linear-gradient(to right,var(--basis-color-default-bg-document) 30%,transparent) left/2rem 100% no-repeat local',
  'linear-gradient(to left,var(--basis-color-default-bg-document) 30%,transparent) right/2rem 100% no-repeat local',
  'radial-gradient(farthest-side at 0 50%,rgb(0 0 0/.3),transparent) left/.75rem 100% no-repeat scroll',
  'radial-gradient(farthest-side at 100% 50%,rgb(0 0 0/.3),transparent) right/.75rem 100% no-repeat scroll',
].join(',')

/** The smallest text a chart may show on a phone, in CSS px. */
export const PHONE_TEXT_PX = 12

/**
 * On a phone a chart is not shrunk below the width at which its smallest
 * text is PHONE_TEXT_PX: its figure scrolls sideways instead, with the
 * cue tables have. `charts` are the drawn charts, by their aria-labelledby.
 */
export function phoneChartCss(charts: readonly { labelledBy: string; width: number; smallestText: number }[]): string {
  const rules = charts.map((c) => `.jaarverslag svg[aria-labelledby=${cssString(c.labelledBy)}]{min-width:${Math.ceil((c.width * PHONE_TEXT_PX) / c.smallestText)}px}`)
  if (rules.length === 0) return ''
  // The chart's own white background would hide the cue.
  return `@media screen and (max-width:30rem){.jaarverslag figure.grafiek{overflow-x:auto;${SCROLL_CUE}}\n.jaarverslag figure.grafiek svg>rect:first-of-type{fill:transparent}\n${rules.join('\n')}}\n`
}

/** A draft says so on every printed page, cover included; the margin box is an artifact in the tagged PDF. */
const CONCEPT_MARK = '@page{@top-right{content:"CONCEPT";font-family:"Noto Sans",sans-serif;font-size:14pt;font-weight:700;letter-spacing:.15em;color:#a00000}}'

/**
 * The report's CSS, scoped under .jaarverslag so the fragment can live in a
 * CMS page. Fonts are embedded: the page loads nothing from elsewhere and
 * every machine prints the same PDF. In print a list of up to six items is
 * never split; a longer one keeps its first two items with the sentence
 * introducing it and never leaves its last item alone on a page (the
 * ambitions' last line was a page of its own). The list just before the
 * source line may split all the same: Chromium keeps the source line with
 * the last items, but will not move a list that may not split to do so.
 * A paragraph leaves at least KEEP_LINES lines on each page; one too short
 * for that ("kort", paragraphs.ts) is not split.
 */
export function reportCss(theme: StyleTheme, runningHeader: string, concept = false): string {
  const tokens = USED.map((k) => `--${kebab(k)}:${TOKENS[k]};`).join('')
  return `${fontFaces()}
.jaarverslag{${tokens}--jv-primair:${theme.primary};--jv-steun:${theme.secondary};
font-family:"Noto Sans",Arial,sans-serif;font-size:var(--basis-text-font-size-md);line-height:var(--basis-text-line-height-md);
color:var(--basis-color-default-color-document);background:var(--basis-color-default-bg-document);max-width:50rem;margin:0 auto;padding:0 1rem 3rem}
.jaarverslag h1,.jaarverslag h2,.jaarverslag h3{color:var(--jv-primair);line-height:1.25}
.jaarverslag h1{font-size:var(--basis-text-font-size-2xl)}
.jaarverslag h2{font-size:var(--basis-text-font-size-xl);margin-top:2.5rem;border-bottom:2px solid var(--jv-primair);padding-bottom:.25rem}
.jaarverslag h3{font-size:var(--basis-text-font-size-lg)}
.jaarverslag a{color:var(--jv-primair);text-decoration:underline}
.jaarverslag a:focus-visible,.jaarverslag summary:focus-visible{outline:var(--basis-focus-outline-width) var(--basis-focus-outline-style) var(--basis-focus-outline-color);outline-offset:2px}
.jaarverslag .overslaan{position:absolute;left:-999rem}
.jaarverslag .overslaan:focus{position:static;display:inline-block;padding:.5rem;background:#fff}
.jaarverslag .omslag{border-left:.5rem solid var(--jv-primair);padding:1.5rem 1.5rem 1rem;margin:1.5rem 0;background:var(--basis-color-default-bg-subtle)}
.jaarverslag .omslag .logo{display:block;max-height:4rem;max-width:14rem;margin-bottom:1rem}
.jaarverslag .omslag .organisatie{font-size:var(--basis-text-font-size-lg);margin:0}
.jaarverslag .omslag h1{margin:.25rem 0 .5rem}
.jaarverslag .concept-banner{background:#a00000;color:#fff;font-weight:700;padding:.75rem 1rem;margin:1rem 0 0;border-radius:.25rem}
.jaarverslag .status-concept{display:inline-block;border:2px solid #a00000;color:#a00000;font-weight:700;padding:0 .5rem;text-transform:uppercase;letter-spacing:.05em}
.jaarverslag nav.inhoud ol{padding-left:1.25rem}
.jaarverslag .tabel{overflow-x:auto;margin:1rem 0;${SCROLL_CUE}}
.jaarverslag nav.publicatie ul{list-style:none;padding:0;margin:1rem 0;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem}
.jaarverslag table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
.jaarverslag caption{text-align:left;font-weight:700;padding:.25rem 0}
.jaarverslag th,.jaarverslag td{border-bottom:1px solid var(--basis-color-default-border-subtle);padding:.3rem .5rem;text-align:left;vertical-align:top}
.jaarverslag thead th{border-bottom:2px solid var(--basis-color-default-border-default)}
.jaarverslag th[scope=row]{font-weight:400}
.jaarverslag .getal{text-align:right;white-space:nowrap}
.jaarverslag tr.sectie th{background:var(--basis-color-default-bg-default);font-weight:700}
.jaarverslag tr.subtotaal th,.jaarverslag tr.subtotaal td,.jaarverslag tr.totaal th,.jaarverslag tr.totaal td{font-weight:700}
.jaarverslag tr.samen th,.jaarverslag tr.samen td{font-style:italic}
.jaarverslag tr.samen{break-before:avoid}
.jaarverslag .voetnoot{font-size:.875rem;color:var(--basis-color-default-color-subtle)}
.jaarverslag figure.grafiek{margin:1.5rem 0}
.jaarverslag figure.grafiek svg{max-width:100%;height:auto}
.jaarverslag figcaption .grafiek-titel{font-weight:700}
.jaarverslag details{margin-top:.5rem}
.jaarverslag summary{cursor:pointer;color:var(--jv-primair)}
.jaarverslag footer{margin-top:3rem;font-size:.875rem;color:var(--basis-color-default-color-subtle)}
@media print{
@page{size:A4;margin:${PAGE_MARGIN_MM.top}mm ${PAGE_MARGIN_MM.right}mm ${PAGE_MARGIN_MM.bottom}mm;
@top-left{content:${cssString(runningHeader)};font-family:"Noto Sans",sans-serif;font-size:8pt;color:#444}
@bottom-right{content:"pagina " counter(page) " van " counter(pages);font-family:"Noto Sans",sans-serif;font-size:8pt;color:#444}}
@page:first{@top-left{content:none}@bottom-right{content:none}}${concept ? CONCEPT_MARK : ''}
.jaarverslag{max-width:none;padding:0;font-size:${PRINT_TEXT_PT}pt}
.jaarverslag .overslaan,.jaarverslag details,.jaarverslag .concept-banner,.jaarverslag nav.publicatie{display:none}
.jaarverslag .omslag{box-sizing:border-box;height:240mm;margin:0;break-after:page;border-left-width:3mm;padding-top:70mm}
.jaarverslag nav.inhoud[data-eigen-pagina]{break-after:page}
.jaarverslag nav.inhoud ol ol{margin:0}
.jaarverslag nav.inhoud[data-eigen-pagina] li.hoofdstuk>a{font-weight:700}
.jaarverslag footer{break-before:avoid}
.jaarverslag nav.inhoud li{padding-right:3em}
.jaarverslag main>h2:first-child{margin-top:0}
.jaarverslag :is(h2,h3,h4){break-after:avoid;break-inside:avoid}
.jaarverslag figure,.jaarverslag tr,.jaarverslag li,.jaarverslag .omslag{break-inside:avoid}
.jaarverslag p{orphans:${KEEP_LINES};widows:${KEEP_LINES}}
.jaarverslag p.kort{break-inside:avoid}
.jaarverslag main :is(ul,ol):not(:has(>li:nth-child(7))):not(:has(+footer)){break-inside:avoid}
.jaarverslag main li:nth-child(-n+2),.jaarverslag main li:last-child{break-before:avoid}
${printTables}
.jaarverslag a{color:inherit}}
`
}
