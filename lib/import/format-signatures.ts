/** Columns that identify each format we read, to tell users what they gave instead. */
export interface FormatSignature {
  format: string;
  label: string;
  columns: readonly string[];
}

export const FORMAT_SIGNATURES: readonly FormatSignature[] = [
  { format: "ban", label: "BAN (adresses)", columns: ["id", "numero", "nom_voie", "code_insee", "lon", "lat"] },
  { format: "bal", label: "BAL (Base Adresse Locale)", columns: ["cle_interop", "voie_nom", "numero"] },
  { format: "ipe", label: "IPE (Interop'Fibre)", columns: ["identifiantimmeuble", "etatimmeuble"] },
  { format: "arcep-immeubles", label: "Arcep Carte fibre (immeubles)", columns: ["imb_id", "imb_etat", "code_insee"] },
  { format: "arcep-mci", label: "Arcep Ma connexion internet (base_imb)", columns: ["imb_id", "imb_code", "addr_code"] },
  { format: "arcep-mci", label: "Arcep Ma connexion internet (actuel)", columns: ["imb_id", "code_operateur", "code_techno"] },
  { format: "zones", label: "de zones d'activités CNIG (site_eco)", columns: ["site_id", "site_nom"] },
  { format: "zones", label: "IGN BD TOPO (zone_d_activite_ou_d_interet)", columns: ["id", "categorie", "nature", "toponyme"] },
  { format: "arcep-operateurs", label: "de référence des opérateurs (Arcep)", columns: ["code_operateur", "nom_operateur"] },
  { format: "sirene", label: "SIRENE (StockEtablissement)", columns: ["siret", "statutdiffusionetablissement", "etatadministratifetablissement"] },
  { format: "sirene-unites", label: "SIRENE (StockUniteLegale)", columns: ["siren", "statutdiffusionunitelegale"] },
];

/** The format whose signature columns a header holds, if any (header of either separator). */
export function guessFormat(header: readonly string[]): FormatSignature | null {
  const names = new Set(
    header
      .flatMap((cell) => cell.split(/[;,]/))
      .map((name) => name.trim().replace(/^\uFEFF/, "").toLowerCase()),
  );
  return FORMAT_SIGNATURES.find((signature) => signature.columns.every((column) => names.has(column))) ?? null;
}
