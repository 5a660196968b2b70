import { splitLabel } from './labels.js'

let registered: Promise<void> | undefined

/**
 * The functions the tool adds to Vega's expression language, registered
 * once per thread: specs, also a project's own, can wrap any label with
 * `wrapLabel(datum.label)`.
 */
export function registerExpressionFunctions(): Promise<void> {
  registered ??= import('vega-functions').then(({ expressionFunction }) => {
    expressionFunction('wrapLabel', (text: unknown) => splitLabel(String(text ?? '')))
  })
  return registered
}
