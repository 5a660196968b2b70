// Every message a user can see has one home here: a permanent rule id, one
// wording, and a hint that says what to do. docs/foutmeldingen.md is generated
// from this table (npm run docs), and tests compare against it.

import type { printParseErrorCode } from 'jsonc-parser'

export type Severity = 'fout' | 'waarschuwing'

/** Exit codes of the CLI, by kind of failure; signals end the run with 128 + the signal number. */
export const EXIT = { ok: 0, data: 1, usage: 2, environment: 3, unexpected: 70, interrupted: 130, terminated: 143 } as const
export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export type Stage = 'laden' | 'valideren' | 'sjabloon' | 'grafiek' | 'afdrukken' | 'uitvoer' | 'gebruik' | 'omgeving' | 'intern'

/** The exit code of a fatal message follows from the stage that raised it. */
export const STAGE_EXIT: Record<Stage, ExitCode> = {
  laden: EXIT.data, valideren: EXIT.data, sjabloon: EXIT.data, grafiek: EXIT.data, uitvoer: EXIT.data,
  gebruik: EXIT.usage, afdrukken: EXIT.environment, omgeving: EXIT.environment, intern: EXIT.unexpected,
}

interface Entry<A> {
  severity: Severity
  /** Which stage raises it; decides the exit code of a fatal one. */
  stage: Stage
  title: string
  message: (args: A) => string
  hint: string
}

const entry = <A = Record<string, never>>(e: Entry<A>): Entry<A> => e

const q = (s: string | number): string => `'${s}'`
const spaces = (n: number): string => (n === 0 ? 'geen spaties' : n === 1 ? '1 spatie' : `${n} spaties`)

/** Fragments the reporter adds to a message: the second place in a code frame, the follow-on count. */
export const FRAME = {
  noticed: 'hier liep het lezen vast',
  endOfFile: 'hier eindigt het bestand',
  firstKey: 'hier staat de sleutel de eerste keer',
  followOns: (n: number) => `en ${n} ${n === 1 ? 'vervolgfout' : 'vervolgfouten'} hierdoor, niet apart getoond`,
}

/** The scanner's kinds of JSON mistake (jsonc-parser's names), said in the detail of 'grafiek-json'. */
export type JsonMistake = Exclude<ReturnType<typeof printParseErrorCode>, '<unknown ParseErrorCode>'>

const JSON_MISTAKES: Record<JsonMistake, (found: string) => string> = {
  InvalidSymbol: (found) => (found.length === 1 ? `onverwacht teken ${q(found)}` : `onverwachte tekst ${q(found)}`),
  InvalidNumberFormat: (found) => `ongeldig getal ${q(found)}`,
  PropertyNameExpected: (found) => (found === '}' ? "komma te veel voor '}'" : `sleutel tussen dubbele aanhalingstekens verwacht, gevonden ${q(found)}`),
  ValueExpected: (found) => (found === ']' ? "komma te veel voor ']'" : `waarde verwacht, gevonden ${q(found)}`),
  ColonExpected: () => 'dubbele punt na de sleutel ontbreekt',
  CommaExpected: () => 'komma ontbreekt',
  CloseBraceExpected: () => "'}' ontbreekt",
  CloseBracketExpected: () => "']' ontbreekt",
  EndOfFileExpected: () => 'na het einde van de JSON staat nog tekst',
  InvalidCommentToken: () => 'commentaar (// of /* */) kan niet in JSON',
  UnexpectedEndOfComment: () => 'commentaar (// of /* */) kan niet in JSON',
  UnexpectedEndOfString: () => 'de tekst wordt niet gesloten met een dubbel aanhalingsteken',
  UnexpectedEndOfNumber: () => 'het getal houdt onverwacht op',
  InvalidUnicode: () => 'ongeldige \\u-code in een tekst',
  InvalidEscapeCharacter: (found) => `ongeldige code ${q(found)} in een tekst`,
  InvalidCharacter: () => 'een tab of regeleinde binnen een tekst; schrijf \\t of \\n',
}

/** The detail of a JSON mistake: what the scanner expected, or that the file stopped before it came. */
export const jsonMistake = (code: JsonMistake, found: string, atEnd: boolean): string =>
  atEnd && code.endsWith('Expected') ? 'het bestand houdt onverwacht op' : JSON_MISTAKES[code](found)

