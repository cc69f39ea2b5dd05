import "server-only";
/**
 * Coverage of a set of addresses — a commune's, a zone's, a territory's: how many addresses per
 * technology and status, by the fact that counts for each (lib/data/latest-facts.ts), then by level
 * (lib/levels/coverage.ts, the address page's rules), and the sources behind.
 */
import { db } from "@/lib/db/client";
import type { DatePrecision, DeploymentStatus, Technology } from "@/lib/db/enums";
import { rawSelect, readDate } from "@/lib/db/raw";
import { latestFactsSql } from "@/lib/data/latest-facts";
import { ftthProSellerCondition } from "@/lib/data/level-sql";
import { loadOperatorDirectory } from "@/lib/data/operator-directory";
import { coverageLevels, type DerivedFtthPro, type LevelCount } from "@/lib/levels/coverage";
import type { OperatorDirectory } from "@/lib/operators/directory";

export type CoverageScope = { inseeCode: string } | { zoneId: string } | { organisationId: string };

export interface Coverage {
  addresses: number;
  /** Addresses per status, for each technology some source states; the rest is "nothing announced". */
  technologies: Partial<Record<Technology, Partial<Record<DeploymentStatus, number>>>>;
  /** Addresses per level and basis, for every technology (all addresses counted). */
  levels: Record<Technology, LevelCount[]>;
  /** The sources of those facts and the date of their latest file, newest first. */
  sources: { name: string; date: Date | null }[];
  /** Per technology, the latest planned date among the addresses at PLANNED, and how many of them have no date. */
  planned: Partial<Record<Technology, { latest: { date: Date; precision: DatePrecision; sourceName: string } | null; undated: number }>>;
}

/** The sources of the current facts about the addresses `condition` selects, with their latest dates, newest first. */
export async function factSources(condition: { sql: string; params: readonly string[] }): Promise<{ name: string; date: Date | null }[]> {
  const rows = await rawSelect<{ name: string; date: Date | string | null }>(
    `SELECT f."sourceName" AS "name", MAX(COALESCE(f."fileDate", f."recordedAt")) AS "date"
       FROM "Availability" f JOIN "Address" a ON a."id" = f."addressId"
      WHERE ${condition.sql} AND f."withdrawnAt" IS NULL
      GROUP BY f."sourceName" ORDER BY MAX(COALESCE(f."fileDate", f."recordedAt")) DESC`,
    condition.params,
  );
  return rows.map((row) => ({ name: row.name, date: readDate(row.date) }));
}

function scopeCondition(scope: CoverageScope): { sql: string; value: string } {
  if ("zoneId" in scope) return { sql: `a."zoneId" = ?`, value: scope.zoneId };
  if ("organisationId" in scope) {
    return { sql: `a."inseeCode" IN (SELECT t."inseeCode" FROM "OrganisationCommune" t WHERE t."organisationId" = ?)`, value: scope.organisationId };
  }
  return { sql: `a."inseeCode" = ?`, value: scope.inseeCode };
}

function addressWhere(scope: CoverageScope) {
  if ("zoneId" in scope) return { zoneId: scope.zoneId };
  if ("organisationId" in scope) return { commune: { organisations: { some: { organisationId: scope.organisationId } } } };
  return { inseeCode: scope.inseeCode };
}

