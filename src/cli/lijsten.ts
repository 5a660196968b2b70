import { BREAKDOWNS } from '../domain/breakdowns.js'
import { NATIONAL, VOCABULARY_KINDS, type VocabularyKind } from '../domain/vocabularies.js'
import { EXIT } from '../diagnostics/catalogue.js'
import type { CliOptions } from './args.js'
import type { Console } from './report.js'

export interface NationalList { kind: VocabularyKind | 'uren'; usedIn: string[]; values: readonly string[] }

/** Every national list with where its categories are written: for `jaarverslag lijsten` and docs/lijsten.md. */
export function nationalLists(): NationalList[] {
  return [
    ...VOCABULARY_KINDS.map((kind) => ({
      kind,
      usedIn: Object.values(BREAKDOWNS).filter((b) => b.vocabulary === kind).map((b) => `data/<jaar>/${b.file}.yaml onder ${b.path.join('.')}`),
      values: NATIONAL[kind],
    })),
    {
      kind: 'uren' as const,
      usedIn: ['data/<jaar>/vertrouwenspersonen.yaml onder uren.<groep>.<activiteit>'],
      values: NATIONAL.uren.flatMap((g) => g.activities.map((a) => `${g.id}.${a.id} (${g.label}: ${a.label})`)),
    },
  ]
}

/** `jaarverslag lijsten`: the categories, without reading source code. */
export function runLists(options: CliOptions, io: Console): number {
  if (options.json) {
    io.out(JSON.stringify({ ...Object.fromEntries(VOCABULARY_KINDS.map((k) => [k, NATIONAL[k]])), uren: NATIONAL.uren }, null, 2))
    return EXIT.ok
  }
  const blocks = nationalLists().map((l) => [
    `${l.kind}${l.usedIn.length ? ` (${l.usedIn.join('; ')})` : ''}:`,
    ...l.values.map((v) => `  ${v}`),
  ].join('\n'))
  io.out(`De landelijke lijsten. Een eigen lijst zet u onder vocabulaires in data/organisatie.yaml:
uitgangspunt landelijk voegt waarden toe, uitgangspunt eigen vervangt de lijst.

${blocks.join('\n\n')}`)
  return EXIT.ok
}
