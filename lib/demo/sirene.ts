/**
 * The demo's SIRENE stocks (StockEtablissement, StockUniteLegale) in INSEE's own format, for a few
 * dozen invented businesses on the demo's addresses — shops and offices in the main towns, firms
 * in the activity zones — loaded through the importers like the real files. They cover every way
 * an establishment is linked (BAN id, address, position only, unmatched) and what must stay hidden:
 * non-diffusible (statut P, `[ND]`) and closed (F) establishments, a non-diffusible person.
 * SIRENs and SIRETs pass the Luhn check, as real ones do. Deterministic: the same files every time.
 */
import proj4 from "proj4";
import "@/lib/geo/projection";
import { STOCK_ETABLISSEMENT_COLUMNS, STOCK_UNITE_LEGALE_COLUMNS } from "@/lib/import/sirene-fields";
import type { SyntheticAddress } from "@/lib/demo/synthetic";

/** Luhn check digit making `digits` + it valid. */
function luhnDigit(digits: string): string {
  for (let check = 0; check <= 9; check++) {
    const candidate = `${digits}${check}`;
    let sum = 0;
    for (let index = 0; index < candidate.length; index++) {
      let value = Number(candidate[candidate.length - 1 - index]);
      if (index % 2 === 1) value = value * 2 > 9 ? value * 2 - 9 : value * 2;
      sum += value;
    }
    if (sum % 10 === 0) return String(check);
  }
  throw new Error("unreachable");
}

/** The n-th demo SIREN (9 digits, Luhn-valid) and its head office's SIRET (NIC 0001x, Luhn-valid). */
export function demoSiren(n: number): string {
  const base = `91${String(n).padStart(6, "0")}`;
  return `${base}${luhnDigit(base)}`;
}

export function demoSiret(n: number): string {
  const siren = demoSiren(n);
  const base = `${siren}0001`;
  return `${base}${luhnDigit(base)}`;
}

/** Stable demo establishments for examples and tests (SIRETs of the generated file). */
export const DEMO_SIRETS = {
  /** Boulangerie du Centre, Bourg-en-Bresse: linked by its BAN id. */
  banId: demoSiret(1),
  /** Garage de la Gare, Bourg-en-Bresse: linked by its street and number. */
  address: demoSiret(2),
  /** Kiosque du Marché, Bourg-en-Bresse: no number, linked by its position only. */
  position: demoSiret(3),
  /** Atelier du Lavoir, Bourg-en-Bresse: a number the BAN lacks and no position: kept unmatched. */
  unmatched: demoSiret(4),
  /** Non-diffusible (statut P, [ND]): never stored; its page is a 404 like any unknown SIRET. */
  nonDiffusible: demoSiret(5),
  /** Closed (F): never stored. */
  closed: demoSiret(6),
} as const;


const SIRENE_STREET_TYPES: Readonly<Record<string, string>> = {
  Rue: "RUE", Avenue: "AV", Boulevard: "BD", Chemin: "CHE", Route: "RTE", Impasse: "IMP", Place: "PL", Allée: "ALL",
};
const SHOPS: readonly [string, string][] = [
  ["BOULANGERIE DU CENTRE", "10.71C"], ["GARAGE DE LA GARE", "45.20A"], ["KIOSQUE DU MARCHE", "47.62Z"], ["ATELIER DU LAVOIR", "95.29Z"],
  ["OPTIQUE BRESSANE", "47.78A"], ["PHARMACIE DES TILLEULS", "47.73Z"], ["CABINET COMPTABLE DE L'AIN", "69.20Z"], ["AGENCE IMMOBILIERE DU PARC", "68.31Z"],
  ["FLEURS ET JARDINS", "47.76Z"], ["LIBRAIRIE DES ECOLES", "47.61Z"], ["CAFE DE LA MAIRIE", "56.30Z"], ["CABINET D'ARCHITECTES", "71.11Z"],
  ["PRESSING DU MOULIN", "96.01B"], ["AUTO-ECOLE PASTEUR", "85.53Z"], ["INFORMATIQUE SERVICES", "62.02A"], ["COIFFURE LATITUDE", "96.02A"],
];
const FIRMS: readonly [string, string][] = [
  ["MENUISERIE INDUSTRIELLE", "16.23Z"], ["PLASTURGIE DU HAUT-BUGEY", "22.29A"], ["LOGISTIQUE RHONE-ALPES", "52.10B"], ["DECOLLETAGE DE PRECISION", "25.62B"],
  ["TRANSPORTS DU BUGEY", "49.41A"], ["ELECTRICITE GENERALE", "43.21A"], ["BUREAU D'ETUDES TECHNIQUES", "71.12B"], ["SERRURERIE METALLERIE", "25.11Z"],
];

