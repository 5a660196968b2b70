import { emit } from '../diagnostics/emit.js'
import type { Project } from '../domain/project.js'

/** Every placeholder sentence that init and nieuw-jaar write ends with this; no own text does. */
const MARKER = '(voorbeeldtekst van jaarverslag)'

/**
 * Every text the standard template reads, in its order, with what belongs
 * there: init writes each, and docs/gegevens.md lists them.
 */
export const TEXT_SECTIONS: Readonly<Record<string, string>> = {
  voorwoord: 'het voorwoord, bijvoorbeeld van de burgemeester of de gemeentesecretaris',
  inleiding: 'de inleiding: wat dit verslag beschrijft en hoe het integriteitsbeleid was ingericht',
  bestuurlijk: 'over de bestuurlijke integriteit: raad en college, bijvoorbeeld gesprekken met raadsleden en de eed of belofte',
  preventie: 'wat de organisatie deed om integriteit te bevorderen: beleid, trainingen, voorlichting',
  duiding: 'de duiding van de cijfers: wat valt op, en wat betekent het',
  vertrouwenspersonen: 'het verslag van de vertrouwenspersonen: wat zij deden en zagen, en wat zij aanbevelen',
  ambities: 'de ambities voor het volgende jaar',
  'tot-slot': 'een afsluitend woord',
}

/** The scaffold text of one text file of a year. */
export const placeholderText = (name: string, year: number): string =>
  `Schrijf hier ${TEXT_SECTIONS[name] ?? `de tekst '${name}'`} (${year}). ${MARKER}\n`

/**
 * Scaffold text left in place would be published as it is: a warning while
 * the year is a concept (an error with --strict), always an error once it
 * is definitief.
 */
export function checkPlaceholders(project: Project): void {
  for (const year of project.years) {
    const final = year.meta.status === 'definitief'
    for (const [name, file] of year.texts) {
      const lines = String(file.value).split(/\r?\n/)
      const index = lines.findIndex((l) => l.includes(MARKER))
      if (index < 0) continue
      const place = { start: { line: index + 1, column: 1 } }
      emit(file, final ? 'tekst-voorbeeld-definitief' : 'tekst-voorbeeld', { name }, place)
    }
  }
}
