/**
 * Reads the reference territory of France from @etalab/decoupage-administratif (JSON files read
 * directly: the package's index.js only works from its own folder) and maps it to our rows.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { z } from "zod";
import { normalizeText } from "@/lib/text/normalize";

const ZRegion = z.object({ code: z.string(), nom: z.string() });
const ZDepartement = z.object({ code: z.string(), nom: z.string(), region: z.string() });
const ZEpci = z.object({
  code: z.string(),
  nom: z.string(),
  type: z.string(),
  populationMunicipale: z.number().optional(),
  membres: z.array(z.object({ code: z.string() })),
});
const ZCommune = z.object({
  code: z.string(),
  nom: z.string(),
  type: z.string(),
  departement: z.string().optional(),
  region: z.string().optional(),
  commune: z.string().optional(),
  codesPostaux: z.array(z.string()).optional(),
  population: z.number().optional(),
});

export interface ReferenceSource {
  regions: z.infer<typeof ZRegion>[];
  departements: z.infer<typeof ZDepartement>[];
  epcis: z.infer<typeof ZEpci>[];
  communes: z.infer<typeof ZCommune>[];
}

export interface RegionRow {
  code: string;
  name: string;
}
export interface DepartementRow {
  code: string;
  name: string;
  regionCode: string;
}
export interface EpciRow {
  siren: string;
  name: string;
  type: string;
  population: number | null;
}
export interface CommuneRow {
  inseeCode: string;
  name: string;
  searchName: string;
  kind: "COMMUNE" | "ARRONDISSEMENT";
  parentInseeCode: string | null;
  departementCode: string;
  regionCode: string;
  epciSiren: string | null;
  population: number | null;
}
export interface PostcodeRow {
  postcode: string;
  inseeCode: string;
}

export interface ReferenceData {
  regions: RegionRow[];
  departements: DepartementRow[];
  epcis: EpciRow[];
  communes: CommuneRow[];
  postcodes: PostcodeRow[];
}

const PACKAGE = "@etalab/decoupage-administratif";

function readPackageJson<T>(file: string, schema: z.ZodType<T>): T {
  const resolve = createRequire(path.join(process.cwd(), "package.json")).resolve;
  const raw: unknown = JSON.parse(fs.readFileSync(resolve(`${PACKAGE}/data/${file}`), "utf8"));
  return schema.parse(raw);
}

export function readDecoupageAdministratif(): ReferenceSource {
  return {
    regions: readPackageJson("regions.json", z.array(ZRegion)),
    departements: readPackageJson("departements.json", z.array(ZDepartement)),
    epcis: readPackageJson("epci.json", z.array(ZEpci)),
    communes: readPackageJson("communes.json", z.array(ZCommune)),
  };
}

/** The vintage shipped on npm, shown as the source of the reference data. */
export function decoupageVersion(): string {
  const resolve = createRequire(path.join(process.cwd(), "package.json")).resolve;
  const pkg = JSON.parse(fs.readFileSync(resolve(`${PACKAGE}/package.json`), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Current communes, plus the municipal arrondissements of Paris, Lyon and Marseille (BAN
 * addresses there carry the arrondissement's code). Communes déléguées and associées are left
 * out: their codes are not those of BAN addresses and some repeat a current commune's code.
 */
export function toReferenceData(source: ReferenceSource): ReferenceData {
  const epciOfCommune = new Map<string, string>();
  for (const epci of source.epcis) {
    for (const member of epci.membres) epciOfCommune.set(member.code, epci.code);
  }

  const communes: CommuneRow[] = [];
  const postcodes: PostcodeRow[] = [];
  for (const commune of source.communes) {
    const isArrondissement = commune.type === "arrondissement-municipal";
    if (commune.type !== "commune-actuelle" && !isArrondissement) continue;
    if (!commune.departement || !commune.region) continue;
    const parentInseeCode = isArrondissement ? (commune.commune ?? null) : null;
    communes.push({
      inseeCode: commune.code,
      name: commune.nom,
      searchName: normalizeText(commune.nom),
      kind: isArrondissement ? "ARRONDISSEMENT" : "COMMUNE",
      parentInseeCode,
      departementCode: commune.departement,
      regionCode: commune.region,
      epciSiren: epciOfCommune.get(parentInseeCode ?? commune.code) ?? null,
      population: commune.population ?? null,
    });
    for (const postcode of new Set(commune.codesPostaux ?? [])) {
      postcodes.push({ postcode, inseeCode: commune.code });
    }
  }

  return {
    regions: source.regions.map((region) => ({ code: region.code, name: region.nom })),
    departements: source.departements.map((departement) => ({
      code: departement.code,
      name: departement.nom,
      regionCode: departement.region,
    })),
    epcis: source.epcis.map((epci) => ({
      siren: epci.code,
      name: epci.nom,
      type: epci.type,
      population: epci.populationMunicipale ?? null,
    })),
    communes,
    postcodes,
  };
}