interface DemoEstablishment {
  n: number;
  name: string;
  activity: string;
  address: SyntheticAddress;
  how: "ban-id" | "address" | "position" | "unmatched" | "non-diffusible" | "hidden-name" | "closed";
}

const csvField = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const upper = (text: string) => text.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase();
const toLambert93 = proj4("EPSG:4326", "EPSG:2154");

function etablissementLine(e: DemoEstablishment): string {
  const { address } = e;
  const hidden = e.how === "non-diffusible";
  const siren = demoSiren(e.n);
  const [x, y] = toLambert93.forward([address.lon, address.lat]) as [number, number];
  const values: Record<string, string> = {
    siren,
    nic: demoSiret(e.n).slice(9),
    siret: demoSiret(e.n),
    statutDiffusionEtablissement: hidden ? "P" : "O",
    dateCreationEtablissement: `${2000 + (e.n % 24)}-0${1 + (e.n % 9)}-15`,
    trancheEffectifsEtablissement: e.n % 3 === 0 ? "NN" : ["01", "03", "11", "12"][e.n % 4]!,
    anneeEffectifsEtablissement: e.n % 3 === 0 ? "" : "2023",
    dateDernierTraitementEtablissement: "2026-10-28T03:12:45.000",
    etablissementSiege: "true",
    nombrePeriodesEtablissement: "1",
    numeroVoieEtablissement: hidden ? "[ND]" : e.how === "position" ? "" : e.how === "unmatched" ? "999" : String(address.number),
    typeVoieEtablissement: hidden ? "[ND]" : e.how === "position" ? "" : SIRENE_STREET_TYPES[address.streetType] ?? "",
    libelleVoieEtablissement: hidden ? "[ND]" : e.how === "position" ? "PLACE DU MARCHE COUVERT" : upper(address.streetName),
    codePostalEtablissement: address.commune.postcode,
    libelleCommuneEtablissement: upper(address.commune.name),
    codeCommuneEtablissement: address.commune.inseeCode,
    identifiantAdresseEtablissement: hidden ? "[ND]" : e.how === "ban-id" || e.how === "closed" ? address.id : "",
    coordonneeLambertAbscisseEtablissement: hidden ? "[ND]" : e.how === "unmatched" ? "" : x.toFixed(1),
    coordonneeLambertOrdonneeEtablissement: hidden ? "[ND]" : e.how === "unmatched" ? "" : y.toFixed(1),
    dateDebut: "2024-01-01",
    etatAdministratifEtablissement: e.how === "closed" ? "F" : "A",
    enseigne1Etablissement: hidden ? "[ND]" : e.how === "hidden-name" ? "[ND]" : e.n % 5 === 4 ? "" : e.name,
    denominationUsuelleEtablissement: e.n % 5 === 4 && !hidden ? e.name : "",
    activitePrincipaleEtablissement: e.activity,
    nomenclatureActivitePrincipaleEtablissement: "NAFv2",
    caractereEmployeurEtablissement: e.n % 3 === 0 ? "N" : "O",
  };
  return STOCK_ETABLISSEMENT_COLUMNS.map((column) => csvField(values[column] ?? "")).join(",");
}

