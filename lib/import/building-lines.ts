/**
 * The import loop the building formats (IPE, Arcep Carte fibre) share: each line checked, placed,
 * matched to its address (listed as unmatched when none), written with its facts; then what the
 * source no longer lists is withdrawn. A format only says how to read its own columns.
 */
import type { DeploymentStatus, SourceKind } from "@/lib/db/enums";
import { AddressMatcher, type Match } from "@/lib/import/address-matcher";
import { BuildingWriter, type BuildingInput } from "@/lib/import/building-writer";
import { readCsv, type CsvRecord } from "@/lib/import/csv";
import { fieldTooLong, loadCommunes, parseInteger } from "@/lib/import/line-checks";
import { refuseOlderFile } from "@/lib/import/source-freshness";
import { outsideTerritory } from "@/lib/import/territory";
import type { ImportContext } from "@/lib/import/types";
import { settlingOnFailure } from "@/lib/import/write-pipeline";
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
  if (!id) return { reason: `${columns.id} manquant` };
  const state = record.get(columns.state);
  const status = toStatus(state);
  if (!status) return { reason: state ? `${columns.state} inconnu : "${state}"` : `${columns.state} manquant` };
  const inseeCode = record.get(columns.insee);
  if (!communes.has(inseeCode)) return { reason: `code INSEE inconnu : "${inseeCode}"` };
  const number = parseInteger(record.get(columns.number));
  if (Number.isNaN(number)) return { reason: `${columns.number} invalide : "${record.get(columns.number)}"` };
  return { id, status, inseeCode, number: number === 0 ? null : number };
}

/** The line's address (lib/import/address-matcher.ts has the rule); an unmatched line is listed in the report with its reason. */
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
  if (match.addressId === null) {
    context.report.unmatch(record.line, line.id, match.reason);
    return null;
  }
  return match;
}

/** The line's address as written: "33 RUE LAVOISIER", "166170 B AV DE LA GARE". */
export function statedAddress(record: CsvRecord, columns: BuildingColumns): string {
  return [columns.number, columns.suffix, columns.streetType, columns.streetName]
    .map((column) => record.get(column).trim())
    .filter(Boolean)
    .join(" ")
    .replace(/\s+/g, " ");
}

export interface BuildingFormat {
  label: string;
  delimiter: ";" | ",";
  required: readonly string[];
  columns: BuildingColumns;
  sourceKind: SourceKind;
  toStatus: (value: string) => DeploymentStatus | null;
  /** The line's WGS84 position (null when it has none), or why the line is rejected. */
  position(record: CsvRecord): LonLat | null | { reason: string };
  /** The building and its facts, from a checked and located line. */
  building(record: CsvRecord, line: CheckedBuildingLine, match: Match | null, position: LonLat | null, context: ImportContext): BuildingInput;
}

export async function importBuildingLines(context: ImportContext, format: BuildingFormat): Promise<void> {
  await refuseOlderFile(context, format.sourceKind);
  const communes = await loadCommunes(context.store);
  const matcher = new AddressMatcher(context.store);
  const writer = new BuildingWriter(context, format.sourceKind);

  await settlingOnFailure(writer, async () => {
    for await (const record of readCsv(context.source, { label: format.label, delimiter: format.delimiter, required: format.required })) {
      context.tick();
      const checked = checkBuildingLine(record, format.columns, communes, format.toStatus);
      if ("reason" in checked) {
        context.report.reject(record.line, record.get(format.columns.id), checked.reason);
        continue;
      }
      const outside = outsideTerritory(context.territory, checked.inseeCode);
      if (outside) {
        context.report.reject(record.line, checked.id, outside);
        continue;
      }
      const position = format.position(record);
      if (position !== null && "reason" in position) {
        context.report.reject(record.line, checked.id, position.reason);
        continue;
      }
      const match = await findAddress(context, matcher, record, format.columns, checked, position);
      const building = format.building(record, checked, match, position, context);
      await writer.add(record.line, match ? building : { ...building, unmatched: { inseeCode: checked.inseeCode, statedAddress: statedAddress(record, format.columns) } });
    }
    await writer.flush();
  });
  await writer.withdrawUnseen();
}
