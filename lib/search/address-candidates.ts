import type { SearchFilters } from "@/lib/search/types";

/** What the database hands the address ranking, whichever provider found it. */
/** How many matches the database hands over for ranking. */
export const CANDIDATES = 100;

export interface AddressCandidate {
  id: string;
  number: number | null;
  suffix: string | null;
  street: string;
  locality: string | null;
  postcode: string | null;
  inseeCode: string;
  communeName: string;
  lat: number;
  lon: number;
  searchKey: string;
}

export const CANDIDATE_COLUMNS = `"id", "number", "suffix", "street", "locality", "postcode", "inseeCode", "communeName", "lat", "lon", "searchKey"`;

/** The SQL conditions of the citycode and postcode filters, on the address aliased `a`. */
export function addressFilterSql(filters: SearchFilters): { sql: string; params: string[] } {
  const parts: string[] = [];
  const params: string[] = [];
  if (filters.citycode) {
    parts.push(` AND a."inseeCode" = ?`);
    params.push(filters.citycode);
  }
  if (filters.postcode) {
    parts.push(` AND a."postcode" = ?`);
    params.push(filters.postcode);
  }
  return { sql: parts.join(""), params };
}
