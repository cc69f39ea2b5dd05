/**
 * The change log behind GET /api/v1/changes, written by the importers and the publications in the
 * same transaction as the facts they change.
 *
 * What a change is: one source's statement about one subject (an address, or an activity zone)
 * for one technology —
 * - appears (the source states it for the first time, or again after a withdrawal): previous null;
 * - changes its detailed status (DEPLOYE → RACCORDABLE DEMANDE…): previous = the status before;
 * - is withdrawn (a newer file no longer states it, a publication is withdrawn): status null.
 * A fact whose dates or operators change but whose status stays is not a change, nor is a
 * re-import of the same file. A building's facts are the facts of its address (a building matched
 * to no address has none to report). The level is not stored: it is the source status's level
 * (lib/levels levelOfStatus), computed when the feed is read.
 *
 * Rows carry their département (from the INSEE code that starts the BAN interoperability key of
 * an address, or from a zone's commune) so the feed filters by an index.
 */
import type { DatabaseProvider } from "@/lib/db/provider";
import type { DeploymentStatus, SourceKind, Technology } from "@/lib/db/enums";
import { orderedId } from "@/lib/import/ids";
import type { SqlValue } from "@/lib/import/store/sql-store";

/** How long the log is kept: the worker deletes older entries; the feed refuses to start earlier. */
export const CHANGE_RETENTION_DAYS = 90;

export const CHANGE_COLUMNS = [
  "id", "kind", "subjectId", "departement", "technology", "status", "previousStatus", "sourceKind", "sourceName", "changedAt",
] as const;

export type ChangeKind = "address" | "zone";

export interface ChangeInput {
  kind: ChangeKind;
  subjectId: string;
  /** The subject's commune (INSEE code). */
  inseeCode: string;
  technology: Technology;
  status: DeploymentStatus | null;
  previousStatus: DeploymentStatus | null;
  sourceKind: SourceKind;
  sourceName: string;
  changedAt: Date;
}

/** The département of a commune: 2 characters, 3 overseas (971…976). */
export function departementOfInsee(inseeCode: string): string {
  return inseeCode.startsWith("97") ? inseeCode.slice(0, 3) : inseeCode.slice(0, 2);
}

/** The same in SQL, of a column or expression holding an INSEE code (or a BAN key that starts with one). */
export function departementOfInseeSql(column: string): string {
  return `CASE WHEN substr(${column}, 1, 2) = '97' THEN substr(${column}, 1, 3) ELSE substr(${column}, 1, 2) END`;
}

export function changeRow(change: ChangeInput): SqlValue[] {
  return [
    orderedId(), change.kind, change.subjectId, departementOfInsee(change.inseeCode), change.technology, change.status,
    change.previousStatus, change.sourceKind, change.sourceName, change.changedAt,
  ];
}

/** Whether a fact going from `previous` (null: none, or withdrawn) to `status` is a change. */
export function isChange(previous: DeploymentStatus | null, status: DeploymentStatus | null): boolean {
  return previous !== status;
}

/**
 * INSERT … SELECT logging the withdrawal of the address facts that `where` (a condition on the
 * "Availability" row, with its parameters) is about to withdraw: run it just before the UPDATE.
 * Parameters: the run's id (ids are the fact's id and the run's: a fact is withdrawn once per
 * run), the time of the change, then those of `where`.
 */
export function withdrawalLogSql(provider: DatabaseProvider, where: string): string {
  const changedAt = provider === "postgresql" ? "CAST(? AS TIMESTAMP(3))" : "?";
  return `INSERT INTO "ChangeLogEntry" (${CHANGE_COLUMNS.map((column) => `"${column}"`).join(", ")})
    SELECT "id" || ':' || ?, 'address', "addressId", ${departementOfInseeSql(`"addressId"`)}, "technology", NULL, "status", "sourceKind", "sourceName", ${changedAt}
    FROM "Availability" WHERE "addressId" IS NOT NULL AND ${where}`;
}

/**
 * INSERT … SELECT logging a building's facts moving to another address (a file's own link replacing
 * the one found by street key): a withdrawal at the old address, an appearance at the new one. Run
 * both sides just before the UPDATE. Parameters — "from": the run's id, the time, the building, the
 * new address; "to": the run's id, the new address, its département, the time, the building, the
 * new address.
 */
export function relinkLogSql(provider: DatabaseProvider, side: "from" | "to"): string {
  const changedAt = provider === "postgresql" ? "CAST(? AS TIMESTAMP(3))" : "?";
  const columns = CHANGE_COLUMNS.map((column) => `"${column}"`).join(", ");
  if (side === "from") {
    return `INSERT INTO "ChangeLogEntry" (${columns})
      SELECT "id" || ':' || ? || ':from', 'address', "addressId", ${departementOfInseeSql(`"addressId"`)}, "technology", NULL, "status", "sourceKind", "sourceName", ${changedAt}
      FROM "Availability" WHERE "buildingId" = ? AND "withdrawnAt" IS NULL AND "addressId" IS NOT NULL AND "addressId" <> ?`;
  }
  return `INSERT INTO "ChangeLogEntry" (${columns})
    SELECT "id" || ':' || ? || ':to', 'address', ?, ?, "technology", "status", NULL, "sourceKind", "sourceName", ${changedAt}
    FROM "Availability" WHERE "buildingId" = ? AND "withdrawnAt" IS NULL AND ("addressId" IS NULL OR "addressId" <> ?)`;
}
