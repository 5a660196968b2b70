import { h } from 'hastscript'
import type { Element } from 'hast'
import type { Paragraph, Root, RootContent } from 'mdast'
import type { ContainerDirective, LeafDirective } from 'mdast-util-directive'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { BREAKDOWN_IDS, type BreakdownId } from '../domain/breakdowns.js'
import { fixedFigures, type FigureKey } from '../domain/figures.js'
import { emit } from '../diagnostics/emit.js'
import { listValues, suggest } from '../diagnostics/suggest.js'
import { boundaryOf, inside, outsideProblem } from '../load/inside.js'
import { readText } from '../load/read.js'
import type { RenderContext } from './context.js'
import { breakdownTable, comparisonTable, datasetTable, seriesTable, vpTable } from './tables.js'
import { keepMarker, referenceMarker } from './sections.js'
import { ChartError, DRAW_LIMITS } from '../chart/worker.js'
import type { Dataset } from '../domain/dataset.js'
import { afterColon, spanText } from '../format/nl.js'

type Directive = ContainerDirective | LeafDirective
type Parse = (file: VFile, ctx: RenderContext) => Promise<Root>

interface Handler {
  kind: Directive['type']
  /** Attributes it needs, for the message when one is missing. */
  required: readonly string[]
  run: (node: Directive, file: VFile, ctx: RenderContext, parse: Parse) => Promise<RootContent[]>
}

/**
 * A placeholder that survives remark-rehype and sanitising; the trusted
 * block replaces it afterwards. Without a block (nothing to show) it only
 * records that figures were referred to, for leaving out empty sections.
 */
export function placeholder(ctx: RenderContext, block: Element | undefined): Paragraph {
  if (!block) return referenceMarker()
  ctx.blocks.push(block)
  return { type: 'paragraph', children: [], data: { hName: 'div', hProperties: { dataBlok: String(ctx.blocks.length - 1) }, cijfer: true } as Paragraph['data'] }
}

/** Sentences that tell figures, as a paragraph of text (never parsed as Markdown). */
const sentence = (text: string): Paragraph =>
  ({ type: 'paragraph', children: [{ type: 'text', value: text }], data: { cijfer: true } as Paragraph['data'] })

/** A note from the data (toelichting): the coördinator's own words, so it keeps its section. */
const note = (text: string): Paragraph =>
  ({ type: 'paragraph', children: [{ type: 'text', value: text }], data: { tekst: true } as Paragraph['data'] })

/**
 * Values a chart would draw: with fewer than two there is nothing to see, and
 * a sentence says it better. A chart over years without the report's own year
 * would show only other years' figures: it draws nothing.
 */
function drawnValues(dataset: Dataset, year: number): number {
  const withValue = dataset.rows.filter((r) => dataset.columns.slice(1).some((c) => c.field !== 'jaar' && typeof r[c.field] === 'number'))
  const byYear = dataset.columns.some((c) => c.field === 'jaar')
  if (byYear && !withValue.some((r) => r.jaar === String(year))) return 0
  return withValue.length
}

/**
 * A chart's caption: its title, then its description. A description that
 * starts with the title ("Casussen bij de vertrouwenspersonen: 3 in 2020, …")
 * is not preceded by it again: its first words become the title. Otherwise
 * the title ends as a sentence, so the two do not read as one run-on line.
 */
export function captionParts(title: string, description: string): [string, string] {
  const lead = title.replace(/\s*\([^()]*\)$/, '').replace(/[.?!:]$/, '')
  if (description.toLowerCase().startsWith(lead.toLowerCase()) && !/[\p{L}\d]/u.test(description[lead.length] ?? '')) {
    return [description.slice(0, lead.length), description.slice(lead.length)]
  }
  return [/[.?!:]$/.test(title) ? title : `${title}.`, ` ${description}`]
}

