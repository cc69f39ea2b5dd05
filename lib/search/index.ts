import "server-only";
/** The one search entry point behind GET /api/v1/search, the combobox and /recherche. */
import { searchCommunes } from "@/lib/search/communes";
import { isEmptyQuery, parseQuery } from "@/lib/search/query";
import type { SearchResult } from "@/lib/search/types";

export async function search(q: string, limit: number): Promise<SearchResult[]> {
  const query = parseQuery(q);
  if (isEmptyQuery(query)) return [];
  return searchCommunes(query, limit);
}
