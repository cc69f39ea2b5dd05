/**
 * What the building formats (IPE, Arcep Carte fibre) check and do alike on each line: the shared
 * checks, then finding the address, reported as unmatched when there is none.
 */
import type { DeploymentStatus } from "@/lib/db/enums";
import type { AddressMatcher, Match } from "@/lib/import/address-matcher";
import type { CsvRecord } from "@/lib/import/csv";
import { fieldTooLong, parseInteger } from "@/lib/import/line-checks";
import type { ImportContext } from "@/lib/import/types";
import type { LonLat } from "@/lib/geo/projection";
import { normalizeSuffix, streetKey } from "@/lib/text/street";

export interface BuildingColumns {
  id: string;
  state: string;
  insee: string;
  number: string;
  suffix: string;
  streetType: string;
  streetName: string;
}

export interface CheckedBuildingLine {
  id: string;
  status: DeploymentStatus;
  inseeCode: string;
  /** null for a named place without number (0 or empty). */
  number: number | null;
}

/** The checked fields, or the reason to reject the line. */
export function checkBuildingLine(
  record: CsvRecord,
  columns: BuildingColumns,
  communes: ReadonlyMap<string, unknown>,
  toStatus: (value: string) => DeploymentStatus | null,
): CheckedBuildingLine | { reason: string } {
  const tooLong = fieldTooLong(record);
  if (tooLong) return { reason: tooLong };
  const id = record.get(columns.id);
  if (!id) return { reason: `missing ${columns.id}` };
  const state = record.get(columns.state);
  const status = toStatus(state);
  if (!status) return { reason: state ? `unknown ${columns.state} "${state}"` : `missing ${columns.state}` };
  const inseeCode = record.get(columns.insee);
  if (!communes.has(inseeCode)) return { reason: `unknown INSEE code "${inseeCode}"` };
  const number = parseInteger(record.get(columns.number));
  if (Number.isNaN(number)) return { reason: `invalid ${columns.number} "${record.get(columns.number)}"` };
  return { id, status, inseeCode, number: number === 0 ? null : number };
}

/** The line's address, by street key then position; an unmatched line is listed in the report. */
export async function findAddress(
  context: ImportContext,
  matcher: AddressMatcher,
  record: CsvRecord,
  columns: BuildingColumns,
  line: CheckedBuildingLine,
  position: LonLat | null,
): Promise<Match | null> {
  const match = await matcher.match({
    inseeCode: line.inseeCode,
    streetKey: streetKey(record.get(columns.streetName), record.get(columns.streetType)),
    number: line.number,
    suffix: normalizeSuffix(record.get(columns.suffix)),
    position,
  });
  if (!match) {
    context.report.unmatch(
      record.line,
      line.id,
      position ? "no address with this street and number, and none within 30 m" : "no address with this street and number, and no coordinates",
    );
  }
  return match;
}
