/** What the search returns, as served by GET /api/v1/search. */
export type SearchResultType = "address" | "zone" | "commune";

interface SearchResultBase {
  type: SearchResultType;
  /** BAN id, zone id or INSEE code */
  id: string;
  label: string;
  /** WGS84 position; null for a commune without any address loaded yet. */
  lat: number | null;
  lon: number | null;
  /** The public page of the result. */
  url: string;
}

export interface AddressSearchResult extends SearchResultBase {
  type: "address";
  inseeCode: string;
  lat: number;
  lon: number;
}

export interface ZoneSearchResult extends SearchResultBase {
  type: "zone";
  name: string;
  inseeCode: string;
  communeName: string | null;
  lat: number;
  lon: number;
}

export interface CommuneSearchResult extends SearchResultBase {
  type: "commune";
  /** "Saint-Étienne (42)" */
  label: string;
  name: string;
  departementCode: string;
  postcodes: string[];
  population: number | null;
}

export type SearchResult = AddressSearchResult | ZoneSearchResult | CommuneSearchResult;
