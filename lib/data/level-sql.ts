import "server-only";
/**
 * The level of each address for one technology, in SQL — the address page's rules
 * (lib/levels/answer.ts) for lists and filters that cannot load every answer: a source's status
 * gives its level; without one, FttO is on request by the general rule, FttH pro takes FttH's level
 * where it can be ordered and an operator present sells FttH pro (the directory), the rest is
 * "nothing announced". Tested to agree with the answers (lib/data/business-answer.int.test.ts).
 */
import type { Technology } from "@/lib/db/enums";
import { latestFactsSql } from "@/lib/data/latest-facts";
import { LEVELS, statusesOfLevel, type Level } from "@/lib/levels/levels";
import type { OperatorDirectory } from "@/lib/operators/directory";

/** A piece of SQL with its `?` parameters, in text order. */
export interface SqlPiece {
  sql: string;
  params: unknown[];
}

export function joinSql(pieces: readonly (SqlPiece | string)[]): SqlPiece {
  return pieces.reduce<SqlPiece>(
    (all, piece) => (typeof piece === "string" ? { sql: all.sql + piece, params: all.params } : { sql: all.sql + piece.sql, params: [...all.params, ...piece.params] }),
    { sql: "", params: [] },
  );
}

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(", ");

/** CASE expression: the level of a status column; `unstated` when the column is null. */
export function levelOfStatusSql(status: string, unstated: Level): string {
  const branches = LEVELS.map((level) => `WHEN ${status} IN (${quoted(statusesOfLevel(level))}) THEN '${level}'`).join(" ");
  return `CASE ${branches} ELSE '${unstated}' END`;
}

/** Condition on an operator code (alias o) and a département (alias c): it sells FttH pro there. "1 = 0" when nobody does. */
export function ftthProSellerCondition(directory: OperatorDirectory): SqlPiece {
  const national = directory.entries.filter((entry) => entry.isNational && entry.technologies.includes("FTTH_PRO")).flatMap((entry) => entry.codes);
  const parts: string[] = [];
  const params: string[] = [];
  if (national.length) {
    parts.push(`o."operatorCode" IN (${national.map(() => "?").join(", ")})`);
    params.push(...national);
  }
  for (const entry of directory.entries) {
    if (entry.isNational || !entry.technologies.includes("FTTH_PRO") || entry.codes.length === 0 || entry.departements.length === 0) continue;
    parts.push(`(c."departementCode" IN (${entry.departements.map(() => "?").join(", ")}) AND o."operatorCode" IN (${entry.codes.map(() => "?").join(", ")}))`);
    params.push(...entry.departements, ...entry.codes);
  }
  return { sql: parts.length ? `(${parts.join(" OR ")})` : "1 = 0", params };
}

/**
 * EXISTS: a current FttH fact of the address (alias a: its own, its buildings', its zone's) names
 * a commercial operator that sells FttH pro in its département (alias c).
 */
export function ftthProSellerPresentSql(directory: OperatorDirectory): SqlPiece {
  const seller = ftthProSellerCondition(directory);
  return {
    sql: `EXISTS (
      SELECT 1 FROM "Availability" sf JOIN "AvailabilityOperator" o ON o."availabilityId" = sf."id"
       WHERE sf."withdrawnAt" IS NULL AND CAST(sf."technology" AS TEXT) = 'FTTH' AND CAST(o."role" AS TEXT) <> 'INFRASTRUCTURE'
         AND (sf."addressId" = a."id" OR (sf."zoneId" = a."zoneId" AND sf."addressId" IS NULL))
         AND ${seller.sql})`,
    params: seller.params,
  };
}

/**
 * Rows (addressId, status, level) for the addresses `scope` selects (a condition on "Address" a
 * with its parameters): the technology's stated status (null when none) and its level.
 */
export function addressLevelsSql(technology: Technology, scope: SqlPiece, directory: OperatorDirectory): SqlPiece {
  const latest = (of: Technology): SqlPiece => ({
    sql: `(SELECT facts."addressId", facts."status" FROM (${latestFactsSql(scope.sql)}) facts WHERE facts."technology" = '${of}')`,
    params: [...scope.params, ...scope.params],
  });
  if (technology !== "FTTH_PRO") {
    const unstated: Level = technology === "FTTO" ? "ON_REQUEST" : "NOT_ANNOUNCED";
    return joinSql([
      `SELECT a."id" AS "addressId", t."status" AS "status", ${levelOfStatusSql(`t."status"`, unstated)} AS "level" FROM "Address" a LEFT JOIN `,
      latest(technology),
      ` t ON t."addressId" = a."id" WHERE `,
      scope,
    ]);
  }
  const seller = ftthProSellerPresentSql(directory);
  const derived = joinSql([
    `CASE WHEN h."status" IN ('DEPLOYE', 'RAD', 'RAD_EN_COURS') AND `,
    seller,
    ` THEN ${levelOfStatusSql(`h."status"`, "NOT_ANNOUNCED")} ELSE 'NOT_ANNOUNCED' END`,
  ]);
  return joinSql([
    `SELECT a."id" AS "addressId", t."status" AS "status", CASE WHEN t."status" IS NOT NULL THEN ${levelOfStatusSql(`t."status"`, "NOT_ANNOUNCED")} ELSE (`,
    derived,
    `) END AS "level" FROM "Address" a JOIN "Commune" c ON c."inseeCode" = a."inseeCode" LEFT JOIN `,
    latest("FTTH_PRO"),
    ` t ON t."addressId" = a."id" LEFT JOIN `,
    latest("FTTH"),
    ` h ON h."addressId" = a."id" WHERE `,
    scope,
  ]);
}
