// Generated from schemas/*.schema.json by `npm run types`. Do not edit.

/**
 * De naam zoals die op het verslag staat, bijvoorbeeld 'Gemeente Helmond'.
 */
export type NaamVanDeOrganisatie = string
/**
 * De titel van het verslag; standaard 'Jaarverslag Integriteit'.
 */
export type TitelVanHetVerslag = string
/**
 * 'landelijk' voegt de waarden toe aan de landelijke lijst; 'eigen' vervangt die lijst.
 */
export type Uitgangspunt = 'landelijk' | 'eigen'
/**
 * De categorieën, precies zoals ze in de gegevens staan.
 *
 * @maxItems 200
 */
export type Waarden = string[]
/**
 * 'landelijk' voegt groepen en activiteiten toe aan de landelijke lijst; 'eigen' vervangt die lijst.
 */
export type UitgangspuntVanDeUrenlijst = 'landelijk' | 'eigen'
/**
 * De sleutel van de groep onder 'uren' in vertrouwenspersonen.yaml, bijvoorbeeld 'contacten'.
 */
export type IdVanDeGroep = string
/**
 * De naam zoals in het verslag, bijvoorbeeld 'Contacten'.
 */
export type NaamVanDeGroep = string
/**
 * De sleutel van de activiteit in vertrouwenspersonen.yaml, bijvoorbeeld 'gesprekken'.
 */
export type IdVanDeActiviteit = string
/**
 * De omschrijving zoals in het verslag, bijvoorbeeld 'Gesprekken, incl. mailwisseling'.
 */
export type NaamVanDeActiviteit = string
/**
 * De activiteiten in deze groep, in de volgorde van de tabel.
 *
 * @maxItems 50
 */
export type ActiviteitenVanDeGroep = Activiteit[]
/**
 * Elke groep heeft een subtotaal in de tabel van de vertrouwenspersonen. Een groep met de id van een landelijke groep vult die aan.
 *
 * @minItems 1
 * @maxItems 20
 */
export type GroepenActiviteiten = GroepActiviteiten[]
/**
 * Het aantal jaren in de vergelijking, inclusief het verslagjaar. Standaard 5: het jaar zelf en de vier jaren ervoor.
 */
export type Venster = number
/**
 * Een verschil staat er alleen in procenten bij als het cijfer van het vorige jaar minstens zo groot is; bij een kleiner cijfer alleen het verschil zelf (van 1 naar 3 is '+2', niet '+200%'). Standaard 20. Met 1 staat het percentage er altijd bij, behalve vanaf 0.
 */
export type VerschilInProcentenVanaf = number
/**
 * Aantallen groter dan 0 en kleiner dan deze drempel in gepubliceerde verdelingen geven een waarschuwing. 0 zet de controle uit.
 */
export type Drempel = number
/**
 * De kleur van koppen en het huidige jaar in grafieken (#rrggbb). Moet genoeg contrast hebben met wit.
 */
export type Hoofdkleur = string
/**
 * De kleur van eerdere jaren in grafieken (#rrggbb).
 */
export type Steunkleur = string
/**
 * Het pad vanaf de projectmap, bijvoorbeeld 'huisstijl/logo.svg'.
 */
export type Bestand = string
/**
 * Wat het logo zegt, bijvoorbeeld 'Logo gemeente Helmond'.
 */
export type Tekst = string
/**
 * De licentie van de open data: 'CC0 1.0' (standaard; geen voorwaarden) of 'CC-BY 4.0' (met naamsvermelding). De metadata noemt de licentie met haar adres op creativecommons.org, zoals data.overheid.nl die kent.
 */
export type Licentie = 'CC0 1.0' | 'CC-BY 4.0'
/**
 * Het webadres waar de map output/ wordt gepubliceerd, bijvoorbeeld 'https://www.gemeente.nl/jaarverslag-integriteit/'. De open data noemt daarmee elk bestand met zijn volledige adres, zodat een dataportaal als data.overheid.nl ze kan vinden. Zonder dit adres geeft de build een waarschuwing en staan er alleen relatieve adressen in de metadata.
 */
export type AdresVanDeUitvoerOpInternet = string
/**
 * De URI van de organisatie in TOOI (https://identifier.overheid.nl/tooi/id/gemeente/gm0794) of OWMS (http://standaarden.overheid.nl/owms/terms/Helmond). Daarmee herkent data.overheid.nl de uitgever van de open data.
 */
