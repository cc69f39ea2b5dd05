/**
 * SIRENE stock lines as INSEE writes them: the real column order, `,` separators, a value quoted
 * only when it holds a comma or a quote, empty values as nothing, dates as YYYY-MM-DD and
 * timestamps with milliseconds, `true`/`false`, `NN` for an unknown headcount, `[ND]` in place of
 * what a non-diffusible subject hides.
 */
import { STOCK_ETABLISSEMENT_COLUMNS, STOCK_UNITE_LEGALE_COLUMNS } from "@/lib/import/sirene-fields";

type EtablissementColumn = (typeof STOCK_ETABLISSEMENT_COLUMNS)[number];
type UniteLegaleColumn = (typeof STOCK_UNITE_LEGALE_COLUMNS)[number];

export const STOCK_ETABLISSEMENT_HEADER = STOCK_ETABLISSEMENT_COLUMNS.join(",");
export const STOCK_UNITE_LEGALE_HEADER = STOCK_UNITE_LEGALE_COLUMNS.join(",");

export function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** An active, diffusible establishment of Bourg-en-Bresse unless `values` says otherwise; siren + nic make the siret. */
export function etablissementLine(values: Partial<Record<EtablissementColumn, string>> & { siren: string; nic: string }): string {
  const defaults: Partial<Record<EtablissementColumn, string>> = {
    siret: `${values.siren}${values.nic}`,
    statutDiffusionEtablissement: "O",
    dateCreationEtablissement: "2008-01-01",
    trancheEffectifsEtablissement: "NN",
    dateDernierTraitementEtablissement: "2024-03-22T10:21:32.000",
    etablissementSiege: "true",
    nombrePeriodesEtablissement: "2",
    codePostalEtablissement: "01000",
    libelleCommuneEtablissement: "BOURG-EN-BRESSE",
    codeCommuneEtablissement: "01053",
    dateDebut: "2019-06-01",
    etatAdministratifEtablissement: "A",
    activitePrincipaleEtablissement: "47.11F",
    nomenclatureActivitePrincipaleEtablissement: "NAFv2",
    caractereEmployeurEtablissement: "N",
  };
  const merged = { ...defaults, ...values };
  return STOCK_ETABLISSEMENT_COLUMNS.map((column) => csvField(merged[column] ?? "")).join(",");
}

export function uniteLegaleLine(values: Partial<Record<UniteLegaleColumn, string>> & { siren: string }): string {
  const defaults: Partial<Record<UniteLegaleColumn, string>> = {
    statutDiffusionUniteLegale: "O",
    unitePurgeeUniteLegale: "",
    dateCreationUniteLegale: "2008-01-01",
    trancheEffectifsUniteLegale: "NN",
    dateDernierTraitementUniteLegale: "2024-03-22T10:21:32.000",
    nombrePeriodesUniteLegale: "3",
    categorieEntrepriseUniteLegale: "PME",
    dateDebut: "2019-06-01",
    etatAdministratifUniteLegale: "A",
    categorieJuridiqueUniteLegale: "5710",
    activitePrincipaleUniteLegale: "47.11F",
    nomenclatureActivitePrincipaleUniteLegale: "NAFv2",
    nicSiegeUniteLegale: "00012",
    caractereEmployeurUniteLegale: "N",
  };
  const merged = { ...defaults, ...values };
  return STOCK_UNITE_LEGALE_COLUMNS.map((column) => csvField(merged[column] ?? "")).join(",");
}
