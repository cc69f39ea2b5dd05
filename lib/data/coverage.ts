import "server-only";
import { db } from "@/lib/db/client";
import type { DeploymentStatus } from "@/lib/db/enums";

export interface CommuneCoverage {
  addresses: number;
  /** Addresses by the FttH status of their most recent fact (when sources disagree, the newest wins). */
  ftthByStatus: Partial<Record<DeploymentStatus, number>>;
  /** Addresses where a dedicated fibre (FttE) is possible. */
  ftte: number;
  /** The sources of those facts and the date of their latest file. */
  sources: { name: string; date: Date | null }[];
}

type CountRow = { status: DeploymentStatus; n: bigint | number };
type SourceRow = { name: string; date: Date | string | null };

function latestStatusCounts(inseeCode: string, technology: "FTTH" | "FTTE"): Promise<CountRow[]> {
  return db.$queryRaw<CountRow[]>`
    SELECT t."status" AS status, COUNT(*) AS n FROM (
      SELECT f."status" AS status,
             ROW_NUMBER() OVER (PARTITION BY a."id" ORDER BY f."fileDate" DESC, f."recordedAt" DESC) AS position
      FROM "Address" a
      JOIN "Availability" f ON f."addressId" = a."id" AND f."withdrawnAt" IS NULL AND CAST(f."technology" AS TEXT) = ${technology}
      WHERE a."inseeCode" = ${inseeCode}
    ) t WHERE t.position = 1 GROUP BY t."status"`;
}

/** Coverage of a commune's addresses, from the facts the importers recorded. */
export async function getCommuneCoverage(inseeCode: string): Promise<CommuneCoverage> {
  const [addresses, ftth, ftte, sources] = await Promise.all([
    db.address.count({ where: { inseeCode } }),
    latestStatusCounts(inseeCode, "FTTH"),
    latestStatusCounts(inseeCode, "FTTE"),
    db.$queryRaw<SourceRow[]>`
      SELECT f."sourceName" AS name, MAX(f."fileDate") AS date
      FROM "Availability" f JOIN "Address" a ON a."id" = f."addressId"
      WHERE a."inseeCode" = ${inseeCode} AND f."withdrawnAt" IS NULL
      GROUP BY f."sourceName" ORDER BY MAX(f."fileDate") DESC`,
  ]);
  return {
    addresses,
    ftthByStatus: Object.fromEntries(ftth.map((row) => [row.status, Number(row.n)])),
    ftte: ftte.filter((row) => row.status === "DEPLOYE").reduce((sum, row) => sum + Number(row.n), 0),
    sources: sources.map((row) => ({ name: row.name, date: row.date === null ? null : new Date(row.date) })),
  };
}
