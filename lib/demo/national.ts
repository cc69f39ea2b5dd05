/**
 * Generated addresses for the whole of France (npm run bench:national): every current commune
 * (Paris, Lyon and Marseille by arrondissement, as the BAN has them), a share of the addresses
 * growing with its population as the BAN's does (population^0.77: a village of 200 has ~1 address
 * per 1.5 inhabitants, Paris ~1 per 14), streets of realistic length and vocabulary, numbers with
 * bis/ter, lieux-dits. Deterministic (seeded) and streamed: one commune's street names in memory.
 * Positions are invented (the reference data has none): each département at a stable point of
 * metropolitan France (overseas ones near their real place), its communes around it.
 */
import { BAN_HEADER_COLUMNS } from "@/lib/demo/headers";
import { seededRandom, type SyntheticAddress, type SyntheticCommune } from "@/lib/demo/synthetic";
import * as words from "@/lib/demo/street-vocabulary";
import type { ReferenceData } from "@/lib/reference/decoupage";

export interface NationalCommune extends SyntheticCommune {
  departementCode: string;
  postcodes: string[];
  /** How many addresses this commune gets. */
  addresses: number;
}

export interface NationalAddress extends SyntheticAddress {
  commune: NationalCommune;
  postcode: string;
  /** nom_ld: the lieu-dit complement, or "". */
  locality: string;
}

const OVERSEAS: Readonly<Record<string, [number, number]>> = {
  "971": [16.25, -61.58], "972": [14.64, -61.02], "973": [4.94, -52.33], "974": [-21.11, 55.53], "976": [-12.78, 45.23],
};
const SIZE_EXPONENT = 0.77;

