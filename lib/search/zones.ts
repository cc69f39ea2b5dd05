import "server-only";
/**
 * Activity-zone suggestions: every word typed found in the zone's normalised name or commune,
 * as typed or spelled out ("zi" → "zone industrielle"); archived zones are left out. Zones with
 * data come first (lib/search/has-data.ts), then names starting with what was typed. Zones are
 * counted in thousands, not millions: a provider-neutral LIKE on "searchName" is enough.
 */
import { rawSelect } from "@/lib/db/raw";
import { readFlag, ZONE_HAS_DATA, type RankedResult } from "@/lib/search/has-data";
import type { ParsedQuery } from "@/lib/search/query";
import { proximityBonus } from "@/lib/search/geo";
import type { SearchFilters, ZoneSearchResult } from "@/lib/search/types";
import { normalizeText } from "@/lib/text/normalize";
import { SMALL_WORDS, STREET_ABBREVIATIONS } from "@/lib/text/street";

interface ZoneRow {
  id: string; name: string; inseeCode: string; communeName: string | null; minLat: number; maxLat: number; minLon: number; maxLon: number;
  hasData: unknown;
}

export async function searchZones(query: ParsedQuery, limit: number, filters: SearchFilters = {}): Promise<RankedResult<ZoneSearchResult>[]> {
  const words = query.words.filter((word) => !SMALL_WORDS.has(word));
  if (words.length === 0) return [];
  const params: string[] = [];
  const conditions = words.map((word) => {
    const forms = [word, STREET_ABBREVIATIONS[word]].filter((form): form is string => Boolean(form));
    params.push(...forms.map((form) => `%${form}%`));
    return `(${forms.map(() => `z."searchName" LIKE ?`).join(" OR ")})`;
  });
  if (filters.citycode) {
    conditions.push(`z."inseeCode" = ?`);
    params.push(filters.citycode);
  }
  if (filters.postcode) {
    conditions.push(`EXISTS (SELECT 1 FROM "CommunePostcode" p WHERE p."inseeCode" = z."inseeCode" AND p."postcode" = ?)`);
    params.push(filters.postcode);
  }
  const zones = await rawSelect<ZoneRow>(
    `SELECT z."id", z."name", z."inseeCode", z."communeName", z."minLat", z."maxLat", z."minLon", z."maxLon",
        CASE WHEN ${ZONE_HAS_DATA} THEN 1 ELSE 0 END AS "hasData"
      FROM "ActivityZone" z
      WHERE z."archivedAt" IS NULL AND ${conditions.join(" AND ")} ORDER BY "hasData" DESC, z."name", z."id" LIMIT ${limit * 3}`,
    params,
  );
  const phrase = words.join(" ");
  return zones
    .map((zone) => ({
      zone,
      hasData: readFlag(zone.hasData),
      exact: normalizeText(zone.name).startsWith(phrase) ? 1 : 0,
      near: proximityBonus(filters.near, { lat: (Number(zone.minLat) + Number(zone.maxLat)) / 2, lon: (Number(zone.minLon) + Number(zone.maxLon)) / 2 }),
    }))
    .sort((a, b) => Number(b.hasData) - Number(a.hasData) || b.exact - a.exact || b.near - a.near)
    .slice(0, limit)
    .map(({ zone, hasData }) => ({ result: toResult(zone), hasData }));
}

function toResult(zone: ZoneRow): ZoneSearchResult {
  return {
    type: "zone",
    id: zone.id,
    label: zone.communeName ? `${zone.name} — ${zone.communeName}` : zone.name,
    name: zone.name,
    inseeCode: zone.inseeCode,
    communeName: zone.communeName,
    lat: (Number(zone.minLat) + Number(zone.maxLat)) / 2,
    lon: (Number(zone.minLon) + Number(zone.maxLon)) / 2,
    url: `/zone/${encodeURIComponent(zone.id)}`,
  };
}
