import { posix } from 'node:path'
import { sha256 } from '../hash.js'
import type { Organisatie } from '../types/data.js'

/** The licences the open data can carry, by the name organisatie.yaml uses, as the URIs of DCAT-AP-DONL's list. */
export const LICENCES = {
  'CC0 1.0': 'http://creativecommons.org/publicdomain/zero/1.0/deed.nl',
  'CC-BY 4.0': 'http://creativecommons.org/licenses/by/4.0/deed.nl',
} as const satisfies Record<NonNullable<NonNullable<Organisatie['publicatie']>['licentie']>, string>

/** The name of the JSON-LD description in every open-data folder. */
export const METADATA_FILE = 'metadata.json'

// Value lists of DCAT-AP-DONL 2.0: language (EU MDR), theme (OWMS taxonomie beleidsagenda), dataset status,
// file type (EU MDR) and media type (IANA); checksum algorithm from SPDX.
const DUTCH = 'http://publications.europa.eu/resource/authority/language/NLD'
const THEMES = ['http://standaarden.overheid.nl/owms/terms/Bestuur', 'http://standaarden.overheid.nl/owms/terms/Organisatie_en_beleid']
const AVAILABLE = 'http://data.overheid.nl/status/beschikbaar'
const ANNUAL = 'http://publications.europa.eu/resource/authority/frequency/ANNUAL'
const FORMATS = {
  csv: { format: 'http://publications.europa.eu/resource/authority/file-type/CSV', mediaType: 'http://www.iana.org/assignments/media-types/text/csv' },
  json: { format: 'http://publications.europa.eu/resource/authority/file-type/JSON', mediaType: 'http://www.iana.org/assignments/media-types/application/json' },
  csvw: { format: 'http://publications.europa.eu/resource/authority/file-type/JSON', mediaType: 'http://www.iana.org/assignments/media-types/application/csvm+json' },
} as const

/**
 * The JSON-LD context, inline so that no processor has to fetch anything:
 * prefixes, Dutch as the language of text, and which properties hold an IRI
 * or a typed value.
 */
export const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  adms: 'http://www.w3.org/ns/adms#',
  owl: 'http://www.w3.org/2002/07/owl#',
  spdx: 'http://spdx.org/rdf/terms#',
  wdrs: 'http://www.w3.org/2007/05/powder-s#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  '@language': 'nl',
  ...Object.fromEntries([
    'dct:license', 'dct:language', 'dct:format', 'dct:accrualPeriodicity', 'dct:conformsTo', 'dcat:theme', 'dcat:mediaType',
    'dcat:accessURL', 'dcat:downloadURL', 'dcat:landingPage', 'adms:status', 'spdx:algorithm', 'vcard:hasEmail', 'vcard:hasURL', 'wdrs:describedby',
  ].map((p) => [p, { '@type': '@id' }])),
  ...Object.fromEntries(['dct:issued', 'dct:modified', 'dcat:startDate', 'dcat:endDate'].map((p) => [p, { '@type': 'xsd:date' }])),
  'dct:identifier': { '@language': null },
  'owl:versionInfo': { '@language': null },
  'dcat:byteSize': { '@type': 'xsd:decimal' },
  'spdx:checksumValue': { '@type': 'xsd:hexBinary' },
}

/** What the metadata says of one data set; dates come from meta.yaml, never from the clock. */
export interface DatasetText {
  /** The data set's folder in the output, e.g. '2024/data/' or 'data/'. */
  folder: string
  title: string
  description: string
  temporal: { start: string; end: string }
  issued?: string | undefined
  modified?: string | undefined
  /** 'concept', 'definitief', 'definitief, herzien op …' */
  version: string
  versionNotes?: string | undefined
  /** The page that shows the data, from the output folder. */
  landingPage: string
  /** A data set that grows every year (the one over all years). */
  annual?: boolean
}

/** A file of the data set, with what it holds. */
export interface DataFile { name: string; title: string; description: string; kind: keyof typeof FORMATS; content: string }

