/**
 * Arcep "Carte fibre" building file (quarterly, `,`, x/y are WGS84 lon/lat, imb_etat in lower
 * case without accents): buildings and their FttH status. imb_id is the IPE IdentifiantImmeuble,
 * so a building known from an IPE gets this source's fact beside the IPE's.
 */
import { addMonths, parseFileDate } from "@/lib/import/dates";
import { importBuildingLines, type BuildingColumns, type BuildingFormat } from "@/lib/import/building-lines";
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

  run: (context) => importBuildingLines(context, ARCEP_FORMAT),
};

const ARCEP_FORMAT: BuildingFormat = {
  label: LABEL,
  delimiter: ",",
  required: REQUIRED,
  columns: COLUMNS,
  sourceKind: "ARCEP_IMMEUBLES",
  toStatus: statusFromArcep,
  position: (record) => toWgs84(parseDecimal(record.get("x")), parseDecimal(record.get("y")), "WGS84"),
  building: (record, line, match, position) => {
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
      facts: [
        {
          technology: "FTTH",
          status: line.status,
          // Arcep publishes no future dates; an order is possible 3 months after the PM's availability.
          availableSince: line.status === "DEPLOYE" && availability ? addMonths(availability, 3) : null,
          plannedDate: null,
          plannedPrecision: null,
          operators: operatorCode ? [{ code: operatorCode, role: "INFRASTRUCTURE" }] : [],
        },
      ],
    };
  },
};
