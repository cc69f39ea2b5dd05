import "server-only";
/**
 * Establishment suggestions (SIRENE): a 14-digit SIRET (spaces allowed) finds that establishment,
 * a 9-digit SIREN its establishments (linked to an address first, then by SIRET), other words the
 * establishments whose trade or legal name has a word starting with each of them — through the
 * FTS5 index "EstablishmentSearch" on SQLite, the trigram index on PostgreSQL (establishment_search
 * migrations). Only active, diffusible establishments are ever stored: a SIRET absent from the
 * table reads as no result, like one that does not exist.
 */
import { provider } from "@/lib/db/client";
import { rawSelect } from "@/lib/db/raw";
import { normaliseSiret } from "@/lib/data/establishments";
import { proximityBonus } from "@/lib/search/geo";
import type { ParsedQuery } from "@/lib/search/query";
import type { EstablishmentSearchResult, SearchFilters } from "@/lib/search/types";
import { formatAddressLabel } from "@/lib/text/address-label";
import { SMALL_WORDS } from "@/lib/text/street";

/** How many name matches the index hands over for ranking. */
const CANDIDATES = 200;

interface EstablishmentRow {
  siret: string; siren: string; tradeName: string | null; legalName: string | null; searchName: string; inseeCode: string;
  communeName: string | null; lat: number | null; lon: number | null; addressId: string | null;
  number: number | null; suffix: string | null; street: string | null; postcode: string | null; addressCommune: string | null;
  addressLat: number | null; addressLon: number | null;
}

const COLUMNS = `e."siret", e."siren", e."tradeName", e."legalName", e."searchName", e."inseeCode",
  COALESCE(e."communeName", c."name") AS "communeName", e."lat", e."lon", e."addressId",
  a."number", a."suffix", a."street", a."postcode", a."communeName" AS "addressCommune", a."lat" AS "addressLat", a."lon" AS "addressLon"`;
const JOINS = `LEFT JOIN "Address" a ON a."id" = e."addressId" LEFT JOIN "Commune" c ON c."inseeCode" = e."inseeCode"`;

/** What the query is as a business identifier: a SIRET, a SIREN, or neither. */
export function businessIdentifier(input: string): { siret: string } | { siren: string } | null {
  const siret = normaliseSiret(input);
  if (siret) return { siret };
  const digits = input.replace(/[\s.\u00a0\u202f-]/g, "");
  return /^\d{9}$/.test(digits) ? { siren: digits } : null;
}

/** The words a name search looks for: two letters at least, small words left out. */
function nameWords(query: ParsedQuery): string[] {
  return query.words.filter((word) => word.length >= 2 && !SMALL_WORDS.has(word));
}

export async function searchEstablishments(input: string, query: ParsedQuery, limit: number, filters: SearchFilters = {}): Promise<EstablishmentSearchResult[]> {
  const filter = filterSql(filters);
  const identifier = businessIdentifier(input);
  if (identifier) {
    const [column, value] = "siret" in identifier ? ["siret", identifier.siret] : ["siren", identifier.siren];
    const rows = await rawSelect<EstablishmentRow>(
      `SELECT ${COLUMNS} FROM "Establishment" e ${JOINS} WHERE e."${column}" = ?${filter.sql}
        ORDER BY CASE WHEN e."addressId" IS NULL THEN 1 ELSE 0 END, e."siret" LIMIT ${limit}`,
      [value, ...filter.params],
    );
    return rows.map(toResult);
  }
  const words = nameWords(query);
  if (words.length === 0) return [];
  const rows =
    provider === "sqlite"
      ? await rawSelect<EstablishmentRow>(
          `SELECT ${COLUMNS} FROM "EstablishmentSearch" s JOIN "Establishment" e ON e.rowid = s.rowid ${JOINS}
            WHERE "EstablishmentSearch" MATCH ?${filter.sql} LIMIT ${CANDIDATES}`,
          [words.map((word) => `"${word}"*`).join(" AND "), ...filter.params],
        )
      : await rawSelect<EstablishmentRow>(
          `SELECT ${COLUMNS} FROM "Establishment" e ${JOINS} WHERE ${words.map(() => `e."searchName" ~ ?`).join(" AND ")}${filter.sql} LIMIT ${CANDIDATES}`,
          [...words.map((word) => `(^| )${word}`), ...filter.params],
        );
  return rankByName(words, rows, filters.near).slice(0, limit).map(toResult);
}

/**
 * Names starting with the words typed first, then names holding each of them as a whole word,
 * then the others; among those, linked to an address before unmatched, near the point before far
 * (lat+lon), then by name and SIRET.
 */
function rankByName(words: string[], rows: EstablishmentRow[], near: SearchFilters["near"]): EstablishmentRow[] {
  const phrase = words.join(" ");
  const score = (row: EstablishmentRow) => {
    const nameWordsOfRow = row.searchName.split(" ");
    return (
      (row.searchName.startsWith(phrase) ? 20 : 0) +
      words.filter((word) => nameWordsOfRow.includes(word)).length * 10 +
      (row.addressId ? 5 : 0) +
      proximityBonus(near, { lat: row.addressLat ?? row.lat, lon: row.addressLon ?? row.lon }, 4)
    );
  };
  return rows
    .map((row) => ({ row, score: score(row) }))
    .sort((a, b) => b.score - a.score || a.row.searchName.localeCompare(b.row.searchName) || a.row.siret.localeCompare(b.row.siret))
    .map((entry) => entry.row);
}

function filterSql(filters: SearchFilters): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (filters.citycode) {
    parts.push(` AND e."inseeCode" = ?`);
    params.push(filters.citycode);
  }
  if (filters.postcode) {
    parts.push(` AND COALESCE(a."postcode", e."postcode") = ?`);
    params.push(filters.postcode);
  }
  return { sql: parts.join(""), params };
}

function toResult(row: EstablishmentRow): EstablishmentSearchResult {
  const name = row.tradeName ?? row.legalName ?? `Établissement ${row.siret}`;
  const place =
    row.addressId && row.street !== null
      ? formatAddressLabel({ number: row.number, suffix: row.suffix, street: row.street, postcode: row.postcode, communeName: row.addressCommune ?? "" })
      : row.communeName ?? row.inseeCode;
  const lat = row.addressLat ?? row.lat;
  const lon = row.addressLon ?? row.lon;
  return {
    type: "establishment",
    id: row.siret,
    label: `${name} — ${place}`,
    name,
    siren: row.siren,
    inseeCode: row.inseeCode,
    communeName: row.communeName,
    addressId: row.addressId,
    lat: lat === null ? null : Number(lat),
    lon: lon === null ? null : Number(lon),
    url: `/etablissement/${row.siret}`,
  };
}