/** FttH pro without a source, where FttH can be ordered: by FttH status and whether a present operator sells FttH pro. */
async function derivedFtthPro(condition: { sql: string; value: string }, directory: OperatorDirectory): Promise<DerivedFtthPro[]> {
  const seller = ftthProSellerCondition(directory);
  const rows = await rawSelect<{ status: DeploymentStatus; hasSeller: number | bigint; n: number | bigint }>(
    `SELECT ftth."status" AS "status",
            CASE WHEN EXISTS (
              SELECT 1 FROM "Availability" f JOIN "AvailabilityOperator" o ON o."availabilityId" = f."id"
               WHERE f."withdrawnAt" IS NULL AND CAST(f."technology" AS TEXT) = 'FTTH' AND CAST(o."role" AS TEXT) <> 'INFRASTRUCTURE'
                 AND (f."addressId" = a."id" OR (f."zoneId" = a."zoneId" AND f."addressId" IS NULL))
                 AND ${seller.sql}
            ) THEN 1 ELSE 0 END AS "hasSeller",
            COUNT(*) AS "n"
       FROM (${latestFactsSql(condition.sql)}) ftth
       JOIN "Address" a ON a."id" = ftth."addressId"
       JOIN "Commune" c ON c."inseeCode" = a."inseeCode"
      WHERE ftth."technology" = 'FTTH' AND ftth."status" IN ('DEPLOYE', 'RAD', 'RAD_EN_COURS')
        AND NOT EXISTS (
          SELECT 1 FROM "Availability" p
           WHERE p."withdrawnAt" IS NULL AND CAST(p."technology" AS TEXT) = 'FTTH_PRO'
             AND (p."addressId" = a."id" OR (p."zoneId" = a."zoneId" AND p."addressId" IS NULL))
        )
      GROUP BY ftth."status", 2`,
    [...seller.params, condition.value, condition.value],
  );
  return rows.map((row) => ({ ftthStatus: row.status, hasSeller: Number(row.hasSeller) === 1, count: Number(row.n) }));
}

/** Planned dates of the addresses at PLANNED, by technology: the latest one, and the count without a date. */
async function plannedDates(condition: { sql: string; value: string }): Promise<Coverage["planned"]> {
  const rows = await rawSelect<{ technology: Technology; plannedDate: Date | string | null; plannedPrecision: DatePrecision | null; sourceName: string; n: number | bigint }>(
    `SELECT latest."technology" AS "technology", latest."plannedDate" AS "plannedDate", latest."plannedPrecision" AS "plannedPrecision",
            MIN(latest."sourceName") AS "sourceName", COUNT(*) AS "n"
       FROM (${latestFactsSql(condition.sql, { details: true })}) latest
      WHERE latest."status" IN ('EN_COURS', 'SIGNE', 'CIBLE', 'PREVU')
      GROUP BY latest."technology", latest."plannedDate", latest."plannedPrecision"`,
    [condition.value, condition.value],
  );
  const planned: Coverage["planned"] = {};
  for (const row of rows) {
    const entry = (planned[row.technology] ??= { latest: null, undated: 0 });
    const date = readDate(row.plannedDate);
    if (!date || !row.plannedPrecision) {
      entry.undated += Number(row.n);
      continue;
    }
    if (!entry.latest || date > entry.latest.date) entry.latest = { date, precision: row.plannedPrecision, sourceName: row.sourceName };
  }
  return planned;
}

export async function getCoverage(scope: CoverageScope, directory?: OperatorDirectory): Promise<Coverage> {
  const condition = scopeCondition(scope);
  const operatorDirectory = directory ?? (await loadOperatorDirectory());
  const [addresses, counts, derived, sources, planned] = await Promise.all([
    db.address.count({ where: addressWhere(scope) }),
    rawSelect<{ technology: Technology; status: DeploymentStatus; n: bigint | number }>(
      `SELECT latest."technology" AS "technology", latest."status" AS "status", COUNT(*) AS "n"
         FROM (${latestFactsSql(condition.sql)}) latest GROUP BY latest."technology", latest."status"`,
      [condition.value, condition.value],
    ),
    derivedFtthPro(condition, operatorDirectory),
    factSources({ sql: condition.sql, params: [condition.value] }),
    plannedDates(condition),
  ]);
  const technologies: Coverage["technologies"] = {};
  for (const row of counts) (technologies[row.technology] ??= {})[row.status] = Number(row.n);
  return { addresses, technologies, levels: coverageLevels(addresses, technologies, derived), sources, planned };
}
