// Orderings that do not depend on the machine's locale: the same input gives
// the same output everywhere (String#localeCompare follows LANG).

/** Code-unit order, for paths and keys. */
export const compareText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Dutch alphabetical order, for words a reader sees. */
export const dutch = new Intl.Collator('nl-NL')