/** The communes that receive addresses, each with its share of `total` (largest-remainder rounding). */
export function nationalCommunes(reference: ReferenceData, total: number): NationalCommune[] {
  const postcodes = new Map<string, string[]>();
  for (const row of reference.postcodes) postcodes.set(row.inseeCode, [...(postcodes.get(row.inseeCode) ?? []), row.postcode]);
  const split = new Set(reference.communes.filter((commune) => commune.parentInseeCode).map((commune) => commune.parentInseeCode));
  const random = seededRandom(1789);
  const centres = new Map<string, [number, number]>();
  const centreOf = (code: string) => {
    if (!centres.has(code)) centres.set(code, OVERSEAS[code] ?? [43 + random() * 7.5, -1.2 + random() * 8.5]);
    return centres.get(code)!;
  };
  const chosen = reference.communes.filter((commune) => !split.has(commune.inseeCode));
  const weights = chosen.map((commune) => Math.max(1, commune.population ?? 1) ** SIZE_EXPONENT);
  const sum = weights.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  let given = 0;
  return chosen.map((commune, index) => {
    cumulative += weights[index]!;
    const upTo = Math.round((cumulative / sum) * total);
    const addresses = upTo - given;
    given = upTo;
    const [lat, lon] = centreOf(commune.departementCode);
    const spread = commune.departementCode.length === 3 ? 0.15 : 0.4;
    const codes = postcodes.get(commune.inseeCode) ?? [`${commune.departementCode.slice(0, 2).replace(/2[AB]/, "20")}000`];
    return {
      inseeCode: commune.inseeCode,
      name: commune.name,
      postcode: codes[0]!,
      postcodes: codes,
      departementCode: commune.departementCode,
      lat: lat + (random() - 0.5) * 2 * spread,
      lon: lon + (random() - 0.5) * 2 * spread,
      addresses,
    };
  });
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const startsWithVowel = (text: string) => /^[AEIOUYÉÈÊÂÎÔH]/i.test(text);
const FEMALE_SAINTS = new Set(["Anne", "Catherine", "Madeleine", "Marthe", "Geneviève", "Agathe", "Barbe", "Cécile", "Odile", "Foy", "Vérane"]);
const TYPE_TOTAL = words.STREET_TYPES.reduce((sum, [, weight]) => sum + weight, 0);

function streetType(random: Random): string {
  let draw = random() * TYPE_TOTAL;
  for (const [type, weight] of words.STREET_TYPES) {
    draw -= weight;
    if (draw <= 0) return type;
  }
  return "Rue";
}

function lieuDit(random: Random): string {
  return `${pick(random, words.PLACE_HEADS)} ${pick(random, words.PLACE_TAILS)}`;
}

/** One street name (after its type): people, saints, places nearby, trees, trades, dates, features… */
function streetName(random: Random, neighbours: readonly NationalCommune[]): string {
  const draw = random();
  if (draw < 0.22) return `${pick(random, words.FIRST_NAMES)} ${pick(random, words.SURNAMES)}`;
  if (draw < 0.28) return `${pick(random, words.TITLES)} ${pick(random, words.SURNAMES)}`;
  if (draw < 0.32) return pick(random, words.SURNAMES);
  if (draw < 0.38) {
    const saint = pick(random, words.SAINTS);
    return `${FEMALE_SAINTS.has(saint) ? "Sainte" : "Saint"}-${saint}`;
  }
  if (draw < 0.5) {
    const place = pick(random, neighbours).name;
    return startsWithVowel(place) ? `d'${place}` : `de ${place}`;
  }
  if (draw < 0.58) return `des ${pick(random, words.TREES)}`;
  if (draw < 0.61) return `des ${pick(random, words.BIRDS)}`;
  if (draw < 0.66) return `des ${pick(random, words.TRADES)}`;
  if (draw < 0.68) return pick(random, words.DATES);
  if (draw < 0.72) return pick(random, words.IDEAS);
  if (draw < 0.8) return `${pick(random, words.FEATURES)}${random() < 0.15 ? ` ${pick(random, ["Haut", "Bas", "Neuf", "Vieux"])}` : ""}`;
  return pick(random, words.FEATURES);
}

/** How many numbers a voie of this type has (before the commune runs out). */
function streetLength(random: Random, type: string): number {
  const max = type === "Impasse" || type === "Clos" || type === "Square" ? 12 : type === "" || type === "Hameau" ? 8 : type === "Place" ? 30 : 90;
  return 1 + Math.floor(max * random() ** 2.2);
}

const SUFFIX_TOTAL = words.SUFFIXES.reduce((sum, [, probability]) => sum + probability, 0);

function suffixAfter(random: Random): string {
  let draw = random();
  if (draw >= SUFFIX_TOTAL) return "";
  for (const [suffix, probability] of words.SUFFIXES) {
    draw -= probability;
    if (draw < 0) return suffix;
  }
  return "";
}

/** Every commune's addresses, commune after commune; `seed` changes the streets, not the shares. */
export function* nationalAddresses(communes: readonly NationalCommune[], seed = 1): Generator<NationalAddress> {
  const random = seededRandom(seed);
  const byDepartement = new Map<string, NationalCommune[]>();
  for (const commune of communes) byDepartement.set(commune.departementCode, [...(byDepartement.get(commune.departementCode) ?? []), commune]);
  for (const commune of communes) {
    const neighbours = byDepartement.get(commune.departementCode)!;
    const used = new Set<string>();
    let left = commune.addresses;
    for (let voieIndex = 0; left > 0; voieIndex++) {
      const rural = random() < 0.08;
      const type = rural ? "" : streetType(random);
      let name = type === "" || type === "Hameau" ? lieuDit(random) : streetName(random, neighbours);
      for (let attempt = 0; used.has(`${type} ${name}`) && attempt < 6; attempt++) {
        name = attempt < 4 ? streetName(random, neighbours) : `${pick(random, words.FIRST_NAMES)} ${pick(random, words.SURNAMES)}`;
      }
      used.add(`${type} ${name}`);
      const postcode = pick(random, commune.postcodes);
      const locality = type !== "" && random() < 0.04 ? lieuDit(random) : "";
      const metric = (type === "Chemin" || type === "Route") && random() < 0.15;
      const angle = random() * Math.PI;
      const start = [commune.lat + (random() - 0.5) * 0.05, commune.lon + (random() - 0.5) * 0.07];
      const voie = voieIndex.toString(36).padStart(4, "0");
      const length = Math.min(left, streetLength(random, type));
      let number = metric ? 5 + Math.floor(random() * 40) : 1;
      for (let position = 0; position < length && left > 0; position++) {
        const step = position * 0.00012;
        const base = {
          streetIndex: voieIndex, number, streetType: type, streetName: name, commune, postcode, locality,
          lat: round6(start[0]! + Math.sin(angle) * step), lon: round6(start[1]! + Math.cos(angle) * step),
        };
        const id = `${commune.inseeCode}_${voie}_${String(number).padStart(5, "0")}`;
        yield { ...base, id, suffix: "" };
        left -= 1;
        const suffix = left > 0 ? suffixAfter(random) : "";
        if (suffix) {
          yield { ...base, id: `${id}_${suffix}`, suffix, lat: round6(base.lat + 0.00004) };
          left -= 1;
        }
        number += metric ? 5 + Math.floor(random() * 60) : random() < 0.1 ? 2 : 1;
      }
    }
  }
}

const round6 = (value: number) => Math.round(value * 1e6) / 1e6;

/** The street as the BAN writes it in nom_voie ("Rue Saint-Martin", or a lieu-dit alone). */
export const streetOf = (address: SyntheticAddress) => (address.streetType ? `${address.streetType} ${address.streetName}` : address.streetName);

export function nationalBanLine(address: NationalAddress): string {
  const values: Record<string, string | number> = {
    id: address.id,
    numero: address.number,
    rep: address.suffix,
    nom_voie: streetOf(address),
    code_postal: address.postcode,
    code_insee: address.commune.inseeCode,
    nom_commune: address.commune.name,
    lon: address.lon,
    lat: address.lat,
    type_position: "entrée",
    nom_ld: address.locality,
    libelle_acheminement: address.commune.name.toUpperCase(),
    source_position: "commune",
    source_nom_voie: "commune",
    certification_commune: 1,
  };
  return BAN_HEADER_COLUMNS.map((column) => values[column] ?? "").join(";");
}
