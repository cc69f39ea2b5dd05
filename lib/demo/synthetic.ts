/**
 * Deterministic generated addresses and network lines in the real file formats, for the demo
 * territory and the import benchmark. Streets and numbers are invented; communes are real.
 */
import { BAN_HEADER_COLUMNS, IPE_HEADER_COLUMNS } from "@/lib/demo/headers";

/** mulberry32: a small seeded PRNG, so every run writes the same files. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STREET_TYPES = ["Rue", "Avenue", "Boulevard", "Chemin", "Route", "Impasse", "Place", "Allée"];
const STREET_NAMES = [
  "de la République", "d'Alsace-Lorraine", "Jean Jaurès", "du Général de Gaulle", "des Écoles", "de la Gare", "Pasteur", "du Moulin",
  "des Tilleuls", "de l'Église", "Jules Ferry", "des Artisans", "de l'Industrie", "du Stade", "des Acacias", "Gambetta",
  "de la Mairie", "des Prés", "du Château", "Carnot", "de Lattre de Tassigny", "des Vignes", "du Lavoir", "de la Source",
  "Victor Hugo", "des Entrepreneurs", "du Commerce", "de l'Artisanat", "Marcel Pagnol", "des Peupliers",
];

export interface SyntheticCommune {
  inseeCode: string;
  name: string;
  postcode: string;
  lat: number;
  lon: number;
}

export interface SyntheticAddress {
  id: string;
  streetIndex: number;
  number: number;
  suffix: string;
  streetType: string;
  streetName: string;
  commune: SyntheticCommune;
  lat: number;
  lon: number;
}

const NUMBERS_PER_STREET = 40;

/** `count` addresses spread over the communes, streets of 40 numbers, a "bis" beside a number now and then. */
export function* syntheticAddresses(communes: readonly SyntheticCommune[], count: number, seed = 1): Generator<SyntheticAddress> {
  const random = seededRandom(seed);
  const perCommune = Math.ceil(count / communes.length);
  let produced = 0;
  for (const commune of communes) {
    for (let index = 0; index < perCommune && produced < count; index++) {
      const streetIndex = Math.floor(index / NUMBERS_PER_STREET);
      const number = (index % NUMBERS_PER_STREET) + 1;
      const streetType = STREET_TYPES[streetIndex % STREET_TYPES.length]!;
      const round = Math.floor(streetIndex / STREET_NAMES.length);
      const streetName = `${STREET_NAMES[streetIndex % STREET_NAMES.length]}${round > 0 ? ` ${round + 1}` : ""}`;
      const voie = `v${streetIndex.toString(36).padStart(3, "0")}`;
      // Streets run east–west, 15 m between numbers, 80 m between streets, around the commune centre.
      const lat = commune.lat + (streetIndex % 50) * 0.00072 - 0.018;
      const lon = commune.lon + number * 0.0002 + Math.floor(streetIndex / 50) * 0.01 - 0.004;
      const base = { streetIndex, number, streetType, streetName, commune };
      const id = `${commune.inseeCode}_${voie}_${String(number).padStart(5, "0")}`;
      yield { ...base, id, suffix: "", lat: round6(lat), lon: round6(lon) };
      produced += 1;
      if (random() < 0.03 && produced < count) {
        yield { ...base, id: `${id}_bis`, suffix: "bis", lat: round6(lat + 0.00005), lon: round6(lon + 0.00008) };
        produced += 1;
      }
    }
  }
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

export function banHeader(): string {
  return BAN_HEADER_COLUMNS.join(";");
}

export function banLineOf(address: SyntheticAddress): string {
  const { commune } = address;
  const values: Record<string, string | number> = {
    id: address.id,
    numero: address.number,
    rep: address.suffix,
    nom_voie: `${address.streetType} ${address.streetName}`,
    code_postal: commune.postcode,
    code_insee: commune.inseeCode,
    nom_commune: commune.name,
    lon: address.lon,
    lat: address.lat,
    type_position: "entrée",
    libelle_acheminement: commune.name.toUpperCase(),
    source_position: "commune",
    source_nom_voie: "commune",
    certification_commune: 1,
  };
  return BAN_HEADER_COLUMNS.map((column) => values[column] ?? "").join(";");
}

export function ipeHeader(): string {
  return IPE_HEADER_COLUMNS.join(";");
}

export interface IpeFields {
  state: string;
  operatorCode: string;
  pmReference: string;
  commercialService: string;
  firstAvailability: string;
  freeDedicatedFibre: "O" | "N";
  dwellings: number;
  type: "PAVILLON" | "IMMEUBLE";
}

/** An IPE line for the building at an address, written the way operators do (upper case, split street type). */
export function ipeLineOf(address: SyntheticAddress, buildingId: string, fields: IpeFields): string {
  const { commune } = address;
  const values: Record<string, string | number> = {
    IdentifiantImmeuble: buildingId,
    EtatImmeuble: fields.state,
    CodeInseeImmeuble: commune.inseeCode,
    CodePostalImmeuble: commune.postcode,
    CommuneImmeuble: commune.name.toUpperCase(),
    NumeroVoieImmeuble: address.number,
    ComplementNumeroVoieImmeuble: address.suffix ? address.suffix.charAt(0).toUpperCase() : "",
    TypeVoieImmeuble: address.streetType.toUpperCase(),
    NomVoieImmeuble: address.streetName.normalize("NFD").replace(/\p{M}/gu, "").toUpperCase(),
    NombreLogementsAdresseIPE: fields.dwellings,
    CoordonneeImmeubleX: String(address.lon).replace(".", ","),
    CoordonneeImmeubleY: String(address.lat).replace(".", ","),
    TypeProjectionGeographique: "WGS84",
    ReferencePM: fields.pmReference,
    EtatPM: fields.state === "DEPLOYE" ? "DEPLOYE" : "EN COURS DE DEPLOIEMENT",
    CodeOI: fields.operatorCode,
    DateMiseEnServiceCommercialePM: fields.commercialService,
    DatePremiereMADPM: fields.firstAvailability,
    FibreDedieeLibre: fields.freeDedicatedFibre,
    TypeImmeuble: fields.type,
  };
  return IPE_HEADER_COLUMNS.map((column) => values[column] ?? "").join(";");
}

/** Arcep Ma connexion internet `base_imb` (DATA-FORMATS.md §5). */
export const MCI_BUILDING_HEADER =
  "imb_id;imb_x;imb_y;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;addr_code;imb_num;addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;addr_nom_commune;addr_id_fantoir;addr_source";
/** Arcep Ma connexion internet `actuel`: one line per building × commercial operator × technology. */
export const MCI_ELIGIBILITY_HEADER = "imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;classe_debit_descendant;limitation;saturation";

/** The `base_imb` line linking Arcep's building `mciId` to the IPE building `buildingId` at an address. */
export function mciBuildingLineOf(address: SyntheticAddress, mciId: string, buildingId: string, type: "PAVILLON" | "IMMEUBLE"): string {
  return [
    mciId, address.lon, address.lat, buildingId, address.commune.inseeCode, 1, "ipe", type, address.id, "",
    address.number, address.suffix, `${address.streetType} ${address.streetName}`, "", address.commune.inseeCode, address.commune.name, "", "ban",
  ].join(";");
}

/** An `actuel` line: `operator` sells `technology` (FO, CU, COAX, 4GF, SAT, THDR) at the building. */
export function mciEligibilityLineOf(address: SyntheticAddress, mciId: string, buildingId: string, operator: string, technology: string): string {
  const speed = technology === "FO" ? ["THD1G", "THD1G"] : ["HD3", "HD05"];
  return [mciId, address.id, buildingId, operator, technology, ...speed, "", ""].join(";");
}
