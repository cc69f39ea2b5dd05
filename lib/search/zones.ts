import "server-only";
/**
 * Activity-zone suggestions: every word typed found in the zone's normalised name or commune,
 * as typed or spelled out ("zi" → "zone industrielle"); archived zones are left out. Zones are
 * counted in thousands, not millions: a provider-neutral query on "searchName" is enough.
 */
import { db, type Prisma } from "@/lib/db/client";
import type { ParsedQuery } from "@/lib/search/query";
import type { ZoneSearchResult } from "@/lib/search/types";
import { normalizeText } from "@/lib/text/normalize";
import { SMALL_WORDS, STREET_ABBREVIATIONS } from "@/lib/text/street";

export async function searchZones(query: ParsedQuery, limit: number): Promise<ZoneSearchResult[]> {
  const words = query.words.filter((word) => !SMALL_WORDS.has(word));
  if (words.length === 0) return [];
  const wordFilters: Prisma.ActivityZoneWhereInput[] = words.map((word) => {
    const forms = [word, STREET_ABBREVIATIONS[word]].filter((form): form is string => Boolean(form));
    return { OR: forms.map((form) => ({ searchName: { contains: form } })) };
  });
  const zones = await db.activityZone.findMany({
    where: { archivedAt: null, AND: wordFilters },
    select: { id: true, name: true, searchName: true, inseeCode: true, communeName: true, minLat: true, maxLat: true, minLon: true, maxLon: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: limit * 3,
  });
  const phrase = words.join(" ");
  return zones
    .map((zone) => ({ zone, exact: normalizeText(zone.name).startsWith(phrase) ? 1 : 0 }))
    .sort((a, b) => b.exact - a.exact)
    .slice(0, limit)
    .map(({ zone }) => ({
      type: "zone" as const,
      id: zone.id,
      label: zone.communeName ? `${zone.name} — ${zone.communeName}` : zone.name,
      name: zone.name,
      inseeCode: zone.inseeCode,
      communeName: zone.communeName,
      lat: (zone.minLat + zone.maxLat) / 2,
      lon: (zone.minLon + zone.maxLon) / 2,
      url: `/zone/${encodeURIComponent(zone.id)}`,
    }));
}