/** A company per SIREN; two sole traders who left their names public, one who did not. */
function uniteLegaleLine(e: DemoEstablishment): string {
  const person = e.n === 7 || e.n === 12 ? { prenom: e.n === 7 ? "CLAIRE" : "THOMAS", nom: e.n === 7 ? "FAVRE" : "MOREL" } : null;
  const hiddenPerson = e.how === "non-diffusible";
  const values: Record<string, string> = {
    siren: demoSiren(e.n),
    statutDiffusionUniteLegale: hiddenPerson ? "P" : "O",
    dateCreationUniteLegale: `${2000 + (e.n % 24)}-0${1 + (e.n % 9)}-15`,
    sexeUniteLegale: hiddenPerson ? "[ND]" : person ? (e.n === 7 ? "F" : "M") : "",
    prenom1UniteLegale: hiddenPerson ? "[ND]" : person?.prenom ?? "",
    prenomUsuelUniteLegale: hiddenPerson ? "[ND]" : person?.prenom ?? "",
    trancheEffectifsUniteLegale: "NN",
    dateDernierTraitementUniteLegale: "2026-10-28T03:12:45.000",
    nombrePeriodesUniteLegale: "1",
    categorieEntrepriseUniteLegale: "PME",
    anneeCategorieEntrepriseUniteLegale: "2023",
    dateDebut: "2024-01-01",
    etatAdministratifUniteLegale: e.how === "closed" ? "C" : "A",
    nomUniteLegale: hiddenPerson ? "[ND]" : person?.nom ?? "",
    denominationUniteLegale: hiddenPerson || person ? "" : `${e.name.replace(/^(BOULANGERIE|GARAGE|KIOSQUE|ATELIER|CABINET)\b/, "SARL $1")}`,
    categorieJuridiqueUniteLegale: hiddenPerson || person ? "1000" : "5499",
    activitePrincipaleUniteLegale: e.activity,
    nomenclatureActivitePrincipaleUniteLegale: "NAFv2",
    nicSiegeUniteLegale: demoSiret(e.n).slice(9),
    caractereEmployeurUniteLegale: "N",
  };
  return STOCK_UNITE_LEGALE_COLUMNS.map((column) => csvField(values[column] ?? "")).join(",");
}

/**
 * The demo's establishments: 16 shops and offices in Bourg-en-Bresse and the next towns, 8 firms on
 * the streets of each activity zone (`zoneStreets`: a commune's first street inside its zone).
 */
export function demoSireneStocks(
  addresses: readonly SyntheticAddress[],
  zoneStreets: ReadonlyMap<string, number>,
): { etablissements: string[]; unites: string[] } {
  const plain = addresses.filter((address) => !address.suffix);
  const towns = ["01053", "01283", "01004", "01034"];
  const establishments: DemoEstablishment[] = [];
  let n = 0;
  const hows: DemoEstablishment["how"][] = ["ban-id", "address", "position", "unmatched", "non-diffusible", "closed"];
  SHOPS.forEach(([name, activity], index) => {
    const inseeCode = index < 8 ? "01053" : towns[index % towns.length]!;
    const inCommune = plain.filter((address) => address.commune.inseeCode === inseeCode && !(address.streetIndex >= (zoneStreets.get(inseeCode) ?? Infinity)));
    // A town the territory lacks (a reduced territory in tests): the shop stays in the first one.
    const pool = inCommune.length > 0 ? inCommune : plain.filter((address) => address.commune.inseeCode === plain[0]!.commune.inseeCode);
    const address = pool[(index * 7 + 3) % pool.length]!;
    n += 1;
    const how = hows[index] ?? (index === 9 ? "hidden-name" : index === 13 ? "non-diffusible" : index === 14 ? "closed" : index % 2 ? "address" : "ban-id");
    establishments.push({ n, name, activity, address, how });
  });
  for (const [inseeCode, first] of zoneStreets) {
    const inZone = plain.filter((address) => address.commune.inseeCode === inseeCode && address.streetIndex >= first);
    if (inZone.length === 0) continue;
    FIRMS.forEach(([name, activity], index) => {
      n += 1;
      const how: DemoEstablishment["how"] = index === 5 ? "closed" : index === 6 && inseeCode === "01283" ? "non-diffusible" : index % 2 ? "address" : "ban-id";
      const town = upper(inZone[0]!.commune.name).split(/[- ']/)[0];
      establishments.push({ n, name: `${name} ${town}`, activity, address: inZone[(index * 5 + 1) % inZone.length]!, how });
    });
    if (n >= 60) break;
  }
  return {
    etablissements: [STOCK_ETABLISSEMENT_COLUMNS.join(","), ...establishments.map(etablissementLine)],
    unites: [STOCK_UNITE_LEGALE_COLUMNS.join(","), ...establishments.map(uniteLegaleLine)],
  };
}
