// vega-functions ships no types: the two parts of it the tool uses.
declare module 'vega-functions' {
  /** Register a function with Vega's expression language (the same registry as vega.expressionFunction). */
  export function expressionFunction(name: string, fn: (...args: never[]) => unknown): void
  /** Vega's expression code generator: throws on what the language does not allow; `functions` is its whitelist. */
  export const codeGenerator: ((ast: unknown) => { code: string; globals: string[]; fields: string[] }) & { functions: Record<string, unknown> }
}