export type AdresVanDeOrganisatieInDeRegistersVanDeOverheid = string
/**
 * Een algemeen contactadres (geen persoonlijk adres).
 */
export type Contact = string
/**
 * Trefwoorden voor de PDF en de open data.
 *
 * @maxItems 20
 */
export type Trefwoorden = string[]
/**
 * Waar de cijfers vandaan komen (registratie, verslag, pagina).
 */
export type Bron = string
/**
 * Het totaal aantal meldingen in dat jaar.
 */
export type MeldingenInDatJaar = number | Onbekend
/**
 * Het cijfer is niet bekend. Schrijf 'onbekend' in plaats van 0: een leeg of onbekend cijfer is geen nul.
 */
export type Onbekend = 'onbekend'
/**
 * Het aantal adviesvragen in dat jaar.
 */
export type AdviesvragenInDatJaar = number | Onbekend
/**
 * Het aantal casussen (of personen) bij de vertrouwenspersonen in dat jaar.
 */
export type CasussenVertrouwenspersonen = number | Onbekend
/**
 * Eén cijfer met een eenheid; met dezelfde id in elk jaar vergelijkt het verslag de jaren.
 */
export type Kengetal = {
  id: Id
  naam: Naam
  eenheid: Eenheid
  waarde: Waarde
  bron?: Bron
  toelichting?: Toelichting
}
/**
 * Een vaste naam in kleine letters met streepjes, bijvoorbeeld 'raad-gesprekken'.
 */
export type Id = string
/**
 * De omschrijving zoals die in het verslag staat.
 */
export type Naam = string
/**
 * aantal, uren, procent of euro.
 */
export type Eenheid = 'aantal' | 'uren' | 'procent' | 'euro'
/**
 * Het cijfer, in de gekozen eenheid, of 'onbekend'.
 */
export type Waarde = number | string
/**
 * Korte toelichting bij dit cijfer, bijvoorbeeld als de definitie anders is dan in andere jaren.
 */
export type Toelichting = string
/**
 * Kengetallen van een jaar zonder eigen map, met dezelfde id als in kengetallen.yaml van latere jaren, zodat het verslag ze vergelijkt. Elk met zijn eenheid, en met een bron als die een andere is dan de bron bovenaan dit bestand.
 *
 * @maxItems 200
 */
export type KengetallenVanDatJaar = Kengetal[]
/**
 * De naam van het cijfer zoals in de sjablonen, bijvoorbeeld 'meldingen.onderzoeken', een verdeling als 'meldingen.type', of 'kengetallen.<id>'.
 */
export type CijferMetEenNieuweDefinitie = string
/**
 * Wat er aan de telling veranderde, in een zin die in het verslag kan staan.
 */
export type RedenVanDeReeksbreuk = string
/**
 * Cijfers die vanaf dit jaar anders worden geteld dan in de jaren ervoor. Het verslag vergelijkt zo'n cijfer niet met de jaren van vóór de breuk en noemt de reden.
 *
 * @maxItems 50
 */
export type Reeksbreuken = Reeksbreuk[]
/**
 * Als de cijfers niet het hele jaar beslaan: de laatste dag die is meegeteld.
 */
export type DeelperiodeTot = string
/**
 * Het verslagjaar; gelijk aan de naam van de map.
 */
export type Jaar = number
/**
 * 'concept' zolang het verslag nog niet is vastgesteld, daarna 'definitief'.
 */
export type Status = 'concept' | 'definitief'
/**
 * De datum waarop het verslag is vastgesteld of aangeboden. Deze datum komt ook in de PDF, zodat dezelfde gegevens steeds dezelfde PDF geven.
 */
export type VastgesteldOp = string
/**
 * Het eerste jaar van de periode; het laatste is het jaar van deze map.
 */
export type EersteJaarVanDeVerslagperiode = number
/**
 * De verdeling waarvan de indeling wijzigde.
 */
export type Verdeling =
  | 'meldingen.regeling'
  | 'meldingen.type'
  | 'meldingen.status'
  | 'vertrouwenspersonen.soort_kwestie'
  | 'vertrouwenspersonen.relatie'
/**
 * gesplitst (één categorie van vorig jaar in meer van dit jaar), samengevoegd (meer in één), hernoemd, toegevoegd (nieuw dit jaar) of vervallen (niet meer dit jaar).
 */
export type SoortWijziging = 'gesplitst' | 'samengevoegd' | 'hernoemd' | 'toegevoegd' | 'vervallen'
/**
 * De categorie of categorieën zoals vorig jaar.
 *
 * @minItems 1
 * @maxItems 20
 */
