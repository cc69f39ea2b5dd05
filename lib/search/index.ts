import "server-only";
/**
 * The one search entry point behind GET /api/v1/search, the combobox and /recherche: addresses,
 * activity zones and communes in one list. A query with a house number is about an address;
 * otherwise a commune named exactly comes first, then zones, other communes and addresses.
 * Places with data come before places without (lib/search/has-data.ts): on a portal loaded with
 * the Ain, « bourg » lists Bourg-en-Bresse and its zones before Bourg (33), which has no page to
 * speak of.
 */
import { searchAddresses } from "@/lib/search/addresses";
import { searchCommunes } from "@/lib/search/communes";
import type { RankedResult } from "@/lib/search/has-data";
import { isEmptyQuery, parseQuery } from "@/lib/search/query";
import type { SearchResult, SearchResultType } from "@/lib/search/types";
import { searchZones } from "@/lib/search/zones";
import { normalizeText } from "@/lib/text/normalize";
import { SEARCH_RESULT_TYPES } from "@/lib/validation/search";

export async function search(q: string, limit: number, types: readonly SearchResultType[] = SEARCH_RESULT_TYPES): Promise<SearchResult[]> {
  const query = parseQuery(q);
  if (isEmptyQuery(query)) return [];
  const wanted = new Set(types);
  // One search after the other, each only when the list is not full yet: the database calls are
  // synchronous on SQLite anyway, and most queries are answered by the first kind asked.
  const addressesFor = (room: number) => (wanted.has("address") && room > 0 ? searchAddresses(query.address, room) : Promise.resolve([]));
  const zonesFor = (room: number): Promise<RankedResult[]> => (wanted.has("zone") && room > 0 ? searchZones(query, room) : Promise.resolve([]));
  const communesFor = (room: number): Promise<RankedResult[]> =>
    wanted.has("commune") && room > 0 ? searchCommunes(query, room) : Promise.resolve([]);

  let ordered: SearchResult[];
  const addresses = query.address.number !== null ? await addressesFor(limit) : [];
  if (addresses.length > 0) {
    const zones = await zonesFor(limit - addresses.length);
    ordered = [...addresses, ...withDataFirst([zones, await communesFor(limit - addresses.length - zones.length)])];
  } else {
    // Each list comes with its places with data first: the limit keeps them.
    const communes = await communesFor(limit);
    const phrase = query.words.join(" ");
    const named = communes.filter(({ result }) => result.type === "commune" && normalizeText(result.name) === phrase);
    const others = communes.filter((commune) => !named.includes(commune));
    const zones = await zonesFor(limit - named.length);
    const room = limit - named.length - zones.length - others.length;
    ordered = [...withDataFirst([named, zones, others]), ...(query.address.number === null ? await addressesFor(room) : [])];
  }
  return ordered.slice(0, limit);
}

/** The groups in their order, first with only their places with data, then with the others. */
function withDataFirst(groups: RankedResult[][]): SearchResult[] {
  const pick = (hasData: boolean) => groups.flatMap((group) => group.filter((entry) => entry.hasData === hasData).map((entry) => entry.result));
  return [...pick(true), ...pick(false)];
}
