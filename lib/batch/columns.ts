/**
 * Which columns of a member list say what: the SIRET, a free-text address, or the parts of an
 * address (number, street, postcode, commune, INSEE code). Recognised by name — case, accents,
 * spaces and punctuation ignored, the usual French spellings accepted — or named by the caller
 * (`columns` for the address, `siret` for the SIRET), as the BAN geocoder's /search/csv does.
 */
import { normalizeText } from "@/lib/text/normalize";

export type ColumnRole = "siret" | "address" | "number" | "suffix" | "street" | "postcode" | "commune" | "inseeCode";

/** Spellings of each role, in their normalised form (see headerKey). */
const SPELLINGS: Readonly<Record<ColumnRole, readonly string[]>> = {
  siret: ["siret", "n siret", "no siret", "num siret", "numero siret", "siret etablissement", "code siret"],
  address: ["adresse", "adresse complete", "adresse postale", "libelle adresse", "address", "adresse etablissement"],
  number: ["numero", "num", "no", "n", "numero voie", "num voie", "no voie", "numero de voie", "numero dans la voie"],
  suffix: ["suffixe", "indice repetition", "indice de repetition", "rep", "btq", "complement numero", "cp no voie"],
  street: ["voie", "rue", "nom voie", "nom de la voie", "libelle voie", "type et nom de voie", "adresse voie", "lieu dit", "voie ou lieu dit"],
  postcode: ["code postal", "cp", "codepostal", "postcode", "code post"],
  commune: ["commune", "ville", "nom commune", "libelle commune", "localite", "city", "nom de la commune"],
  inseeCode: ["code insee", "insee", "citycode", "code commune", "code commune insee", "cog", "code insee commune"],
};

const ROLE_OF = new Map<string, ColumnRole>(
  (Object.entries(SPELLINGS) as [ColumnRole, readonly string[]][]).flatMap(([role, names]) => names.map((name) => [name, role] as const)),
);

/** A header cell reduced to its words: "N° SIRET" → "n siret", "Code_Postal" → "code postal". */
export function headerKey(name: string): string {
  return normalizeText(name.replace(/^\uFEFF/, ""));
}

export interface ColumnPlan {
  /** Position of each recognised role in the header. */
  roles: Partial<Record<ColumnRole, number>>;
  /** Columns joined into a free-text address when the parts do not give a sure match (the `columns` field). */
  freeText: number[];
}

export interface ColumnRequest {
  /** Names of the address columns (the `columns` field), as written in the header. */
  columns: readonly string[];
  /** Name of the SIRET column (the `siret` field). */
  siret: string | null;
}

/**
 * The plan for a header, or the French reason it cannot be checked (a named column that is not
 * there, nothing to match on).
 */
export function planColumns(header: readonly string[], request: ColumnRequest): ColumnPlan | { error: string } {
  const keys = header.map(headerKey);
  const find = (name: string) => {
    const exact = header.findIndex((cell) => cell.replace(/^\uFEFF/, "").trim() === name.trim());
    return exact >= 0 ? exact : keys.indexOf(headerKey(name));
  };
  const missing = [...request.columns, ...(request.siret ? [request.siret] : [])].filter((name) => find(name) < 0);
  if (missing.length > 0) {
    return { error: `Colonne${missing.length > 1 ? "s" : ""} absente${missing.length > 1 ? "s" : ""} de l'en-tête : ${missing.map((name) => `« ${name} »`).join(", ")}.` };
  }
  const roles: Partial<Record<ColumnRole, number>> = {};
  const candidates = request.columns.length > 0 ? request.columns.map(find) : keys.map((_, index) => index);
  for (const index of candidates) {
    const role = ROLE_OF.get(keys[index]!);
    if (role && role !== "siret" && roles[role] === undefined) roles[role] = index;
  }
  const siret = request.siret ? find(request.siret) : keys.findIndex((key) => ROLE_OF.get(key) === "siret");
  if (siret >= 0) roles.siret = siret;
  const freeText = request.columns.length > 0 ? request.columns.map(find) : roles.address !== undefined ? [roles.address] : [];
  const hasAddress = freeText.length > 0 || (roles.street !== undefined && (roles.inseeCode !== undefined || roles.postcode !== undefined || roles.commune !== undefined));
  if (roles.siret === undefined && !hasAddress) {
    return {
      error:
        "Aucune colonne reconnue : il faut une colonne siret, ou une adresse (adresse, ou voie avec code_insee ou code_postal et commune). Nommez-les avec les champs columns et siret si leurs titres sont autres.",
    };
  }
  return { roles, freeText };
}