/** The base URL with exactly one slash at its end, or undefined. */
export const baseUrlOf = (publication: Organisatie['publicatie']): string | undefined =>
  publication?.basis_url?.replace(/\/*$/, '/')

/**
 * A DCAT-AP-DONL description of one data set as JSON-LD: the data set with
 * its publisher, contact point, licence, language, theme and period, and
 * every file as a distribution with its URLs, formats, size and SHA-256
 * checksum. With a base URL every URL is absolute; without one they are
 * relative to this file (the build warns).
 */
export function dcatMetadata(dataset: DatasetText, files: readonly DataFile[], organisation: string, publication: Organisatie['publicatie']) {
  const base = baseUrlOf(publication)
  const url = (path: string) => (base ? base + path : posix.relative(dataset.folder, path) || './')
  const licence = LICENCES[publication?.licentie ?? 'CC0 1.0']
  const id = `${url(dataset.folder + METADATA_FILE)}#dataset`
  const agent = { ...(publication?.organisatie_uri ? { '@id': publication.organisatie_uri } : {}), '@type': 'foaf:Organization', 'foaf:name': organisation }
  const csvw = files.find((f) => f.kind === 'csvw')
  return {
    '@context': CONTEXT,
    '@id': id,
    '@type': 'dcat:Dataset',
    'dct:identifier': id,
    'dct:title': dataset.title,
    'dct:description': dataset.description,
    'dct:publisher': agent,
    'dct:creator': agent,
    'dcat:contactPoint': contactPoint(organisation, publication?.contact),
    'dct:license': licence,
    'dct:language': DUTCH,
    'dcat:theme': THEMES,
    ...(publication?.trefwoorden?.length ? { 'dcat:keyword': publication.trefwoorden } : {}),
    'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': dataset.temporal.start, 'dcat:endDate': dataset.temporal.end },
    ...(dataset.issued ? { 'dct:issued': dataset.issued } : {}),
    ...(dataset.modified ? { 'dct:modified': dataset.modified } : {}),
    ...(dataset.annual ? { 'dct:accrualPeriodicity': ANNUAL } : {}),
    'owl:versionInfo': dataset.version,
    ...(dataset.versionNotes ? { 'adms:versionNotes': dataset.versionNotes } : {}),
    'adms:status': AVAILABLE,
    'dcat:landingPage': url(dataset.landingPage),
    'dcat:distribution': files.map((f) => {
      const at = url(dataset.folder + f.name)
      return {
        '@type': 'dcat:Distribution',
        'dct:title': f.title,
        'dct:description': f.description,
        'dcat:accessURL': at,
        'dcat:downloadURL': at,
        'dct:format': FORMATS[f.kind].format,
        'dcat:mediaType': FORMATS[f.kind].mediaType,
        'dct:license': licence,
        'dcat:byteSize': Buffer.byteLength(f.content),
        'spdx:checksum': { '@type': 'spdx:Checksum', 'spdx:algorithm': 'spdx:checksumAlgorithm_sha256', 'spdx:checksumValue': sha256(f.content) },
        ...(f.kind === 'csv' && csvw ? { 'wdrs:describedby': url(dataset.folder + csvw.name) } : {}),
        ...(f.kind === 'csvw' ? { 'dct:conformsTo': 'http://www.w3.org/TR/tabular-metadata/' } : {}),
      }
    }),
  }
}

/** A general address: an e-mail address or a web page; the contact point always names the organisation. */
function contactPoint(organisation: string, contact: string | undefined) {
  const address = contact?.trim()
  const reach = !address ? {}
    : /^[^\s@]+@[^\s@]+$/.test(address) ? { 'vcard:hasEmail': `mailto:${address}` }
      : /^https?:\/\//.test(address) ? { 'vcard:hasURL': address }
        : { 'vcard:note': address }
  return { '@type': 'vcard:Organization', 'vcard:fn': organisation, ...reach }
}
