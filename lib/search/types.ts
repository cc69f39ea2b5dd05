/** What the search returns, as served by GET /api/v1/search. Later kinds: address, zone. */
export interface CommuneSearchResult {
  type: "commune";
  /** INSEE code */
  id: string;
  /** "Saint-Étienne (42)" */
  label: string;
  name: string;
  departementCode: string;
  postcodes: string[];
  population: number | null;
  /** The public page of the result. */
  url: string;
}

export type SearchResult = CommuneSearchResult;
