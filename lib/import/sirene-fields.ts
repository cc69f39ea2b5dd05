/**
 * What the two SIRENE importers (lib/import/sirene.ts, sirene-unites.ts) share: the INSEE stock
 * files' headers (in their real column order, for fixtures and the demo), the diffusion rule,
 * départements, and the establishment's search key.
 */
import { normalizeText } from "@/lib/text/normalize";

/** StockEtablissement, as published (CSV, `,`, UTF-8, quoted when needed). */
export const STOCK_ETABLISSEMENT_COLUMNS = [
  "siren", "nic", "siret", "statutDiffusionEtablissement", "dateCreationEtablissement", "trancheEffectifsEtablissement",
  "anneeEffectifsEtablissement", "activitePrincipaleRegistreMetiersEtablissement", "dateDernierTraitementEtablissement",
  "etablissementSiege", "nombrePeriodesEtablissement", "complementAdresseEtablissement", "numeroVoieEtablissement",
  "indiceRepetitionEtablissement", "dernierNumeroVoieEtablissement", "indiceRepetitionDernierNumeroVoieEtablissement",
  "typeVoieEtablissement", "libelleVoieEtablissement", "codePostalEtablissement", "libelleCommuneEtablissement",
  "libelleCommuneEtrangerEtablissement", "distributionSpecialeEtablissement", "codeCommuneEtablissement", "codeCedexEtablissement",
  "libelleCedexEtablissement", "codePaysEtrangerEtablissement", "libellePaysEtrangerEtablissement", "identifiantAdresseEtablissement",
  "coordonneeLambertAbscisseEtablissement", "coordonneeLambertOrdonneeEtablissement", "complementAdresse2Etablissement",
  "numeroVoie2Etablissement", "indiceRepetition2Etablissement", "typeVoie2Etablissement", "libelleVoie2Etablissement",
  "codePostal2Etablissement", "libelleCommune2Etablissement", "libelleCommuneEtranger2Etablissement", "distributionSpeciale2Etablissement",
  "codeCommune2Etablissement", "codeCedex2Etablissement", "libelleCedex2Etablissement", "codePaysEtranger2Etablissement",
  "libellePaysEtranger2Etablissement", "dateDebut", "etatAdministratifEtablissement", "enseigne1Etablissement", "enseigne2Etablissement",
  "enseigne3Etablissement", "denominationUsuelleEtablissement", "activitePrincipaleEtablissement",
  "nomenclatureActivitePrincipaleEtablissement", "caractereEmployeurEtablissement",
] as const;

/** StockUniteLegale, as published. */
export const STOCK_UNITE_LEGALE_COLUMNS = [
  "siren", "statutDiffusionUniteLegale", "unitePurgeeUniteLegale", "dateCreationUniteLegale", "sigleUniteLegale", "sexeUniteLegale",
  "prenom1UniteLegale", "prenom2UniteLegale", "prenom3UniteLegale", "prenom4UniteLegale", "prenomUsuelUniteLegale",
  "pseudonymeUniteLegale", "identifiantAssociationUniteLegale", "trancheEffectifsUniteLegale", "anneeEffectifsUniteLegale",
  "dateDernierTraitementUniteLegale", "nombrePeriodesUniteLegale", "categorieEntrepriseUniteLegale",
  "anneeCategorieEntrepriseUniteLegale", "dateDebut", "etatAdministratifUniteLegale", "nomUniteLegale", "nomUsageUniteLegale",
  "denominationUniteLegale", "denominationUsuelle1UniteLegale", "denominationUsuelle2UniteLegale", "denominationUsuelle3UniteLegale",
  "categorieJuridiqueUniteLegale", "activitePrincipaleUniteLegale", "nomenclatureActivitePrincipaleUniteLegale", "nicSiegeUniteLegale",
  "economieSocialeSolidaireUniteLegale", "societeMissionUniteLegale", "caractereEmployeurUniteLegale",
] as const;

/** The value INSEE writes in place of a field its subject asked not to publish. */
export const NOT_DIFFUSED = "[ND]";
/** statutDiffusion… of a fully public unit or establishment; P (partially diffusible) and anything else is withheld. */
export const DIFFUSIBLE = "O";

/** Whether a line may be stored: diffusible, and none of the given fields hidden by `[ND]`. */
export function isDiffusible(status: string, fields: readonly string[]): boolean {
  return status === DIFFUSIBLE && !fields.some((field) => field.includes(NOT_DIFFUSED));
}

/** 01–95, 2A, 2B, 971–976: what --departement accepts. */
const DEPARTEMENT = /^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-6])$/;

/** The département of a commune's INSEE code: "01053" → "01", "97411" → "974", "2A004" → "2A". */
export function departementOf(inseeCode: string): string {
  return inseeCode.startsWith("97") ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}

/** "01,2a, 974" → ["01", "2A", "974"]; throws with the first value that is not a département. */
export function parseDepartements(list: string): string[] {
  const values = list.split(",").map((value) => value.trim().toUpperCase()).filter(Boolean);
  const wrong = values.find((value) => !DEPARTEMENT.test(value.padStart(2, "0")));
  if (wrong !== undefined || values.length === 0) {
    throw new Error(`--departement: "${wrong ?? list}" is not a département code (01–95, 2A, 2B, 971–976).`);
  }
  return [...new Set(values.map((value) => value.padStart(2, "0")))];
}

/** Establishment.searchName: its trade name and legal name, lower case without accents. */
export function searchNameOf(tradeName: string | null, legalName: string | null): string {
  const words = [tradeName, legalName].filter((name): name is string => !!name).map(normalizeText);
  return [...new Set(words)].join(" ").trim();
}
