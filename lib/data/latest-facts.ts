import "server-only";
/**
 * The fact that counts for each address and technology, in SQL: among the current facts stated
 * on the address (its buildings' facts carry its id) or on its whole activity zone, the
 * most recent (file date, else recording date); on the same date the most advanced status — the
 * rule lib/data/eligibility.ts applies to one address. Zone-wide facts (publications for a whole
 * zone) compete with the address's own on the same terms.
 */
import { STATUS_ORDER } from "@/lib/status";

/** SQL: the rank of a fact's status (alias f) in the UI's order, most advanced first. */
export const STATUS_RANK_SQL = `CASE f."status" ${STATUS_ORDER.map((status, index) => `WHEN '${status}' THEN ${index}`).join(" ")} END`;

/** The columns `details` adds: the dates, the precision and the source of the fact. */
const DETAILS = {
  inner: `, f."availableSince", f."plannedDate", CAST(f."plannedPrecision" AS TEXT) AS "plannedPrecision", f."sourceName", CAST(f."sourceKind" AS TEXT) AS "sourceKind"`,
  outer: `, ranked."availableSince", ranked."plannedDate", ranked."plannedPrecision", ranked."sourceName", ranked."sourceKind", ranked."date"`,
};

/**
 * Rows (addressId, technology, status[, availableSince, plannedDate, plannedPrecision, sourceName,
 * sourceKind, date]) — one per address and technology stated — of the addresses `scope` selects (a condition
 * on "Address" a, with `?` parameters, given twice).
 */
export function latestFactsSql(scope: string, { details = false } = {}): string {
  return `
    SELECT ranked."addressId", ranked."technology", ranked."status"${details ? DETAILS.outer : ""} FROM (
      SELECT facts.*,
             ROW_NUMBER() OVER (PARTITION BY facts."addressId", facts."technology" ORDER BY facts."date" DESC, facts."rank") AS position
      FROM (
        SELECT a."id" AS "addressId", CAST(f."technology" AS TEXT) AS "technology", CAST(f."status" AS TEXT) AS "status",
               COALESCE(f."fileDate", f."recordedAt") AS "date", ${STATUS_RANK_SQL} AS "rank"${details ? DETAILS.inner : ""}
          FROM "Address" a JOIN "Availability" f ON f."addressId" = a."id"
         WHERE f."withdrawnAt" IS NULL AND ${scope}
        UNION ALL
        SELECT a."id", CAST(f."technology" AS TEXT), CAST(f."status" AS TEXT), COALESCE(f."fileDate", f."recordedAt"), ${STATUS_RANK_SQL}${details ? DETAILS.inner : ""}
          FROM "Address" a JOIN "Availability" f ON f."zoneId" = a."zoneId" AND f."addressId" IS NULL
         WHERE f."withdrawnAt" IS NULL AND ${scope}
      ) facts
    ) ranked WHERE ranked.position = 1`;
}
