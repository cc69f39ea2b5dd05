/**
 * IPE — Interop'Fibre "Informations Préalables Enrichies" (also inside a .zip): one line per
 * building of the FttH network. Gives buildings, their FttH status, FttE where a dedicated fibre
 * is free on a deployed line, dates from the PM fields, and the infrastructure operator (CodeOI).
 */
import type { FactInput } from "@/lib/import/building-writer";
import { addMonths, parseFileDate } from "@/lib/import/dates";
import { producerFromFileName } from "@/lib/import/file-name";
import { importBuildingLines, type BuildingColumns, type BuildingFormat } from "@/lib/import/building-lines";
import { parseInteger } from "@/lib/import/line-checks";
import type { Importer } from "@/lib/import/types";
import { statusFromIpe } from "@/lib/import/vocabulary";
import { parseDecimal, parseProjectionName, toWgs84, type LonLat } from "@/lib/geo/projection";

const REQUIRED = ["IdentifiantImmeuble", "EtatImmeuble", "CodeInseeImmeuble"] as const;
const COLUMNS: BuildingColumns = {
  id: "IdentifiantImmeuble",
  state: "EtatImmeuble",
  insee: "CodeInseeImmeuble",
  number: "NumeroVoieImmeuble",
  suffix: "ComplementNumeroVoieImmeuble",
  streetType: "TypeVoieImmeuble",
  streetName: "NomVoieImmeuble",
};
const LABEL = "IPE (Interop'Fibre)";

/** A free dedicated fibre at the PM makes FttE possible (DATA-FORMATS.md). */
const FREE_DEDICATED_FIBRE = "O";

export const ipeImporter: Importer = {
  format: "ipe",
  label: LABEL,
  sourceKind: "IPE",
  reportsUnmatched: true,
  defaultSourceName: (fileName) => `IPE ${producerFromFileName(fileName) ?? fileName.replace(/\.[^.]+$/, "")}`,

  run: (context) => importBuildingLines(context, IPE_FORMAT),
};

const IPE_FORMAT: BuildingFormat = {
  label: LABEL,
  delimiter: ";",
  required: REQUIRED,
  columns: COLUMNS,
  sourceKind: "IPE",
  toStatus: statusFromIpe,
  position: (record) =>
    readPosition(record.get("CoordonneeImmeubleX"), record.get("CoordonneeImmeubleY"), record.get("TypeProjectionGeographique")),
  building: (record, line, match, position, context) => {
    const operatorCode = record.get("CodeOI").toUpperCase() || null;
    return {
      externalId: line.id,
      addressId: match?.addressId ?? null,
      addressMatch: match?.method ?? null,
      lat: position?.lat ?? null,
      lon: position?.lon ?? null,
      dwellings: positiveInteger(record.get("NombreLogementsAdresseIPE")),
      type: record.get("TypeImmeuble").toUpperCase() || null,
      operatorCode,
      pmReference: record.get("ReferencePM") || null,
      facts: facts(line.status, record.get("FibreDedieeLibre"), operatorCode, {
        commercialService: parseFileDate(record.get("DateMiseEnServiceCommercialePM")),
        firstAvailability: parseFileDate(record.get("DatePremiereMADPM")),
      }, context.fileDate ?? context.now),
    };
  },
};

function positiveInteger(value: string): number | null {
  const parsed = parseInteger(value);
  return parsed !== null && Number.isFinite(parsed) ? parsed : null;
}

/** The line's position in WGS84; null when absent or impossible; a reason when the system is unknown. */
function readPosition(x: string, y: string, projectionName: string): LonLat | null | { reason: string } {
  if (!x || !y) return null;
  const easting = parseDecimal(x);
  const northing = parseDecimal(y);
  if (!Number.isFinite(easting) || !Number.isFinite(northing)) return null;
  const projection = projectionName ? parseProjectionName(projectionName) : Math.abs(easting) <= 180 ? "WGS84" : "RGF93";
  if (!projection) return { reason: `TypeProjectionGeographique inconnu : "${projectionName}"` };
  return toWgs84(easting, northing, projection);
}

/**
 * FttH always; FttE when deployed with a free dedicated fibre. A customer can order from the
 * commercial service date (first availability + 3 months when absent); a future one is planned.
 */
function facts(
  status: FactInput["status"],
  freeDedicatedFibre: string,
  operatorCode: string | null,
  dates: { commercialService: Date | null; firstAvailability: Date | null },
  asOf: Date,
): FactInput[] {
  const operators = operatorCode ? [{ code: operatorCode, role: "INFRASTRUCTURE" as const }] : [];
  const openingDate = dates.commercialService ?? (dates.firstAvailability ? addMonths(dates.firstAvailability, 3) : null);
  const isDeployed = status === "DEPLOYE";
  const isPlanned = !isDeployed && status !== "ABANDONNE" && openingDate !== null && openingDate > asOf;
  const ftth: FactInput = {
    technology: "FTTH",
    status,
    availableSince: isDeployed ? openingDate : null,
    plannedDate: isPlanned ? openingDate : null,
    plannedPrecision: isPlanned ? "DAY" : null,
    operators,
  };
  if (!isDeployed || freeDedicatedFibre.toUpperCase() !== FREE_DEDICATED_FIBRE) return [ftth];
  return [ftth, { ...ftth, technology: "FTTE" }];
}