export const catalogue = {
  // — laden: files and YAML —
  'bestand-ontbreekt': entry<{ file: string }>({
    severity: 'fout', stage: 'laden', title: 'Verplicht bestand ontbreekt',
    message: (a) => `Het bestand ${q(a.file)} ontbreekt; elke jaarmap heeft een meta.yaml nodig.`,
    hint: 'Maak het bestand aan, bijvoorbeeld met `jaarverslag nieuw-jaar`, of kopieer het uit een ander jaar en pas het aan.',
  }),
  'bestand-onleesbaar': entry<{ detail: string }>({
    severity: 'fout', stage: 'laden', title: 'Bestand is niet te lezen',
    message: (a) => `Het bestand kan niet worden gelezen (${a.detail}).`,
    hint: 'Controleer of het bestand bestaat en of u leesrechten hebt.',
  }),
  'bestand-te-groot': entry<{ size: string; max: string }>({
    severity: 'fout', stage: 'laden', title: 'Bestand is te groot',
    message: (a) => `Het bestand is ${a.size} groot; verwacht is hoogstens ${a.max}.`,
    hint: 'Een gegevensbestand van een jaarverslag is klein. Controleer of dit het goede bestand is.',
  }),
  'bestand-binair': entry({
    severity: 'fout', stage: 'laden', title: 'Bestand is geen tekst',
    message: () => 'Het bestand bevat binaire gegevens; verwacht is tekst (YAML of Markdown).',
    hint: 'Sla het bestand op als platte tekst in UTF-8, niet als Word- of Excel-bestand.',
  }),
  'bestand-codering': entry<{ found: string }>({
    severity: 'fout', stage: 'laden', title: 'Verkeerde tekencodering',
    message: (a) => `Het bestand is opgeslagen als ${a.found}; verwacht is UTF-8.`,
    hint: 'Kies in uw editor "Opslaan als" met codering UTF-8.',
  }),
  'bestand-leeg': entry({
    severity: 'fout', stage: 'laden', title: 'Bestand is leeg',
    message: () => 'Het bestand is leeg; verwacht zijn gegevens.',
    hint: 'Vul de gegevens in of verwijder het bestand als dit onderwerp dit jaar niet in het verslag hoort.',
  }),
  'yaml-syntaxis': entry<{ detail: string }>({
    severity: 'fout', stage: 'laden', title: 'YAML-syntaxfout',
    message: (a) => `De YAML is niet te lezen: ${a.detail}.`,
    hint: 'Controleer de dubbele punten, de inspringing (spaties, geen tabs) en de aanhalingstekens op en vlak voor deze regel.',
  }),
  'yaml-niet-gesloten': entry<{ kind: string; open: string; close: string }>({
    severity: 'fout', stage: 'laden', title: 'Haakje of aanhalingsteken niet gesloten',
    message: (a) => `De ${a.kind} die hier met ${a.open} begint, wordt nergens gesloten; zet ${a.close} aan het einde of haal ${a.open} weg.`,
    hint: 'Een lijst staat tussen [ en ], een groep tussen { en }, een tekst tussen twee dezelfde aanhalingstekens; begin en einde staan meestal op dezelfde regel.',
  }),
  'yaml-niet-geopend': entry<{ kind: string; open: string; close: string }>({
    severity: 'fout', stage: 'laden', title: 'Sluithaakje zonder openingshaakje',
    message: (a) => `Hier staat ${a.close}, maar er is geen ${a.kind} met ${a.open} geopend; haal ${a.close} weg of zet ${a.open} waar de ${a.kind} begint.`,
    hint: 'Een lijst staat tussen [ en ], een groep tussen { en }, een tekst tussen twee dezelfde aanhalingstekens; begin en einde staan meestal op dezelfde regel.',
  }),
  'yaml-inspringing': entry<{ found: number; expected: number; like: number }>({
    severity: 'fout', stage: 'laden', title: 'Inspringing klopt niet',
    message: (a) => `Deze regel springt ${spaces(a.found)} in; verwacht ${spaces(a.expected)}${a.like ? `, zoals regel ${a.like}` : ''}.`,
    hint: 'Regels op hetzelfde niveau beginnen recht onder elkaar; wat bij een sleutel hoort, springt twee spaties verder in dan die sleutel.',
  }),
  'yaml-dubbele-punt-ontbreekt': entry<{ found: string; expected: string }>({
    severity: 'fout', stage: 'laden', title: 'Dubbele punt ontbreekt',
    message: (a) => `Na de sleutel ontbreekt de dubbele punt: gevonden ${q(a.found)}, verwacht ${q(a.expected)}.`,
    hint: 'Schrijf elke regel als sleutel: waarde, met een dubbele punt en een spatie tussen sleutel en waarde.',
  }),
  'yaml-spatie-na-dubbele-punt': entry<{ found: string; expected: string }>({
    severity: 'fout', stage: 'laden', title: 'Spatie na dubbele punt ontbreekt',
    message: (a) => `Na de dubbele punt ontbreekt een spatie: gevonden ${q(a.found)}, verwacht ${q(a.expected)}.`,
    hint: 'Zet een spatie tussen de dubbele punt en de waarde; zonder spatie leest YAML het geheel als één tekst.',
  }),
  'yaml-lijstitem-in-groep': entry<{ found: string; expected: string }>({
    severity: 'fout', stage: 'laden', title: 'Lijstitem tussen sleutels',
    message: (a) => `Deze regel begint met '- ' (een lijstitem), maar de regels op hetzelfde niveau zijn sleutels: gevonden ${q(a.found)}, verwacht ${q(a.expected)}.`,
    hint: "Haal '- ' weg. Een streepje hoort alleen voor de items van een lijst, zoals onder 'kengetallen:'.",
  }),
  'yaml-dubbele-punt-in-waarde': entry<{ key: string; value: string }>({
    severity: 'fout', stage: 'laden', title: 'Dubbele punt in een waarde',
    message: (a) => `In de waarde van ${q(a.key)} staat een dubbele punt met een spatie erna; YAML leest dat als een nieuwe sleutel. Verwacht: ${a.key}: "${a.value}".`,
    hint: 'Zet een waarde met ": " erin tussen dubbele aanhalingstekens, of laat de spatie na de dubbele punt weg.',
  }),
  'yaml-vaste-spatie': entry({
    severity: 'fout', stage: 'laden', title: 'Vaste spatie als inspringing',
    message: () => 'Deze regel springt in met een vaste (niet-afbrekende) spatie; YAML verwacht gewone spaties.',
    hint: 'Typ de inspringing opnieuw met gewone spaties. Vaste spaties komen vaak mee bij kopiëren uit Word, een pdf of een webpagina.',
  }),
  'yaml-hekje-in-waarde': entry<{ key: string; value: string }>({
    severity: 'waarschuwing', stage: 'laden', title: 'Hekje zonder spatie in een waarde',
    message: (a) => `De waarde van ${q(a.key)} is ${q(a.value)}: het # hoort bij de waarde omdat er geen spatie voor staat. Bedoelde u een opmerking?`,
    hint: 'Een opmerking begint met een spatie en dan #. Hoort het # echt bij de tekst, zet de waarde dan tussen aanhalingstekens.',
  }),
  'yaml-tab': entry({
    severity: 'fout', stage: 'laden', title: 'Tab als inspringing',
    message: () => 'Deze regel springt in met een tab; YAML verwacht spaties.',
    hint: 'Vervang de tab door spaties (twee per niveau).',
  }),
  'yaml-dubbele-sleutel': entry<{ key: string }>({
    severity: 'fout', stage: 'laden', title: 'Dubbele sleutel',
    message: (a) => `De sleutel ${q(a.key)} komt twee keer voor; elke sleutel mag maar één keer.`,
    hint: 'Voeg de twee regels samen of verwijder er één.',
  }),
  'yaml-versie': entry<{ found: string }>({
    severity: 'fout', stage: 'laden', title: 'YAML-versieregel',
    message: (a) => `De regel ${q(a.found)} wordt niet ondersteund; alleen YAML 1.2 zonder versieregel.`,
    hint: 'Verwijder de regel die met % begint.',
  }),
  'yaml-tag': entry<{ tag: string }>({
    severity: 'fout', stage: 'laden', title: 'YAML-tag',
    message: (a) => `De tag ${q(a.tag)} wordt niet ondersteund; verwacht zijn gewone getallen en teksten.`,
    hint: 'Verwijder de tag (het woord met ! ervoor). Zet tekst zo nodig tussen aanhalingstekens.',
  }),
  'yaml-alias': entry({
    severity: 'fout', stage: 'laden', title: 'YAML-anker of -alias',
    message: () => 'Ankers (&) en aliassen (*) worden niet ondersteund; verwacht is elk cijfer voluit.',
    hint: 'Schrijf de waarde op elke plek zelf uit.',
  }),
  'yaml-diepte': entry<{ max: number }>({
    severity: 'fout', stage: 'laden', title: 'Te diep genest',
    message: (a) => `De gegevens zijn dieper genest dan ${a.max} niveaus.`,
    hint: 'Controleer de haakjes en de inspringing; een gegevensbestand heeft maar een paar niveaus.',
  }),
  'getal-ongeldig': entry<{ found: string }>({
    severity: 'fout', stage: 'laden', title: 'Ongeldig getal',
    message: (a) => `De waarde ${q(a.found)} is geen gewoon getal; verwacht is een eindig getal of 'onbekend'.`,
    hint: "Vul het echte getal in, of 'onbekend' als het niet bekend is.",
  }),
  'map-geen-jaar': entry<{ name: string }>({
    severity: 'fout', stage: 'laden', title: 'Map is geen jaar',
    message: (a) => `De map ${q(a.name)} in data/ is geen jaartal; verwacht zijn mappen als '2024'.`,
    hint: 'Hernoem de map naar het jaartal, of verplaats hem buiten data/.',
  }),
  'jaar-ontbreekt': entry<{ year: number; available: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Jaar ontbreekt',
    message: (a) => `Er is geen map voor ${a.year} in data/; beschikbaar: ${a.available}.`,
    hint: 'Kies een van de beschikbare jaren, of maak het jaar aan met `jaarverslag nieuw-jaar`.',
  }),
  'geen-jaren': entry({
    severity: 'fout', stage: 'laden', title: 'Geen jaren',
    message: () => 'Er staat geen enkele jaarmap in data/.',
    hint: 'Maak een jaar aan met `jaarverslag nieuw-jaar 2025`.',
  }),
  'config-ontbreekt': entry<{ file: string }>({
    severity: 'fout', stage: 'laden', title: 'Organisatie-instellingen ontbreken',
    message: (a) => `Het bestand ${q(a.file)} ontbreekt.`,
    hint: 'Maak een nieuwe organisatiemap met `jaarverslag init`, of kopieer organisatie.yaml uit het voorbeeld.',
  }),
  'project-niet-gevonden': entry<{ folder: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Geen project in deze map',
    message: (a) => `In de map ${q(a.folder)} staat geen data/organisatie.yaml; daar is gezocht, en er is niets gecontroleerd of gemaakt.`,
    hint: 'Ga met `cd` naar de map van uw organisatie (waar data/ staat), of wijs die aan met --map. Een nieuwe organisatie begint u met `jaarverslag init`.',
  }),
  'getal-komma': entry<{ field: string; found: string; fixed: string }>({
    severity: 'fout', stage: 'valideren', title: 'Komma in een getal',
    message: (a) => `${a.field}: gevonden ${q(a.found)}; een getal schrijft u met een punt: ${a.fixed}.`,
    hint: 'YAML leest een komma als tekst. Schrijf het getal met een punt als decimaalteken, zonder aanhalingstekens; het verslag toont het weer met een komma.',
  }),

  // — valideren: schema and consistency —
  'schema-type': entry<{ field: string; expected: string; found: string }>({
    severity: 'fout', stage: 'valideren', title: 'Verkeerd soort waarde',
    message: (a) => `${a.field}: gevonden ${a.found}, verwacht ${a.expected}.`,
    hint: 'Vul een waarde van de verwachte soort in.',
  }),
  'schema-verplicht': entry<{ field: string; missing: string; description: string }>({
    severity: 'fout', stage: 'valideren', title: 'Verplicht veld ontbreekt',
    message: (a) => `${a.field}: het verplichte veld ${q(a.missing)} ontbreekt; verwacht: ${a.description}.`,
    hint: 'Voeg het veld toe op dit niveau.',
  }),
  'schema-onbekend-veld': entry<{ field: string; key: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'valideren', title: 'Onbekend veld',
    message: (a) => `${a.field}: het veld ${q(a.key)} is onbekend${a.suggestion ? `; bedoelde u ${q(a.suggestion)}?` : '.'} Toegestaan: ${a.allowed}.`,
    hint: 'Controleer de spelling, of verwijder het veld.',
  }),
  'schema-bereik': entry<{ field: string; found: string; expected: string }>({
    severity: 'fout', stage: 'valideren', title: 'Waarde buiten bereik',
    message: (a) => `${a.field}: gevonden ${a.found}, verwacht ${a.expected}.`,
    hint: 'Controleer het cijfer in de bron.',
  }),
  'schema-keuze': entry<{ field: string; found: string; allowed: string; suggestion: string }>({
    severity: 'fout', stage: 'valideren', title: 'Waarde niet toegestaan',
    message: (a) => `${a.field}: gevonden ${a.found}${a.suggestion ? ` (bedoelde u ${q(a.suggestion)}?)` : ''}; toegestaan: ${a.allowed}.`,
    hint: 'Kies een van de toegestane waarden.',
  }),
  'schema-vorm': entry<{ field: string; found: string; expected: string }>({
    severity: 'fout', stage: 'valideren', title: 'Waarde heeft niet de juiste vorm',
    message: (a) => `${a.field}: gevonden ${a.found}, verwacht ${a.expected}.`,
    hint: 'Pas de schrijfwijze aan.',
  }),
  'categorie-onbekend': entry<{ field: string; key: string; vocabulary: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'valideren', title: 'Onbekende categorie',
    message: (a) => `${a.field}: de categorie ${q(a.key)} staat niet in de vocabulaire '${a.vocabulary}'${a.suggestion ? `; bedoelde u ${q(a.suggestion)}?` : '.'} Toegestaan: ${a.allowed}.`,
    hint: 'Gebruik de schrijfwijze uit de vocabulaire, of voeg de categorie toe onder vocabulaires in organisatie.yaml.',
  }),
  'reeksbreuk-cijfer-onbekend': entry<{ name: string; suggestion: string }>({
    severity: 'fout', stage: 'valideren', title: 'Reeksbreuk bij een onbekend cijfer',
    message: (a) => `De reeksbreuk noemt het cijfer ${q(a.name)}, maar dat cijfer bestaat niet${a.suggestion ? `; bedoelde u ${q(a.suggestion)}?` : '.'}`,
    hint: "Gebruik de naam van het cijfer zoals in de sjablonen, bijvoorbeeld 'meldingen.onderzoeken', 'meldingen.type' of 'kengetallen.<id>' (zie docs/sjablonen.md).",
  }),
  'verslagperiode-ongeldig': entry<{ from: number; year: number; problem: string }>({
    severity: 'fout', stage: 'valideren', title: 'Verslagperiode klopt niet',
    message: (a) => `De verslagperiode ${a.from} t/m ${a.year} kan niet: ${a.problem}.`,
    hint: "Zet 'verslagperiode: { van: <eerste jaar> }' alleen in de map van het laatste jaar; elk jaar van de periode heeft een eigen map en hoort bij één verslag.",
  }),
  'jaar-klopt-niet': entry<{ found: number; folder: string }>({
    severity: 'fout', stage: 'valideren', title: 'Jaar past niet bij de map',
    message: (a) => `jaar is ${a.found}, maar het bestand staat in de map '${a.folder}'.`,
    hint: 'Maak het jaar in meta.yaml gelijk aan de naam van de map.',
  }),
  'som-verschil': entry<{ what: string; parts: string; sum: string; total: string }>({
    severity: 'waarschuwing', stage: 'valideren', title: 'Delen tellen niet op tot het totaal',
    message: (a) => `${a.what}: de delen (${a.parts}) tellen op tot ${a.sum}, maar het opgegeven totaal is ${a.total}.`,
    hint: 'Controleer de cijfers in de bron. Is het totaal anders gedefinieerd? Leg dat vast in een toelichting; het verslag toont het opgegeven totaal.',
  }),
  'totaal-verschil': entry<{ what: string; year: number; here: string; there: string; where: string }>({
    severity: 'waarschuwing', stage: 'valideren', title: 'Hetzelfde cijfer verschilt tussen bestanden',
    message: (a) => `${a.what} ${a.year} is hier ${a.here}, maar ${a.there} in ${a.where}.`,
    hint: 'Maak de twee cijfers gelijk, of leg het verschil vast in een toelichting.',
  }),
  'thema-contrast': entry<{ field: string; colour: string; ratio: string; needed: string; use: string }>({
    severity: 'fout', stage: 'valideren', title: 'Te weinig contrast',
    message: (a) => `${a.field}: de kleur ${a.colour} heeft een contrast van ${a.ratio}:1 met wit; voor ${a.use} is minstens ${a.needed}:1 nodig (WCAG 2.1 AA).`,
    hint: 'Kies een donkerdere kleur; een contrastchecker (bijvoorbeeld op webaim.org) helpt.',
  }),
  'thema-logo': entry<{ file: string; problem: string }>({
    severity: 'fout', stage: 'valideren', title: 'Logo niet te gebruiken',
    message: (a) => `thema.logo.bestand: het logo '${a.file}' kan niet worden gebruikt: ${a.problem}.`,
    hint: 'Zet een SVG-, PNG- of JPG-bestand van hoogstens 200 kB in de projectmap en verwijs ernaar vanaf de projectmap.',
  }),
  'privacy-klein-aantal': entry<{ what: string; category: string; value: number; threshold: number }>({
    severity: 'waarschuwing', stage: 'valideren', title: 'Klein aantal in een gepubliceerde verdeling',
    message: (a) => `${a.what}: de categorie ${q(a.category)} heeft ${a.value}, minder dan de drempel ${a.threshold}; zo'n klein aantal kan naar een persoon wijzen.`,
    hint: 'Overweeg categorieën samen te voegen voor publicatie, of verlaag de drempel in organisatie.yaml als dit bewust is.',
  }),

  // — sjabloon: templates and prose —
  'sjabloon-naam-onbekend': entry<{ name: string; suggestion: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Onbekende naam in sjabloon',
    message: (a) => `De naam ${q(a.name)} bestaat niet${a.suggestion ? `; bedoelde u ${q(a.suggestion)}?` : '.'}`,
    hint: 'Zie docs/sjablonen.md voor alle namen die u in tekst kunt gebruiken.',
  }),
  'sjabloon-filter-onbekend': entry<{ name: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Onbekend filter',
    message: (a) => `Het filter ${q(a.name)} bestaat niet${a.suggestion ? `; bedoelde u ${q(a.suggestion)}?` : '.'} Beschikbaar: ${a.allowed}.`,
    hint: 'Kies een van de beschikbare filters.',
  }),
  'sjabloon-expressie': entry<{ found: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Onleesbare expressie',
    message: (a) => `De expressie ${q(a.found)} is niet te lezen; verwacht is {{ naam }} of {{ naam | filter }}.`,
    hint: 'Controleer de accolades en de schrijfwijze van de naam.',
  }),
  'sjabloon-blok-onbekend': entry<{ name: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Onbekend blok',
    message: (a) => `Het blok ${q(a.name)} bestaat niet${a.suggestion ? `; bedoelde u ${q(a.suggestion)}?` : '.'} Beschikbaar: ${a.allowed}.`,
    hint: 'Zie docs/sjablonen.md voor de blokken.',
  }),
  'sjabloon-figuur-onbekend': entry<{ name: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Onbekend cijfer in een blok',
    message: (a) => `Het cijfer ${q(a.name)} bestaat niet${a.suggestion ? `; bedoelde u ${q(a.suggestion)}?` : '.'} Beschikbaar: ${a.allowed}.`,
    hint: 'Zie docs/sjablonen.md voor de namen van de cijfers, zoals meldingen.totaal.',
  }),
  'sjabloon-verdeling-onbekend': entry<{ name: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Onbekende verdeling in een blok',
    message: (a) => `De verdeling ${q(a.name)} bestaat niet${a.suggestion ? `; bedoelde u ${q(a.suggestion)}?` : '.'} Beschikbaar: ${a.allowed}.`,
    hint: 'Zie docs/sjablonen.md voor de verdelingen, zoals meldingen.type.',
  }),
  'tekst-voorbeeld': entry<{ name: string }>({
    severity: 'waarschuwing', stage: 'sjabloon', title: 'Voorbeeldtekst niet vervangen',
    message: (a) => `De tekst '${a.name}' is nog de voorbeeldtekst van \`jaarverslag init\` of \`nieuw-jaar\`; die komt zo in het verslag.`,
    hint: 'Schrijf de eigen tekst in dit bestand, of verwijder het bestand als dit stuk dit jaar niet in het verslag hoort. Met --strict is dit een fout.',
  }),
  'tekst-voorbeeld-definitief': entry<{ name: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Voorbeeldtekst in een definitief verslag',
    message: (a) => `De tekst '${a.name}' is nog de voorbeeldtekst, maar dit jaar staat op definitief; een definitief verslag wordt niet met voorbeeldtekst gemaakt.`,
    hint: 'Schrijf de eigen tekst in dit bestand of verwijder het, of zet status in meta.yaml terug op concept.',
  }),
  'sjabloon-blok-ongeldig': entry<{ name: string; problem: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Blok onvolledig',
    message: (a) => `Het blok ${q(a.name)} is onvolledig: ${a.problem}.`,
    hint: 'Zie docs/sjablonen.md voor een voorbeeld van dit blok.',
  }),
  'sjabloon-grafiek-onbekend': entry<{ name: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Onbekende grafiek',
    message: (a) => `De grafiek ${q(a.name)} bestaat niet${a.suggestion ? `; bedoelde u ${q(a.suggestion)}?` : '.'} Beschikbaar: ${a.allowed}.`,
    hint: 'Grafieken staan in templates/charts/ als <naam>.vl.json.',
  }),
  'sjabloon-invoegen': entry<{ target: string; problem: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Invoegen mislukt',
    message: (a) => `Het bestand ${q(a.target)} kan niet worden ingevoegd: ${a.problem}.`,
    hint: 'Voeg alleen Markdown-bestanden in van binnen de projectmap.',
  }),
  'sjabloon-html': entry<{ found: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'HTML in tekst',
    message: (a) => `De tekst bevat HTML (${a.found}); verwacht is Markdown zonder HTML.`,
    hint: 'Gebruik Markdown voor opmaak. HTML wordt niet overgenomen, zodat er geen script op de gemeentelijke site kan komen.',
  }),
  'sjabloon-link-onveilig': entry<{ url: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Onveilige link',
    message: (a) => `De link ${q(a.url)} is niet toegestaan; verwacht is een link met https:, http:, mailto: of een #anker.`,
    hint: 'Gebruik een gewone webadres-link.',
  }),
  'sjabloon-afbeelding': entry<{ url: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Afbeelding niet toegestaan',
    message: (a) => `De afbeelding ${q(a.url)} wordt niet geladen; het verslag haalt niets van buiten en neemt geen losse afbeeldingen op.`,
    hint: 'Gebruik een grafiek uit templates/charts/, of laat de afbeelding weg.',
  }),

  // — zinnen: the sentences the report writes (templates/zinnen.yaml) —
  'zinnen-cijfer-onbekend': entry<{ name: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Zin over een onbekend cijfer',
    message: (a) => `Het cijfer ${q(a.name)} bestaat niet${a.suggestion ? `; bedoelt u ${q(a.suggestion)}?` : '.'} Beschikbaar: ${a.allowed}, of kengetallen.<id>.`,
    hint: 'Zie docs/sjablonen.md voor de namen van de cijfers.',
  }),
  'zinnen-variant-onbekend': entry<{ phrase: string; variant: string; kind: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Onbekende variant van een zin',
    message: (a) => `De zin ${q(a.phrase)} heeft een variant ${q(a.variant)}, maar die bestaat niet bij een zin van de soort ${q(a.kind)}${a.suggestion ? `; bedoelt u ${q(a.suggestion)}?` : '.'} Beschikbaar: ${a.allowed}.`,
    hint: 'Een variant hoort bij een toestand van het cijfer; zie de lijst in docs/sjablonen.md.',
  }),
  'zinnen-plek-onbekend': entry<{ phrase: string; variant: string; slot: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Onbekende plek in een zin',
    message: (a) => `In de variant ${q(a.variant)} van de zin ${q(a.phrase)} staat {${a.slot}}, maar die plek bestaat niet${a.suggestion ? `; bedoelt u {${a.suggestion}}?` : '.'} Beschikbaar: ${a.allowed}.`,
    hint: 'Controleer de schrijfwijze tussen de accolades.',
  }),
  'zinnen-plek-niet-beschikbaar': entry<{ phrase: string; variant: string; slot: string; when: string; own: string }>({
    severity: 'fout', stage: 'sjabloon', title: 'Plek zonder waarde in een variant',
    message: (a) => `In de variant ${q(a.variant)} van de zin ${q(a.phrase)} kan {${a.slot}} niet staan: die variant wordt ook gebruikt als ${a.when}, en dan heeft {${a.slot}} geen waarde. Schrijf daarvoor een eigen variant ${q(a.own)}, of haal {${a.slot}} hier weg.`,
    hint: 'Zo zegt een zin nooit "onbekend" waar een getal hoort. De varianten en hun plekken staan in docs/sjablonen.md.',
  }),

  // — grafiek: charts —
  'grafiek-json': entry<{ detail: string }>({
    severity: 'fout', stage: 'grafiek', title: 'Grafiek is geen geldige JSON',
    message: (a) => `De grafiekspecificatie is geen geldige JSON: ${a.detail}.`,
    hint: 'Controleer komma\'s, haakjes en aanhalingstekens.',
  }),
  'grafiek-schema': entry<{ detail: string }>({
    severity: 'fout', stage: 'grafiek', title: 'Grafiek past niet in Vega-Lite',
    message: (a) => `De grafiekspecificatie is geen geldige Vega-Lite: ${a.detail}.`,
    hint: 'Zie de Vega-Lite-documentatie, of vergelijk met een standaardgrafiek in templates/charts/.',
  }),
  'grafiek-extern': entry<{ what: string }>({
    severity: 'fout', stage: 'grafiek', title: 'Grafiek laadt iets van buiten',
    message: (a) => `De grafiek probeert ${a.what} te laden; een grafiek gebruikt alleen de gegevens van het verslag.`,
    hint: 'Verwijder data.url, afbeeldingen en links; gebruik "data": {"name": "<reeks>"}.',
  }),
  'grafiek-gegevens-onbekend': entry<{ name: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'grafiek', title: 'Onbekende gegevensreeks',
    message: (a) => `De grafiek vraagt de reeks ${q(a.name)}, die niet bestaat${a.suggestion ? `; bedoelde u ${q(a.suggestion)}?` : '.'} Beschikbaar: ${a.allowed}.`,
    hint: 'Gebruik een van de reeksen uit docs/sjablonen.md.',
  }),
  'grafiek-render': entry<{ detail: string }>({
    severity: 'fout', stage: 'grafiek', title: 'Grafiek tekenen mislukt',
    message: (a) => `De grafiek kan niet worden getekend: ${a.detail}.`,
    hint: 'Vergelijk de specificatie met een standaardgrafiek in templates/charts/.',
  }),

  'grafiek-label-past-niet': entry<{ chart: string; label: string; year: number }>({
    severity: 'waarschuwing', stage: 'grafiek', title: 'Label past niet in de grafiek',
    message: (a) => `In de grafiek ${q(a.chart)} (${a.year}) past het label ${q(a.label)} niet: het wordt afgekapt of heeft meer dan drie regels nodig.`,
    hint: 'Kies een kortere naam voor de categorie, of haal labelLimit weg uit de grafiekspecificatie in templates/charts/.',
  }),

  // — afdrukken: PDF —
  'browser-ontbreekt': entry<{ tried: string }>({
    severity: 'fout', stage: 'afdrukken', title: 'Geen browser voor de PDF',
    message: (a) => `Er is geen Chromium of Chrome gevonden om de PDF te maken (gezocht: ${a.tried}). De HTML is wel gemaakt.`,
    hint: 'Installeer Chromium (Debian/Ubuntu: `sudo apt-get install chromium`) of wijs een browser aan met JAARVERSLAG_CHROMIUM=/pad/naar/chromium.',
  }),
  'afdruktijd-ongeldig': entry<{ found: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Afdruktijd ongeldig',
    message: (a) => `JAARVERSLAG_AFDRUKTIJD is ${q(a.found)}; verwacht een aantal seconden groter dan 0, zoals 120.`,
    hint: 'Laat de variabele weg voor de standaard van 60 seconden per stap, of geef een groter getal op een trage computer.',
  }),
  'browser-fout': entry<{ report: string; detail: string }>({
    severity: 'fout', stage: 'afdrukken', title: 'PDF maken mislukt',
    message: (a) => `De PDF van ${a.report} kon niet worden gemaakt: ${a.detail}.`,
    hint: 'Probeer het opnieuw; blijft het misgaan, start dan met --debug en meld de uitvoer.',
  }),

  // — uitvoer: output folder —
  'uitvoer-in-invoer': entry<{ output: string; input: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Uitvoermap overlapt met invoer',
    message: (a) => `De uitvoermap ${q(a.output)} valt samen met de invoermap ${q(a.input)}; dan zou de build gegevens kunnen overschrijven.`,
    hint: 'Kies met --uitvoer een map buiten data/, templates/ en schemas/.',
  }),
  'deel-een-organisatie': entry<{ root: string }>({
    severity: 'fout', stage: 'gebruik', title: '--deel bij één organisatie',
    message: (a) => `--deel verdeelt de organisaties van een map met organisaties, maar ${q(a.root)} is zelf één organisatie.`,
    hint: 'Laat --deel weg, of wijs met --map de map aan waarin de organisatiemappen staan.',
  }),
  'samenvoegen-geen-deel': entry<{ dir: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Geen uitvoer van een deel',
    message: (a) => `De map ${q(a.dir)} is geen uitvoer van \`jaarverslag build --deel\` (.cache/organisaties.json ontbreekt).`,
    hint: 'Noem de uitvoermappen van alle delen, bijvoorbeeld: jaarverslag samenvoegen deel-1 deel-2 deel-3 --uitvoer output.',
  }),
  'samenvoegen-dubbel': entry<{ file: string; first: string; second: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Bestand in twee delen',
    message: (a) => `Het bestand ${q(a.file)} staat in twee delen (${q(a.first)} en ${q(a.second)}); er is niets samengevoegd.`,
    hint: 'Bouw elk deel met hetzelfde aantal delen (--deel 1/3, 2/3, 3/3) in een eigen lege uitvoermap.',
  }),
  'uitvoer-schrijven': entry<{ output: string; detail: string }>({
    severity: 'fout', stage: 'uitvoer', title: 'Uitvoer kan niet worden geschreven',
    message: (a) => `De uitvoermap ${q(a.output)} kan niet worden geschreven (${a.detail}); de vorige uitvoer is ongewijzigd.`,
    hint: 'Controleer de schrijfrechten van de map, of kies een andere met --uitvoer.',
  }),
  'uitvoer-verouderd': entry<{ key: string; kind: string; changed: string }>({
    severity: 'waarschuwing', stage: 'uitvoer', title: 'Uitvoer is verouderd',
    message: (a) => `${a.kind} van ${a.key} is niet opnieuw gemaakt en is verouderd: sindsdien veranderde ${a.changed}. Het oude bestand blijft staan; de overzichtspagina vermeldt dat het verouderd is.`,
    hint: 'Bouw zonder --alleen (of met --alleen voor dit soort uitvoer) om het bij te werken.',
  }),
  'verslag-vastgesteld': entry<{ key: string; date: string; changed: string }>({
    severity: 'fout', stage: 'uitvoer', title: 'Vastgesteld verslag zou veranderen',
    message: (a) => `Het verslag ${a.key} is vastgesteld (${a.date}); deze build zou de HTML en PDF veranderen. Veranderd sinds de vaststelling: ${a.changed}. Er is niets geschreven.`,
    hint: 'Zet de wijziging terug, of maak bewust een herziene versie met --herzien "<reden>": de pagina en PDF vermelden dan de herziening, en de vorige PDF blijft ernaast staan.',
  }),

  // — gebruik: the command line itself —
  'gebruik-opdracht-onbekend': entry<{ name: string; suggestion: string; allowed: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Onbekende opdracht',
    message: (a) => `Onbekende opdracht ${q(a.name)}${a.suggestion ? `; bedoelde u ${q(a.suggestion)}?` : '.'} Kies uit: ${a.allowed}.`,
    hint: 'Zie `jaarverslag --help` voor de opdrachten.',
  }),
  'gebruik-optie-onbekend': entry<{ option: string; suggestion: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Onbekende of onvolledige optie',
    message: (a) => `Onbekende of onvolledige optie${a.option ? ` ${a.option}` : ''}${a.suggestion ? `; bedoelde u ${a.suggestion}?` : '.'}`,
    hint: 'Zie `jaarverslag --help` voor de opties; een optie met een waarde schrijft u als --jaar 2024.',
  }),
  'gebruik-jaar': entry<{ found: string; option: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Geen jaartal',
    message: (a) => `${a.option} verwacht een jaartal zoals 2024, niet ${q(a.found)}.`,
    hint: 'Schrijf het jaar met vier cijfers, bijvoorbeeld: jaarverslag nieuw-jaar 2025.',
  }),
  'gebruik-alleen': entry<{ found: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Onbekende keuze bij --alleen',
    message: (a) => `--alleen verwacht html of pdf, niet ${q(a.found)}.`,
    hint: 'Laat --alleen weg om HTML en PDF te maken.',
  }),
  'gebruik-herzien': entry({
    severity: 'fout', stage: 'gebruik', title: 'Herziening zonder reden',
    message: () => '--herzien verwacht een reden, bijvoorbeeld --herzien "correctie aantal meldingen".',
    hint: 'Schrijf de reden van de herziening erbij; die komt op de pagina en in de PDF.',
  }),
  'gebruik-poort': entry<{ found: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Ongeldige poort',
    message: (a) => `--poort verwacht een getal van 1 tot 65535, niet ${q(a.found)}.`,
    hint: 'Laat --poort weg voor de standaardpoort 4321.',
  }),
  'gebruik-deel': entry<{ found: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Ongeldig deel bij --deel',
    message: (a) => `--deel verwacht een deel en het aantal delen, zoals 2/3, niet ${q(a.found)}.`,
    hint: 'Geef elke machine zijn eigen deel: --deel 1/3, --deel 2/3 en --deel 3/3.',
  }),
  'map-niet-leeg': entry<{ folder: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Map is al een project',
    message: (a) => `In ${q(a.folder)} staat al een map data/; init begint alleen in een lege of nieuwe map.`,
    hint: 'Kies een andere map, bijvoorbeeld: jaarverslag init mijn-gemeente.',
  }),
  'jaar-bestaat-al': entry<{ folder: string }>({
    severity: 'fout', stage: 'gebruik', title: 'Jaar bestaat al',
    message: (a) => `De map ${q(a.folder)} bestaat al; nieuw-jaar overschrijft geen gegevens.`,
    hint: 'Vul de cijfers in die map aan, of kies een ander jaar.',
  }),
  'eerst-herstellen': entry({
    severity: 'fout', stage: 'laden', title: 'Eerst de fouten herstellen',
    message: () => 'De bestaande gegevens bevatten fouten; daarop wordt geen nieuw jaar gebouwd.',
    hint: 'Draai `jaarverslag validate`, herstel de fouten en probeer het opnieuw.',
  }),
  'poort-bezet': entry<{ port: number; detail: string }>({
    severity: 'fout', stage: 'omgeving', title: 'Voorbeeldserver kan niet starten',
    message: (a) => `De voorbeeldserver kan niet starten op poort ${a.port} (${a.detail}).`,
    hint: 'Kies een andere poort met --poort, of stop het programma dat deze poort gebruikt.',
  }),
  'onverwachte-fout': entry<{ detail: string }>({
    severity: 'fout', stage: 'intern', title: 'Onverwachte fout',
    message: (a) => `Er ging iets onverwacht mis (${a.detail}).`,
    hint: 'Start opnieuw met --debug voor de technische details, en meld het probleem.',
  }),
} as const

/** The inputs and outputs of a report as the coördinator knows them, for the messages above. */
const INPUTS: Record<string, string> = {
  tool: 'de versie van jaarverslag', templates: 'het sjabloon (templates/)', charts: 'de grafieken (templates/charts/)',
  html: 'De HTML-pagina', pdf: 'De PDF', data: 'De open data',
}

export const describeInput = (name: string): string => INPUTS[name] ?? name.replace(/^file:/, '')

export type RuleId = keyof typeof catalogue
export type ArgsOf<R extends RuleId> = Parameters<(typeof catalogue)[R]['message']>[0]

/** The exit code a fatal message of this rule gives. */
export const exitOf = (id: RuleId): ExitCode => STAGE_EXIT[catalogue[id].stage]