/** The figures of the Rotterdam comparison: each figure against the years before. */
const COMPARED: readonly FigureKey[] = [
  'meldingen.totaal', 'meldingen.intern', 'meldingen.extern', 'meldingen.onderzoeken', 'meldingen.onderzoeken_lijn',
  'meldingen.onderzoeken_intern', 'meldingen.onderzoeken_extern', 'meldingen.onderzoeken_afgerond', 'meldingen.gegrond', 'meldingen.ongegrond',
  'meldingen.maatregelen', 'meldingen.disciplinaire_ontslagen', 'meldingen.adviesvragen', 'meldingen.signalen', 'meldingen.websiteberichten',
  'vp.casussen', 'vp.meldingen', 'vp.uren',
]

const attr = (node: Directive, name: string) => node.attributes?.[name] ?? undefined

type UnknownName = 'sjabloon-grafiek-onbekend' | 'sjabloon-blok-onbekend' | 'sjabloon-figuur-onbekend' | 'sjabloon-verdeling-onbekend'

function checkName<T extends string>(file: VFile, node: Directive, value: string | undefined, allowed: readonly T[], rule: UnknownName): value is T {
  if (value && (allowed as readonly string[]).includes(value)) return true
  const found = value ?? ''
  emit(file, rule, { name: found, suggestion: suggest(found, allowed), allowed: listValues(allowed, 20) }, node.position)
  return false
}