export type CategorieenVanVorigJaar = string[]
/**
 * De categorie of categorieën zoals dit jaar.
 *
 * @minItems 1
 * @maxItems 20
 */
export type CategorieenVanDitJaar = string[]
/**
 * Categorieën van een verdeling die dit jaar anders zijn dan vorig jaar: gesplitst, samengevoegd, hernoemd, toegevoegd of vervallen. Het verslag vergelijkt dan de categorieën die bij elkaar horen, of zegt dat ze niet te vergelijken zijn, in plaats van ze als dezelfde te tonen.
 *
 * @maxItems 50
 */
export type WijzigingenVanDeIndeling = WijzigingVanDeIndeling[]
/**
 * De laatste dag die in de cijfers is meegeteld.
 */
export type TotEnMet = string
/**
 * Het totaal aantal meldingen in het jaar.
 */
export type TotaalAantalMeldingen = number | Onbekend
/**
 * Meldingen door medewerkers of bestuurders.
 */
export type InterneMeldingen = number | Onbekend
/**
 * Meldingen van buiten de organisatie, zoals inwoners.
 */
export type ExterneMeldingen = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type TotaalAantalOnderzoeken = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type OnderzoekenDoorDeLijn = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type InterneOnderzoeken = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type ExterneOnderzoeken = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type AfgerondeOnderzoeken = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type GegrondeMeldingen = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type OngegrondeMeldingen = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type MeldingenMetMaatregelen = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type DisciplinaireOntslagen = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type Adviesvragen = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type Signalen = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type BerichtenViaDeWebsite = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type LopendeCasussenUitEerdereJaren = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type NieuweCasussen = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type TotaalAantalCasussen = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type LopendeMeldingenUitEerdereJaren = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type MeldingenViaEenVertrouwenspersoon = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type MeldingenRechtstreeksDoorEenVertrouwenspersoon = number | Onbekend
/**
 * Een geheel getal van 0 of meer, of 'onbekend'.
 */
export type TotaalAantalMeldingenBijDeVertrouwenspersonen = number | Onbekend
/**
 * Een aantal uren van 0 of meer (decimalen mogen), of 'onbekend'.
 */
export type Uren = number | Onbekend
/**
 * Een aantal uren van 0 of meer (decimalen mogen), of 'onbekend'.
 */
export type Uren1 = number | Onbekend
/**
 * Een aantal uren van 0 of meer (decimalen mogen), of 'onbekend'.
 */
export type Uren2 = number | Onbekend
/**
 * De lijst met kengetallen. Gebruik elk jaar dezelfde id, dan vergelijkt het verslag de jaren. Zonder kengetallen staat er alleen 'kengetallen:'.
 *
 * @maxItems 200
 */
export type LijstMetKengetallen = Kengetal[] | null
/**
 * Het cijfer waar de zin over gaat, bijvoorbeeld 'meldingen.totaal' of 'kengetallen.eed-belofte'.
 */
export type Cijfer = string
/**
 * 'vergelijking' (standaard): dit jaar tegen het vorige jaar. 'eerdere-jaren': de jaren vóór het vorige jaar.
 */
export type SoortZin = 'vergelijking' | 'eerdere-jaren'
/**
 * Wat er geteld wordt, in het enkelvoud, bijvoorbeeld 'melding'. Daarmee wordt {waarde} 'één melding', 'negen meldingen' (in een zin die vergelijkt: '9 meldingen') of 'geen meldingen'.
 */
export type Woord = string
/**
 * Het meervoud van het woord, als dat niet vanzelf goed gaat (bijvoorbeeld 'casussen').
 */
export type Meervoud = string
/**
 * De zin, met {plekken} voor de cijfers en [enkelvoud|meervoud] voor een woord dat met het cijfer meebuigt.
 */
export type Tekst1 = string

export interface Projectgegevens {
  organisatie: Organisatie
  historie: Historie
  meta: Verslagjaar
  meldingen: Meldingen
  vertrouwenspersonen: Vertrouwenspersonen
  kengetallen: Kengetallen
  zinnen: Zinnen
}
/**
 * De instellingen van de organisatie: naam, vocabulaires, vergelijking, thema en publicatie (data/organisatie.yaml).
 */
