import "server-only";
/**
 * Coverage of a set of addresses — a commune's, a zone's: how many addresses per technology and
 * status, by the fact that counts for each (lib/data/latest-facts.ts), and the sources behind.
 */
import { db } from "@/lib/db/client";
import type { DeploymentStatus, Technology } from "@/lib/db/enums";
import { rawSelect, readDate } from "@/lib/db/raw";
import { latestFactsSql } from "@/lib/data/latest-facts";

export type CoverageScope = { inseeCode: string } | { zoneId: string } | { organisationId: string };

export interface Coverage {
  addresses: number;
  /** Addresses per status, for each technology some source states; the rest is "nothing announced". */
  technologies: Partial<Record<Technology, Partial<Record<DeploymentStatus, number>>>>;
  /** The sources of those facts and the date of their latest file, newest first. */
  sources: { name: string; date: Date | null }[];
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

export async function getCoverage(scope: CoverageScope): Promise<Coverage> {
  const condition = scopeCondition(scope);
  const [addresses, counts, sources] = await Promise.all([
    db.address.count({ where: addressWhere(scope) }),
    rawSelect<{ technology: Technology; status: DeploymentStatus; n: bigint | number }>(
      `SELECT latest."technology" AS "technology", latest."status" AS "status", COUNT(*) AS "n"
         FROM (${latestFactsSql(condition.sql)}) latest GROUP BY latest."technology", latest."status"`,
      [condition.value, condition.value],
    ),
    factSources({ sql: condition.sql, params: [condition.value] }),
  ]);
  const technologies: Coverage["technologies"] = {};
  for (const row of counts) (technologies[row.technology] ??= {})[row.status] = Number(row.n);
  return { addresses, technologies, sources };
}