const HANDLERS: Record<string, Handler> = {
  grafiek: {
    kind: 'leafDirective', required: ['naam'],
    async run(node, file, ctx) {
      const name = attr(node, 'naam')
      if (name && ctx.broken.has(name)) return []
      if (!checkName(file, node, name, [...ctx.specs.keys()], 'sjabloon-grafiek-onbekend')) return []
      const spec = ctx.specs.get(name)!
      const dataset = ctx.datasets.get(spec.dataName)!
      const values = drawnValues(dataset, ctx.model.year)
      if (values === 0) return [referenceMarker()]
      // One value: the chart's own description says it, when it names a number.
      if (values === 1) return [/\d/.test(dataset.describe) ? sentence(dataset.describe) : referenceMarker()]
      let chart: Awaited<ReturnType<RenderContext['renderChart']>>
      try {
        chart = await ctx.renderChart(spec, dataset)
      } catch (error) {
        if (!(error instanceof ChartError)) throw error
        const start = { start: { line: 1, column: 1 } }
        if (error.reason === 'fout') emit(spec.file, 'grafiek-render', { detail: error.message }, start)
        else emit(spec.file, 'grafiek-te-zwaar', { chart: name!, what: error.reason === 'tijd' ? `duurde langer dan ${DRAW_LIMITS.seconds} seconden` : `had meer dan ${DRAW_LIMITS.memoryMb} MB geheugen nodig` }, start)
        return []
      }
      for (const label of chart.unfit) emit(spec.file, 'grafiek-label-past-niet', { chart: name, label, year: ctx.model.year })
      const [title, description] = captionParts(chart.title, chart.description)
      // What the chart draws besides its bars is seen in it; the alternative text says it too.
      const [, caption] = captionParts(chart.title, dataset.caption ?? chart.description)
      // The name makes the figure's tag in the PDF carry the chart's Dutch text as alternative text.
      return [placeholder(ctx, h('figure', { className: ['grafiek'], ariaLabel: `${title}${description}` }, [
        // Sanitised and stringified once, when it was drawn (see svg.ts).
        { type: 'raw', value: chart.svg },
        h('figcaption', [h('span', { className: ['grafiek-titel'] }, title), h('span', { className: ['grafiek-beschrijving'] }, caption)]),
        h('details', [h('summary', 'Gegevens bij deze grafiek'), datasetTable(dataset, `Gegevens: ${chart.title}`)]),
      ]))]
    },
  },
  tabel: {
    kind: 'leafDirective', required: ['verdeling'],
    async run(node, file, ctx) {
      const id = attr(node, 'verdeling')
      if (!checkName<BreakdownId>(file, node, id, BREAKDOWN_IDS, 'sjabloon-verdeling-onbekend')) return []
      const b = ctx.model.breakdowns[id]
      if (!b.present) return [referenceMarker()]
      return [placeholder(ctx, breakdownTable(ctx.model, b))]
    },
  },
  'vp-tabel': {
    kind: 'leafDirective', required: [],
    async run(_node, _file, ctx) { return [placeholder(ctx, vpTable(ctx.model))] },
  },
  reeks: {
    kind: 'leafDirective', required: [],
    async run(node, file, ctx) {
      const key = attr(node, 'figuur') ?? 'meldingen.totaal'
      if (!checkName<FigureKey>(file, node, key, Object.keys(fixedFigures()) as FigureKey[], 'sjabloon-figuur-onbekend')) return []
      const points = key === 'meldingen.totaal' ? ctx.model.history : ctx.model.figures[key]!.window
      const label = fixedFigures()[key].label
      const shown = points.filter((p) => p.state === 'known').map((p) => p.year)
      return [placeholder(ctx, seriesTable(`${label} per jaar, ${spanText(shown)}`, label, points))]
    },
  },
  vergelijking: {
    kind: 'leafDirective', required: [],
    async run(_node, _file, ctx) {
      const m = ctx.model
      return [placeholder(ctx, comparisonTable(m, COMPARED.map((k) => m.figures[k]!), (years) => `Kengetallen ${years}`))]
    },
  },
  kengetallen: {
    kind: 'leafDirective', required: [],
    async run(_node, _file, ctx) {
      const m = ctx.model
      const notes = m.keyFigures.flatMap((f) => (m.notes[f.key] ? [note(`${f.label}: ${afterColon(m.notes[f.key]!)}`)] : []))
      return [placeholder(ctx, comparisonTable(m, m.keyFigures, (years) => `Overige kengetallen ${years}`)), ...notes]
    },
  },
  toelichting: {
    kind: 'leafDirective', required: ['bij'],
    async run(node, _file, ctx) {
      const text = ctx.model.notes[attr(node, 'bij')!]
      return text ? [note(text)] : []
    },
  },
  tekst: {
    kind: 'leafDirective', required: ['naam'],
    async run(node, _file, ctx, parse) {
      const texts = ctx.texts.get(attr(node, 'naam') ?? '') ?? []
      // In a report over several years, each year's text stands under its year, the earlier one first.
      const named = texts.length > 1 || texts.some((t) => t.year !== ctx.model.year)
      const out: RootContent[] = []
      for (const { year, file } of texts) {
        if (named) out.push({ type: 'paragraph', children: [{ type: 'strong', children: [{ type: 'text', value: `Over ${year}` }] }] })
        out.push(...(await parse(file, ctx)).children)
      }
      // The coördinator's own text keeps its section, whatever the figures.
      return out.map((c) => ({ ...c, data: { ...c.data, tekst: true } }) as unknown as RootContent)
    },
  },
  invoegen: {
    kind: 'leafDirective', required: ['bestand'],
    async run(node, file, ctx, parse) {
      const target = attr(node, 'bestand')!
      const found = inside(boundaryOf(ctx.root), target)
      const problem = 'problem' in found ? outsideProblem(ctx.root, found) : found.path.endsWith('.md') ? undefined : 'alleen Markdown-bestanden (.md) kunnen worden ingevoegd'
      if (problem !== undefined || 'problem' in found) {
        emit(file, 'sjabloon-invoegen', { target, problem: problem! }, node.position)
        return []
      }
      const { path } = found
      if (ctx.stack.includes(path)) {
        emit(file, 'sjabloon-invoegen', { target, problem: 'het bestand voegt zichzelf (via via) in' }, node.position)
        return []
      }
      const included = readText(path, boundaryOf(ctx.root))
      ctx.files.push(included)
      if (included.messages.length > 0) return []
      return (await parse(included, ctx)).children
    },
  },
  'altijd-tonen': {
    kind: 'leafDirective', required: [],
    async run() { return [keepMarker()] },
  },
  'zonder-cijfers': {
    kind: 'containerDirective', required: [],
    // Said only where its section is left out for want of figures, so the reader learns why the chapter is short.
    async run(node) { return (node as ContainerDirective).children.map((c) => ({ ...c, data: { ...c.data, zonder: true } }) as unknown as RootContent) },
  },
  als: {
    kind: 'containerDirective', required: [],
    async run(node, file, ctx) {
      const keep = condition(node, file, ctx)
      return keep ? (node as ContainerDirective).children : []
    },
  },
}