export interface Organisatie {
  organisatie: NaamVanDeOrganisatie
  titel?: TitelVanHetVerslag
  vocabulaires?: Vocabulaires
  vergelijking?: Vergelijking
  privacy?: Privacy
  thema?: Thema
  publicatie?: Publicatie
}
/**
 * De categorieën die deze organisatie gebruikt. Standaard de landelijke lijsten; per lijst uit te breiden of te vervangen.
 */
export interface Vocabulaires {
  type?: VocabulaireTypenSchending
  status?: VocabulaireStatus
  regeling?: VocabulaireMeldregelingen
  soort_kwestie?: VocabulaireSoortKwestie
  relatie?: VocabulaireRelatie
  uren?: ActiviteitenVanDeVertrouwenspersonen
}
/**
 * De typen schending van meldingen (conform landelijke omschrijving).
 */
export interface VocabulaireTypenSchending {
  uitgangspunt?: Uitgangspunt
  waarden: Waarden
}
/**
 * Hoe de meldingen er aan het einde van het jaar voor staan.
 */
export interface VocabulaireStatus {
  uitgangspunt?: Uitgangspunt
  waarden: Waarden
}
/**
 * De regelingen waaronder een melding valt.
 */
export interface VocabulaireMeldregelingen {
  uitgangspunt?: Uitgangspunt
  waarden: Waarden
}
/**
 * De soorten kwesties bij de vertrouwenspersonen.
 */
export interface VocabulaireSoortKwestie {
  uitgangspunt?: Uitgangspunt
  waarden: Waarden
}
/**
 * Tot wie de kwestie bij de vertrouwenspersonen zich verhoudt.
 */
export interface VocabulaireRelatie {
  uitgangspunt?: Uitgangspunt
  waarden: Waarden
}
/**
 * De activiteiten waaraan de vertrouwenspersonen uren besteden, in groepen. De landelijke lijst heeft de groepen 'contacten' (gesprekken, begeleiding) en 'overig' (afstemming, kwalificatie, voorlichting, onboarding).
 */
export interface ActiviteitenVanDeVertrouwenspersonen {
  uitgangspunt?: UitgangspuntVanDeUrenlijst
  groepen: GroepenActiviteiten
}
/**
 * Een groep activiteiten met een eigen subtotaal, bijvoorbeeld 'contacten'.
 */
export interface GroepActiviteiten {
  id: IdVanDeGroep
  naam: NaamVanDeGroep
  activiteiten: ActiviteitenVanDeGroep
}
/**
 * Een activiteit waaraan uren worden besteed.
 */
export interface Activiteit {
  id: IdVanDeActiviteit
  naam: NaamVanDeActiviteit
}
/**
 * Hoeveel jaren het verslag vergelijkt, en vanaf welk cijfer een verschil ook in procenten staat.
 */
export interface Vergelijking {
  venster?: Venster
  procent_vanaf?: VerschilInProcentenVanaf
}
/**
 * Waarschuwingen voor kleine aantallen die naar een persoon kunnen wijzen.
 */
export interface Privacy {
  drempel?: Drempel
}
/**
 * De huisstijl van het verslag.
 */
export interface Thema {
  hoofdkleur?: Hoofdkleur
  steunkleur?: Steunkleur
  logo?: Logo
}
/**
 * Het logo op de omslag: een SVG-, PNG- of JPG-bestand in de projectmap, met een tekst voor wie het niet ziet.
 */
export interface Logo {
  bestand: Bestand
  tekst: Tekst
}
/**
 * Gegevens voor de open data en de metadata van de PDF.
 */
export interface Publicatie {
  licentie?: Licentie
  basis_url?: AdresVanDeUitvoerOpInternet
  organisatie_uri?: AdresVanDeOrganisatieInDeRegistersVanDeOverheid
  contact?: Contact
  trefwoorden?: Trefwoorden
}
/**
 * Cijfers van jaren van vóór het gebruik van dit hulpmiddel: totalen en kengetallen (data/historie.yaml).
 */
export interface Historie {
  bron?: Bron
  jaren: Jaren
}
/**
 * Per jaar (als '2015') de bekende totalen en kengetallen.
 */
export interface Jaren {
  [k: string]: {
    meldingen?: MeldingenInDatJaar
    adviesvragen?: AdviesvragenInDatJaar
    vp_casussen?: CasussenVertrouwenspersonen
    kengetallen?: KengetallenVanDatJaar
    reeksbreuken?: Reeksbreuken
    deelperiode?: DeelperiodeTot
    toelichting?: Toelichting
  }
}
/**
 * Eén cijfer met een nieuwe definitie, met de reden.
 */
