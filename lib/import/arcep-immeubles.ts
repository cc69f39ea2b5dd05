/**
 * Arcep "Carte fibre" building file (quarterly, `,`, x/y are WGS84 lon/lat, imb_etat in lower
 * case without accents): buildings and their FttH status. imb_id is the IPE IdentifiantImmeuble,
 * so a building known from an IPE gets this source's fact beside the IPE's.
 */
import { AddressMatcher } from "@/lib/import/address-matcher";
import { BuildingWriter } from "@/lib/import/building-writer";
import { readCsv } from "@/lib/import/csv";
import { addMonths, parseFileDate } from "@/lib/import/dates";
import { fieldTooLong, loadCommunes, parseInteger } from "@/lib/import/line-checks";
import { refuseOlderFile } from "@/lib/import/source-freshness";
import type { Importer } from "@/lib/import/types";
import { statusFromArcep } from "@/lib/import/vocabulary";
import { parseDecimal, toWgs84 } from "@/lib/geo/projection";
import { normalizeSuffix, streetKey } from "@/lib/text/street";

const REQUIRED = ["x", "y", "imb_id", "code_insee", "imb_etat"] as const;
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
      const id = record.get("imb_id");
      const reject = (reason: string) => report.reject(record.line, id, reason);
      const tooLong = fieldTooLong(record);
      if (tooLong) {
        reject(tooLong);
        continue;
      }
      if (!id) {
        reject("missing imb_id");
        continue;
      }
      const state = record.get("imb_etat");
      const status = statusFromArcep(state);
      if (!status) {
        reject(state ? `unknown imb_etat "${state}"` : "missing imb_etat");
        continue;
      }
      const inseeCode = record.get("code_insee");
      if (!communes.has(inseeCode)) {
        reject(`unknown INSEE code "${inseeCode}"`);
        continue;
      }
      const number = parseInteger(record.get("num_voie"));
      if (Number.isNaN(number)) {
        reject(`invalid num_voie "${record.get("num_voie")}"`);
        continue;
      }
      const position = toWgs84(parseDecimal(record.get("x")), parseDecimal(record.get("y")), "WGS84");
      const match = await matcher.match({
        inseeCode,
        streetKey: streetKey(record.get("nom_voie"), record.get("type_voie")),
        number: number === 0 ? null : number,
        suffix: normalizeSuffix(record.get("cp_no_voie")),
        position,
      });
      if (!match) {
        report.unmatch(record.line, id, position ? "no address with this street and number, and none within 30 m" : "no address with this street and number, and no coordinates");
      }
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
