import type { VFile } from 'vfile'
import { VFileMessage } from 'vfile-message'
import { catalogue, FRAME, type ArgsOf, type RuleId } from './catalogue.js'

export interface Point { line: number; column: number }
export interface Place { start: Point; end?: Point }

export interface EmitOptions {
  /** Another place that takes part in the problem ("the same total stated there"). */
  note?: string
  /** A second place the code frame shows, such as where the parser noticed a cause found elsewhere. */
  also?: { place: Point; label: string }
  /** Errors left out because they follow from this one. */
  followOns?: number
}

/**
 * Record a problem in user content as data on the file, the vfile way:
 * position, rule id and a Dutch reason; `fatal` marks an error.
 */
export function emit<R extends RuleId>(
  file: VFile,
  ruleId: R,
  args: ArgsOf<R>,
  place?: Place,
  options: EmitOptions = {},
): VFileMessage {
  const entry = catalogue[ruleId]
  const reason = (entry.message as (a: ArgsOf<R>) => string)(args)
  const message = file.message(reason, {
    ruleId,
    source: 'jaarverslag',
    ...(place ? { place: place.end ? { start: place.start, end: place.end } : place.start } : {}),
    // The vfile way to nest a related place: the cause is itself a positioned message.
    ...(options.also ? { cause: new VFileMessage(options.also.label, { place: options.also.place }) } : {}),
  })
  message.fatal = entry.severity === 'fout'
  message.note = [entry.hint, options.note, options.followOns ? FRAME.followOns(options.followOns) : ''].filter(Boolean).join('\n')
  return message
}

export const isError = (m: VFileMessage): boolean => m.fatal === true

export const hasErrors = (files: readonly VFile[]): boolean =>
  files.some((f) => f.messages.some(isError))

/** With --strict, warnings count as errors. */
export function promoteWarnings(files: readonly VFile[]): void {
  for (const f of files) for (const m of f.messages) if (m.fatal === false) m.fatal = true
}
