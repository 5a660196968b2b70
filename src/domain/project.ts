import type { VFile } from 'vfile'
import type { Historie, Kengetallen, Meldingen, Organisatie, Verslagjaar, Vertrouwenspersonen } from '../types/data.js'
import type { Vocabularies } from './vocabularies.js'

/** One year folder's validated data, with its texts. */
export interface YearData {
  year: number
  meta: Verslagjaar
  meldingen?: Meldingen
  vertrouwenspersonen?: Vertrouwenspersonen
  kengetallen?: Kengetallen['kengetallen']
  texts: Map<string, VFile>
}

/** Validated data of a whole project: what aggregation starts from. */
export interface Project {
  root: string
  config: Organisatie
  vocabularies: Vocabularies
  history: Historie['jaren']
  /** Where historie.yaml's figures come from (its `bron`), for those that name no source of their own. */
  historySource: string | undefined
  years: YearData[]
  /** The logo from the theme, embedded. */
  logo: { src: string; alt: string } | undefined
}