export interface Reeksbreuk {
  cijfer: CijferMetEenNieuweDefinitie
  toelichting: RedenVanDeReeksbreuk
}
/**
 * Gegevens over het verslagjaar zelf (data/JJJJ/meta.yaml). Dit bestand is verplicht in elke jaarmap.
 */
export interface Verslagjaar {
  jaar: Jaar
  status: Status
  bron: Bron
  vastgesteld?: VastgesteldOp
  verslagperiode?: Verslagperiode
  reeksbreuken?: Reeksbreuken
  indelingswijzigingen?: WijzigingenVanDeIndeling
  deelperiode?: Deelperiode
}
/**
 * Vul dit in als het verslag over meer jaren gaat, zoals een rapportage over 2021 en 2022: in de map van het laatste jaar, met het eerste jaar. De jaren ertussen krijgen dan geen eigen verslag.
 */
export interface Verslagperiode {
  van: EersteJaarVanDeVerslagperiode
}
/**
 * Eén wijziging: welke verdeling, wat er gebeurde, de categorieën van vorig jaar (van) en die van dit jaar (naar).
 */
export interface WijzigingVanDeIndeling {
  verdeling: Verdeling
  wijziging: SoortWijziging
  van?: CategorieenVanVorigJaar
  naar?: CategorieenVanDitJaar
  toelichting?: Toelichting
}
/**
 * Vul dit in als de cijfers niet het hele jaar beslaan.
 */
export interface Deelperiode {
  tot: TotEnMet
  toelichting?: Toelichting
}
/**
 * De meldingen bij het meldpunt integriteit in het verslagjaar (data/JJJJ/meldingen.yaml).
 */
export interface Meldingen {
  totaal: TotaalAantalMeldingen
  herkomst?: HerkomstVanDeMeldingen
  regeling?: MeldingenPerRegeling
  type?: MeldingenPerTypeSchending
  status?: MeldingenPerStatusAanHetEindeVanHetJaar
  onderzoeken?: Onderzoeken
  uitkomst?: UitkomstVanDeMeldingen
  maatregelen?: MeldingenMetMaatregelen
  disciplinaire_ontslagen?: DisciplinaireOntslagen
  adviesvragen?: Adviesvragen
  signalen?: Signalen
  websiteberichten?: BerichtenViaDeWebsite
  toelichting?: Toelichting
}
/**
 * Meldingen van binnen en van buiten de organisatie.
 */
export interface HerkomstVanDeMeldingen {
  intern?: InterneMeldingen
  extern?: ExterneMeldingen
}
/**
 * Meldingen per meldregeling (zakelijke integriteit, sociale integriteit, misstand).
 */
export interface MeldingenPerRegeling {
  /**
   * Een geheel getal van 0 of meer, of 'onbekend'.
   */
  [k: string]: number | Onbekend
}
/**
 * Meldingen per type schending, conform de vocabulaire 'type'.
 */
export interface MeldingenPerTypeSchending {
  /**
   * Een geheel getal van 0 of meer, of 'onbekend'.
   */
  [k: string]: number | Onbekend
}
/**
 * Meldingen per stand van zaken op 31 december, conform de vocabulaire 'status'.
 */
export interface MeldingenPerStatusAanHetEindeVanHetJaar {
  /**
   * Een geheel getal van 0 of meer, of 'onbekend'.
   */
  [k: string]: number | Onbekend
}
/**
 * (Voor)onderzoeken naar aanleiding van meldingen.
 */
export interface Onderzoeken {
  totaal?: TotaalAantalOnderzoeken
  lijn?: OnderzoekenDoorDeLijn
  intern?: InterneOnderzoeken
  extern?: ExterneOnderzoeken
  afgerond?: AfgerondeOnderzoeken
  toelichting?: Toelichting
}
/**
 * Meldingen die na onderzoek gegrond of ongegrond bleken.
 */
export interface UitkomstVanDeMeldingen {
  gegrond?: GegrondeMeldingen
  ongegrond?: OngegrondeMeldingen
}
/**
 * De inzet van de vertrouwenspersonen in het verslagjaar (data/JJJJ/vertrouwenspersonen.yaml).
 */
export interface Vertrouwenspersonen {
  casussen?: CasussenBijDeVertrouwenspersonen
  meldingen?: MeldingenViaDeVertrouwenspersonen
  uren?: BestedeUren
  soort_kwestie?: VermeldingenPerSoortKwestie
  relatie?: VermeldingenPerRelatie
  toelichting?: Toelichting
}
/**
 * Casussen (personen) die bij de vertrouwenspersonen kwamen: lopend + nieuw = totaal.
 */
