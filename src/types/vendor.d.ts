// The NL Design System example theme ships its flat token list as CommonJS without types.
declare module '@nl-design-system-unstable/voorbeeld-design-tokens/dist/variables.cjs' {
  const tokens: Record<string, string>
  export default tokens
}
