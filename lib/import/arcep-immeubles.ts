/**
 * Arcep "Carte fibre" building file (quarterly, `,`, x/y are WGS84 lon/lat, imb_etat in lower
 * case without accents): buildings and their FttH status. imb_id is the IPE IdentifiantImmeuble,
 * so a building known from an IPE gets this source's fact beside the IPE's.
 */
import { AddressMatcher } from "@/lib/import/address-matcher";
import { BuildingWriter } from "@/lib/import/building-writer";
import { readCsv } from "@/lib/import/csv";
import { addMonths, parseFileDate } from "@/lib/import/dates";
import { checkBuildingLine, findAddress, type BuildingColumns } from "@/lib/import/building-lines";
import { loadCommunes } from "@/lib/import/line-checks";
import { refuseOlderFile } from "@/lib/import/source-freshness";
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
const LABEL = "an Arcep Carte fibre building";

export const arcepBuildingsImporter: Importer = {
  format: "arcep-immeubles",
  label: LABEL,
  sourceKind: "ARCEP_IMMEUBLES",
  reportsUnmatched: true,
  defaultSourceName: () => "Arcep Carte fibre",

  async run(context) {
    await refuseOlderFile(context, "ARCEP_IMMEUBLES");
    const { report } = context;
    const communes = await loadCommunes(context.store);
    const matcher = new AddressMatcher(context.store);
    const writer = new BuildingWriter(context, "ARCEP_IMMEUBLES");

    for await (const record of readCsv(context.source, { label: LABEL, delimiter: ",", required: REQUIRED })) {
      context.tick();
      const checked = checkBuildingLine(record, COLUMNS, communes, statusFromArcep);
      if ("reason" in checked) {
        report.reject(record.line, record.get(COLUMNS.id), checked.reason);
        continue;
      }
      const position = toWgs84(parseDecimal(record.get("x")), parseDecimal(record.get("y")), "WGS84");
      const match = await findAddress(context, matcher, record, COLUMNS, checked, position);
      const { id, status } = checked;
      const operatorCode = record.get("code_l331").toUpperCase() || null;
      const availability = parseFileDate(record.get("pm_date_mad"));
      const isDeployed = status === "DEPLOYE";
      await writer.add(record.line, {
        externalId: id,
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
            status,
            // Arcep publishes no future dates; an order is possible 3 months after the PM's availability.
            availableSince: isDeployed && availability ? addMonths(availability, 3) : null,
            plannedDate: null,
            plannedPrecision: null,
            operators: operatorCode ? [{ code: operatorCode, role: "INFRASTRUCTURE" }] : [],
          },
        ],
      });
    }
    await writer.flush();
    await writer.withdrawUnseen();
  },
};
