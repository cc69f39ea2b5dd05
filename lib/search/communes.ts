import "server-only";
/**
 * Commune suggestions by name or postcode: words match the start of a word of the normalised name
 * (through the database's word index, see the commune_search migrations), numbers the start of a
 * postcode (or a whole INSEE code). Ranking: communes with data first (lib/search/has-data.ts),
 * then exact name, names starting with the query's words, then with its letters, the other
 * matches; population breaks ties.
 */
import { provider } from "@/lib/db/client";
import { rawSelect } from "@/lib/db/raw";
import { COMMUNE_HAS_DATA, readFlag, type RankedResult } from "@/lib/search/has-data";
import type { ParsedQuery } from "@/lib/search/query";
import { proximityBonus } from "@/lib/search/geo";
import type { CommuneSearchResult, SearchFilters } from "@/lib/search/types";

/** How many communes the word index hands over for ranking. */
const CANDIDATES = 300;

/**
 * The communes whose name has a word starting with each word typed, those with addresses then
 * the most populous first (a small commune of the loaded territory must not be cut by the
 * limit): through the FTS5 index "CommuneSearch" on SQLite, the trigram index on PostgreSQL.
 * Only the commune's own row is read here ("saint" matches 4,400 communes); the zones part of
 * COMMUNE_HAS_DATA is asked of the few hundred candidates only.
 */
function communesWithWords(words: string[]): Promise<{ inseeCode: string }[]> {
  if (provider === "sqlite") {
    return rawSelect(
      `SELECT c."inseeCode" FROM "CommuneSearch" s JOIN "Commune" c ON c.rowid = s.rowid
        WHERE "CommuneSearch" MATCH ? ORDER BY c."lat" IS NULL, c."population" IS NULL, c."population" DESC LIMIT ${CANDIDATES}`,
      [words.map((word) => `"${word}"*`).join(" AND ")],
    );
  }
  return rawSelect(
    `SELECT c."inseeCode" FROM "Commune" c WHERE ${words.map(() => `c."searchName" ~ ?`).join(" AND ")}
      ORDER BY c."lat" IS NULL, c."population" DESC NULLS LAST LIMIT ${CANDIDATES}`,
    words.map((word) => `(^| )${word}`),
  );
}

interface CommuneRow {
  inseeCode: string; name: string; searchName: string; departementCode: string; population: number | null; lat: number | null; lon: number | null;
  hasData: unknown;
}

export async function searchCommunes(query: ParsedQuery, limit: number, filters: SearchFilters = {}): Promise<RankedResult<CommuneSearchResult>[]> {
  let candidates: string[] | null = null;
  if (query.words.length > 0) {
    candidates = (await communesWithWords(query.words)).map((row) => row.inseeCode);
    if (candidates.length === 0) return [];
  }
  const conditions: string[] = [];
  const params: string[] = [];
  if (candidates) {
    conditions.push(`c."inseeCode" IN (${candidates.map(() => "?").join(", ")})`);
    params.push(...candidates);
  }
  for (const digits of query.numbers) {
    // The start of a postcode, or a whole INSEE code.
    conditions.push(
      `(EXISTS (SELECT 1 FROM "CommunePostcode" p WHERE p."inseeCode" = c."inseeCode" AND p."postcode" >= ? AND p."postcode" < ?)${digits.length === 5 ? ` OR c."inseeCode" = ?` : ""})`,
    );
    params.push(digits, `${digits}:`, ...(digits.length === 5 ? [digits] : []));
  }
  if (filters.citycode) {
    conditions.push(`c."inseeCode" = ?`);
    params.push(filters.citycode);
  }
  if (filters.postcode) {
    conditions.push(`EXISTS (SELECT 1 FROM "CommunePostcode" fp WHERE fp."inseeCode" = c."inseeCode" AND fp."postcode" = ?)`);
    params.push(filters.postcode);
  }
  if (conditions.length === 0) return [];
  const matches = await rawSelect<CommuneRow>(
    `SELECT c."inseeCode", c."name", c."searchName", c."departementCode", c."population", c."lat", c."lon",
        CASE WHEN ${COMMUNE_HAS_DATA} THEN 1 ELSE 0 END AS "hasData"
      FROM "Commune" c
      WHERE ${conditions.join(" AND ")}
      ORDER BY "hasData" DESC, CASE WHEN c."population" IS NULL THEN 1 ELSE 0 END, c."population" DESC, c."inseeCode" LIMIT ${candidates ? CANDIDATES : limit}`,
    params,
  );
  // With data first; then the exact name, names starting with the words typed ("bourg" →
  // Bourg-en-Bresse), names starting with the letters typed (Bourges), the others; the SQL order
  // (population) breaks ties.
  const phrase = query.words.join(" ");
  const rank = (commune: CommuneRow) =>
    commune.searchName === phrase ? 0 : !phrase ? 3 : commune.searchName.startsWith(`${phrase} `) ? 1 : commune.searchName.startsWith(phrase) ? 2 : 3;
  const chosen = matches
    .map((commune, order) => ({ commune, order, rank: rank(commune), hasData: readFlag(commune.hasData), near: proximityBonus(filters.near, commune) }))
    .sort((a, b) => Number(b.hasData) - Number(a.hasData) || a.rank - b.rank || b.near - a.near || a.order - b.order)
    .slice(0, limit);
  const postcodes = chosen.length
    ? await rawSelect<{ inseeCode: string; postcode: string }>(
        `SELECT "inseeCode", "postcode" FROM "CommunePostcode" WHERE "inseeCode" IN (${chosen.map(() => "?").join(", ")}) ORDER BY "postcode"`,
        chosen.map(({ commune }) => commune.inseeCode),
      )
    : [];
  return chosen.map(({ commune, hasData }) => ({
    result: toResult(commune, postcodes.filter((row) => row.inseeCode === commune.inseeCode).map((row) => row.postcode)),
    hasData,
  }));
}

function toResult(commune: CommuneRow, postcodes: string[]): CommuneSearchResult {
  return {
    type: "commune",
    id: commune.inseeCode,
    label: `${commune.name} (${commune.departementCode})`,
    name: commune.name,
    departementCode: commune.departementCode,
    postcodes,
    population: commune.population === null ? null : Number(commune.population),
    lat: commune.lat === null ? null : Number(commune.lat),
    lon: commune.lon === null ? null : Number(commune.lon),
    url: `/commune/${commune.inseeCode}`,
  };
}