/** `:::als{figuur="x"}` keeps its content when x is known; with `veranderd` only when it changed. */
function condition(node: Directive, file: VFile, ctx: RenderContext): boolean {
  const figure = attr(node, 'figuur')
  const breakdown = attr(node, 'verdeling')
  const text = attr(node, 'tekst')
  if (figure !== undefined) {
    if (!checkName(file, node, figure, [...ctx.names.keys()].filter((n) => n.includes('.')), 'sjabloon-figuur-onbekend')) return false
    const f = ctx.model.figures[figure]!
    if (f.current.state !== 'known') return false
    if (attr(node, 'veranderd') !== undefined) return f.change.kind === 'value' && f.change.absolute !== 0
    if (attr(node, 'positief') !== undefined) return f.current.value! > 0
    return true
  }
  if (breakdown !== undefined) {
    if (!checkName<BreakdownId>(file, node, breakdown, BREAKDOWN_IDS, 'sjabloon-verdeling-onbekend')) return false
    return ctx.model.breakdowns[breakdown].present
  }
  if (text !== undefined) return ctx.texts.has(text)
  emit(file, 'sjabloon-blok-ongeldig', { name: 'als', problem: 'geef figuur="…", verdeling="…" of tekst="…" op' }, node.position)
  return false
}

/** Expand every directive in the tree, depth first, in document order. */
export async function expandDirectives(tree: Root, file: VFile, ctx: RenderContext, parse: Parse): Promise<void> {
  await expandChildren(tree as unknown as { children: RootContent[] }, file, ctx, parse)
}

async function expandChildren(parent: { children: RootContent[] }, file: VFile, ctx: RenderContext, parse: Parse): Promise<void> {
  const out: RootContent[] = []
  for (const child of parent.children) {
    if (child.type === 'leafDirective' || child.type === 'containerDirective') {
      const handler = HANDLERS[child.name]
      if (!handler || handler.kind !== child.type) {
        const allowed = Object.entries(HANDLERS).filter(([, hd]) => hd.kind === child.type).map(([n]) => n)
        checkName(file, child, child.name, allowed, 'sjabloon-blok-onbekend')
        continue
      }
      const missing = handler.required.filter((a) => !child.attributes?.[a])
      if (missing.length > 0) {
        emit(file, 'sjabloon-blok-ongeldig', { name: child.name, problem: `het attribuut ${missing.map((m) => `${m}="…"`).join(', ')} ontbreekt` }, child.position)
        continue
      }
      const replaced = await handler.run(child, file, ctx, parse)
      const holder = { children: replaced }
      await expandChildren(holder, file, ctx, parse)
      out.push(...holder.children)
      continue
    }
    if ('children' in child) await expandChildren(child as { children: RootContent[] }, file, ctx, parse)
    out.push(child)
  }
  parent.children = out
}

/**
 * "om 10:30", "Let op:dit" and "{{ x | meervoud:melding }}" parse as text
 * directives; no text directive exists, so they become plain text again,
 * merged with their neighbours before expressions are read.
 */
export function restoreTextDirectives(tree: Root): void {
  visit(tree, (node) => {
    if (!('children' in node)) return
    const out: RootContent[] = []
    for (const child of node.children as RootContent[]) {
      const pieces: RootContent[] = child.type === 'textDirective'
        ? [{ type: 'text', value: `:${child.name}` }, ...(child.children as RootContent[])]
        : [child]
      for (const piece of pieces) {
        const last = out[out.length - 1]
        if (piece.type === 'text' && last?.type === 'text') {
          last.value += piece.value
          if (last.position && piece.position) last.position.end = piece.position.end
        } else out.push(piece.type === 'text' ? { ...piece } : piece)
      }
    }
    ;(node as { children: RootContent[] }).children = out
  })
}
