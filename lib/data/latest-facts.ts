import "server-only";
/**
 * The fact that counts for each address and technology, in SQL: among the current facts stated
 * on the address (its buildings' facts carry its id) or on its whole activity zone, the
 * most recent (file date, else recording date); on the same date the most advanced status. When
 * that fact is a building's, the least advanced of the facts its source states on the address's
 * buildings counts instead (several buildings, one deployed: the others are not orderable) — the
 * rule lib/data/eligibility.ts applies to one address. Zone-wide facts (publications for a whole
 * zone) compete with the address's own on the same terms.
 */
import { STATUS_ORDER } from "@/lib/status";

/** SQL: the rank of a fact's status (alias f) in the UI's order, most advanced first. */
export const STATUS_RANK_SQL = `CASE f."status" ${STATUS_ORDER.map((status, index) => `WHEN '${status}' THEN ${index}`).join(" ")} END`;

/** The columns `details` adds: the dates, the precision and the source of the fact. */
const DETAILS = {
  inner: `, f."availableSince", f."plannedDate", CAST(f."plannedPrecision" AS TEXT) AS "plannedPrecision", f."sourceName", CAST(f."sourceKind" AS TEXT) AS "sourceKind"`,
  outer: `, counted."availableSince", counted."plannedDate", counted."plannedPrecision", counted."sourceName", counted."sourceKind", counted."date"`,
};

const SOURCE_KEY = `CAST(f."sourceKind" AS TEXT) || '|' || f."sourceName"`;
const NEWEST_FIRST = `PARTITION BY facts."addressId", facts."technology" ORDER BY facts."date" DESC, facts."rank"`;

/**
 * Rows (addressId, technology, status[, availableSince, plannedDate, plannedPrecision, sourceName,
 * sourceKind, date]) — one per address and technology stated — of the addresses `scope` selects (a condition
 * on "Address" a, with `?` parameters, given twice).
 */
export function latestFactsSql(scope: string, { details = false } = {}): string {
  return `
    SELECT counted."addressId", counted."technology", counted."status"${details ? DETAILS.outer : ""} FROM (
      SELECT ranked.*,
             ROW_NUMBER() OVER (PARTITION BY ranked."addressId", ranked."technology" ORDER BY ranked."rank" DESC, ranked."date" DESC) AS "counting"
      FROM (
        SELECT facts.*,
               ROW_NUMBER() OVER (${NEWEST_FIRST}) AS "position",
               FIRST_VALUE(facts."sourceKey") OVER (${NEWEST_FIRST}) AS "newestSource",
               FIRST_VALUE(facts."onBuilding") OVER (${NEWEST_FIRST}) AS "newestOnBuilding"
        FROM (
          SELECT a."id" AS "addressId", CAST(f."technology" AS TEXT) AS "technology", CAST(f."status" AS TEXT) AS "status",
                 COALESCE(f."fileDate", f."recordedAt") AS "date", ${STATUS_RANK_SQL} AS "rank", ${SOURCE_KEY} AS "sourceKey",
                 CASE WHEN f."buildingId" IS NULL THEN 0 ELSE 1 END AS "onBuilding"${details ? DETAILS.inner : ""}
            FROM "Address" a JOIN "Availability" f ON f."addressId" = a."id"
           WHERE f."withdrawnAt" IS NULL AND ${scope}
          UNION ALL
          SELECT a."id", CAST(f."technology" AS TEXT), CAST(f."status" AS TEXT), COALESCE(f."fileDate", f."recordedAt"), ${STATUS_RANK_SQL}, ${SOURCE_KEY}, 0${details ? DETAILS.inner : ""}
            FROM "Address" a JOIN "Availability" f ON f."zoneId" = a."zoneId" AND f."addressId" IS NULL
           WHERE f."withdrawnAt" IS NULL AND ${scope}
        ) facts
      ) ranked
      WHERE ranked."position" = 1 OR (ranked."newestOnBuilding" = 1 AND ranked."onBuilding" = 1 AND ranked."sourceKey" = ranked."newestSource")
    ) counted WHERE counted."counting" = 1`;
}