export interface CasussenBijDeVertrouwenspersonen {
  lopend?: LopendeCasussenUitEerdereJaren
  nieuw?: NieuweCasussen
  totaal?: TotaalAantalCasussen
}
/**
 * Formele meldingen waarbij de vertrouwenspersonen betrokken waren: lopend + via VP + door VP = totaal.
 */
export interface MeldingenViaDeVertrouwenspersonen {
  lopend?: LopendeMeldingenUitEerdereJaren
  via_vp?: MeldingenViaEenVertrouwenspersoon
  door_vp?: MeldingenRechtstreeksDoorEenVertrouwenspersoon
  totaal?: TotaalAantalMeldingenBijDeVertrouwenspersonen
}
/**
 * De bestede uren per groep activiteiten, met een subtotaal per groep en het eindtotaal. De groepen en activiteiten staan in de vocabulaire 'uren' in organisatie.yaml; standaard 'contacten' (gesprekken, begeleiding) en 'overig' (afstemming, kwalificatie, voorlichting, onboarding).
 */
export interface BestedeUren {
  totaal?: Uren
  [k: string]: UrenVanEenGroepActiviteiten | Uren | undefined
}
/**
 * Uren per activiteit van deze groep (de sleutels uit de vocabulaire 'uren'), met het subtotaal.
 */
export interface UrenVanEenGroepActiviteiten {
  totaal?: Uren1
  [k: string]: Uren2 | Uren1 | undefined
}
/**
 * Vermeldingen per soort kwestie. Een casus kan meerdere soorten hebben: de aantallen tellen niet op tot het aantal casussen.
 */
export interface VermeldingenPerSoortKwestie {
  /**
   * Een geheel getal van 0 of meer, of 'onbekend'.
   */
  [k: string]: number | Onbekend
}
/**
 * Vermeldingen per relatie. Een casus kan meerdere relaties hebben: de aantallen tellen niet op tot het aantal casussen.
 */
export interface VermeldingenPerRelatie {
  /**
   * Een geheel getal van 0 of meer, of 'onbekend'.
   */
  [k: string]: number | Onbekend
}
/**
 * Overige kengetallen van het jaar, elk met een eenheid (data/JJJJ/kengetallen.yaml).
 */
export interface Kengetallen {
  kengetallen: LijstMetKengetallen
}
/**
 * De zinnen die het verslag zelf schrijft (templates/zinnen.yaml). Per zin een cijfer en varianten; welke variant wordt gezegd, hangt af van wat over het cijfer bekend is. Zie docs/sjablonen.md.
 */
export interface Zinnen {
  [k: string]: Zin
}
/**
 * Een zin over één cijfer, met een variant per toestand van dat cijfer.
 */
export interface Zin {
  cijfer: Cijfer
  soort?: SoortZin
  woord?: Woord
  meervoud?: Meervoud
  varianten: Varianten
}
/**
 * De zin per toestand van het cijfer, bijvoorbeeld 'gestegen', 'gedaald', 'onbekend'. Een toestand zonder eigen variant valt terug op een algemenere ('vergeleken', 'bekend'); zonder passende variant blijft de zin weg.
 */
export interface Varianten {
  [k: string]: Tekst1
}

/** The name of every single figure a template can use (the schemas' "x-cijfer"). */
export type FigureKey =
  | 'meldingen.totaal'
  | 'meldingen.intern'
  | 'meldingen.extern'
  | 'meldingen.onderzoeken'
  | 'meldingen.onderzoeken_lijn'
  | 'meldingen.onderzoeken_intern'
  | 'meldingen.onderzoeken_extern'
  | 'meldingen.onderzoeken_afgerond'
  | 'meldingen.gegrond'
  | 'meldingen.ongegrond'
  | 'meldingen.maatregelen'
  | 'meldingen.disciplinaire_ontslagen'
  | 'meldingen.adviesvragen'
  | 'meldingen.signalen'
  | 'meldingen.websiteberichten'
  | 'vp.casussen_lopend'
  | 'vp.casussen_nieuw'
  | 'vp.casussen'
  | 'vp.meldingen_lopend'
  | 'vp.meldingen_via_vp'
  | 'vp.meldingen_door_vp'
  | 'vp.meldingen'
  | 'vp.uren'
