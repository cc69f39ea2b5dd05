/** What the search returns, as served by GET /api/v1/search. */
export type SearchResultType = "address" | "zone" | "commune" | "establishment";

/** What narrows or biases a search (GET /api/v1/search citycode, postcode, lat+lon). */
export interface SearchFilters {
  /** Only results in this commune (INSEE code). */
  citycode?: string;
  /** Only results with this postcode (communes: one of theirs). */
  postcode?: string;
  /** Results near this point first, among equally good matches; never a filter. */
  near?: { lat: number; lon: number };
}

interface SearchResultBase {
  type: SearchResultType;
  /** BAN id, zone id, INSEE code or SIRET */
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

export interface EstablishmentSearchResult extends SearchResultBase {
  type: "establishment";
  /** "Boulangerie Martin — 12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse" (the commune when unmatched) */
  label: string;
  name: string;
  siren: string;
  inseeCode: string;
  communeName: string | null;
  /** The address it is linked to; null when SIRENE's address matched none. */
  addressId: string | null;
}

export type SearchResult = AddressSearchResult | ZoneSearchResult | CommuneSearchResult | EstablishmentSearchResult;
