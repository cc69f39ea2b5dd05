import "server-only";
/**
 * Whether a place "has data" on this portal, as SQL the search can sort by, the same text on
 * SQLite and PostgreSQL. A result with data is one whose page answers something: the search
 * lists those before homonyms the portal knows nothing about (« bourg » on a portal loaded with
 * the Ain: Bourg-en-Bresse before Bourg in Gironde).
 *
 * - A commune has data when it has addresses — its centre ("lat"), kept by the address imports,
 *   is null before any — or an activity zone that is not archived (a zone file loaded before
 *   the addresses). Both read one row or one index entry: cheap on every candidate.
 * - A zone has data when addresses are linked to it or a current fact is stated on the whole zone
 *   (a publication): an index probe each (Address.zoneId, Availability.zoneId).
 */
import type { SearchResult } from "@/lib/search/types";

/** True (1) or false (0) for the commune aliased `c`. */
export const COMMUNE_HAS_DATA = `(c."lat" IS NOT NULL OR EXISTS (
  SELECT 1 FROM "ActivityZone" hz WHERE hz."inseeCode" = c."inseeCode" AND hz."archivedAt" IS NULL))`;

/** True (1) or false (0) for the zone aliased `z`. */
export const ZONE_HAS_DATA = `(EXISTS (SELECT 1 FROM "Address" ha WHERE ha."zoneId" = z."id")
  OR EXISTS (SELECT 1 FROM "Availability" hf WHERE hf."zoneId" = z."id" AND hf."withdrawnAt" IS NULL))`;

/** A result and whether its place has data, for the merge of lib/search/index.ts. */
export interface RankedResult<T extends SearchResult = SearchResult> {
  result: T;
  hasData: boolean;
}

/** A raw driver's boolean: true/false on PostgreSQL, 1/0 (number or bigint) on SQLite. */
export function readFlag(value: unknown): boolean {
  return value === true || value === 1 || value === 1n || value === "1" || value === "t";
}
