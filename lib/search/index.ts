import "server-only";
/**
 * The one search entry point behind GET /api/v1/search, the combobox and /recherche: addresses,
 * activity zones and communes in one list. A query with a house number is about an address;
 * otherwise a commune named exactly comes first, then zones, other communes and addresses.
 */
import { searchAddresses } from "@/lib/search/addresses";
import { searchCommunes } from "@/lib/search/communes";
import { isEmptyQuery, parseQuery } from "@/lib/search/query";
import type { SearchResult, SearchResultType } from "@/lib/search/types";
import { searchZones } from "@/lib/search/zones";
import { normalizeText } from "@/lib/text/normalize";
import { SEARCH_RESULT_TYPES } from "@/lib/validation/search";

export async function search(q: string, limit: number, types: readonly SearchResultType[] = SEARCH_RESULT_TYPES): Promise<SearchResult[]> {
  const query = parseQuery(q);
  if (isEmptyQuery(query)) return [];
  const wanted = new Set(types);
  const [addresses, zones, communes] = await Promise.all([
    wanted.has("address") ? searchAddresses(query.address, limit) : [],
    wanted.has("zone") ? searchZones(query, limit) : [],
    wanted.has("commune") ? searchCommunes(query, limit) : [],
  ]);

  let ordered: SearchResult[];
  if (query.address.number !== null && addresses.length > 0) {
    ordered = [...addresses, ...zones, ...communes];
  } else {
    const phrase = query.words.join(" ");
    const named = communes.filter((commune) => normalizeText(commune.name) === phrase);
    const others = communes.filter((commune) => !named.includes(commune));
    ordered = [...named, ...zones, ...others, ...addresses];
  }
  return ordered.slice(0, limit);
}
