/**
 * Arcep "Carte fibre" building file (quarterly, `,`, x/y are WGS84 lon/lat, imb_etat in lower
 * case without accents): buildings and their FttH status. imb_id is the IPE IdentifiantImmeuble,
 * so a building known from an IPE gets this source's fact beside the IPE's.
 * Header vintages: 2020 has no code_insee (the commune comes from code_poste and nom_com,
 * lib/import/commune-lookup.ts); 2024 adds date_completude, date_completude_manquante (not used);
 * 2025–2026 add pm_date_mad, the date the PM is made available to operators: customers can order
 * three months later, the building's opening date — planned when still to come (an "au plus tôt"
 * date, lib/levels/planned-text.ts).
 */
import { addMonths, parseFileDate } from "@/lib/import/dates";
import { importBuildingLines, type BuildingColumns, type BuildingFormat } from "@/lib/import/building-lines";
import { CommuneLookup } from "@/lib/import/commune-lookup";
import type { FactInput } from "@/lib/import/building-writer";
import { loadCommunes } from "@/lib/import/line-checks";
import type { Importer } from "@/lib/import/types";
import { statusFromArcep } from "@/lib/import/vocabulary";
import { parseDecimal, toWgs84 } from "@/lib/geo/projection";

const REQUIRED = ["x", "y", "imb_id", "code_insee", "imb_etat"] as const;
const COLUMNS: BuildingColumns = {
  id: "imb_id",
  state: "imb_etat",
  insee: "code_insee",
  number: "num_voie",
  suffix: "cp_no_voie",
  streetType: "type_voie",
  streetName: "nom_voie",
};
const LABEL = "Arcep Carte fibre (immeubles)";

export const arcepBuildingsImporter: Importer = {
  format: "arcep-immeubles",
  label: LABEL,
  sourceKind: "ARCEP_IMMEUBLES",
  reportsUnmatched: true,
  defaultSourceName: () => "Arcep Carte fibre",

  async run(context) {
    const lookup = new CommuneLookup(await loadCommunes(context.store));
    // A 2020 file: "code_poste nom_com" stands in for an INSEE code no commune matched, for the report.
    const inseeCode = {
      from: ["code_poste", "nom_com"],
      value: (get: (column: string) => string) => lookup.find(get("code_poste"), get("nom_com")) ?? `${get("code_poste")} ${get("nom_com")}`,
    };
    await importBuildingLines({ ...context, source: { ...context.source, derivedColumns: { code_insee: inseeCode } } }, ARCEP_FORMAT);
  },
};

/** Three months after the PM's availability a customer can order (Arcep's rule for operators). */
const ORDER_DELAY_MONTHS = 3;

const ARCEP_FORMAT: BuildingFormat = {
  label: LABEL,
  delimiter: ",",
  required: REQUIRED,
  columns: COLUMNS,
  sourceKind: "ARCEP_IMMEUBLES",
  toStatus: statusFromArcep,
  position: (record) => toWgs84(parseDecimal(record.get("x")), parseDecimal(record.get("y")), "WGS84"),
  building: (record, line, match, position, context) => {
    const operatorCode = record.get("code_l331").toUpperCase() || null;
    const availability = parseFileDate(record.get("pm_date_mad"));
    return {
      externalId: line.id,
      addressId: match?.addressId ?? null,
      addressMatch: match?.method ?? null,
      lat: position?.lat ?? null,
      lon: position?.lon ?? null,
      dwellings: null,
      type: record.get("type_imb").toUpperCase() || null,
      operatorCode,
      pmReference: record.get("pm_ref") || null,
      facts: [ftthFact(line.status, availability ? addMonths(availability, ORDER_DELAY_MONTHS) : null, context.fileDate ?? context.now, operatorCode)],
    };
  },
};

/** Deployed: open since the opening date; not yet deployed with an opening date to come: planned then. */
function ftthFact(status: FactInput["status"], openingDate: Date | null, asOf: Date, operatorCode: string | null): FactInput {
  const isDeployed = status === "DEPLOYE";
  const isPlanned = !isDeployed && status !== "ABANDONNE" && openingDate !== null && openingDate > asOf;
  return {
    technology: "FTTH",
    status,
    availableSince: isDeployed ? openingDate : null,
    plannedDate: isPlanned ? openingDate : null,
    plannedPrecision: isPlanned ? "DAY" : null,
    operators: operatorCode ? [{ code: operatorCode, role: "INFRASTRUCTURE" }] : [],
  };
}
