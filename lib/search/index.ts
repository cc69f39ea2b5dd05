import "server-only";
/**
 * The one search entry point behind GET /api/v1/search, the combobox and /recherche: addresses,
 * activity zones, communes and establishments in one list. A SIRET or SIREN typed finds
 * establishments only. A query with a house number is about an address; otherwise a commune named
 * exactly comes first, then zones, other communes and addresses. Establishments found by name come
 * after those, with a share of the list kept for them (a quarter, at least one): a company name
 * that is also a street name never buries the street, and the street never hides the company.
 * Places with data come before places without (lib/search/has-data.ts): on a portal loaded with
 * the Ain, « bourg » lists Bourg-en-Bresse and its zones before Bourg (33), which has no page to
 * speak of.
 */
import { searchAddresses } from "@/lib/search/addresses";
import { searchCommunes } from "@/lib/search/communes";
import { businessIdentifier, searchEstablishments } from "@/lib/search/establishments";
import type { RankedResult } from "@/lib/search/has-data";
import { isEmptyQuery, parseQuery } from "@/lib/search/query";
import type { SearchFilters, SearchResult, SearchResultType } from "@/lib/search/types";
import { searchZones } from "@/lib/search/zones";
import { normalizeText } from "@/lib/text/normalize";
import { SEARCH_RESULT_TYPES } from "@/lib/validation/search";

export async function search(
  q: string,
  limit: number,
  types: readonly SearchResultType[] = SEARCH_RESULT_TYPES,
  filters: SearchFilters = {},
): Promise<SearchResult[]> {
  const wanted = new Set(types);
  const query = parseQuery(q);
  if (businessIdentifier(q)) return wanted.has("establishment") ? searchEstablishments(q, query, limit, filters) : [];
  if (isEmptyQuery(query)) return [];
  // One search after the other, each only when the list is not full yet: the database calls are
  // synchronous on SQLite anyway, and most queries are answered by the first kind asked.
  const addressesFor = (room: number) => (wanted.has("address") && room > 0 ? searchAddresses(query.address, room, filters) : Promise.resolve([]));
  const zonesFor = (room: number): Promise<RankedResult[]> => (wanted.has("zone") && room > 0 ? searchZones(query, room, filters) : Promise.resolve([]));
  const communesFor = (room: number): Promise<RankedResult[]> =>
    wanted.has("commune") && room > 0 ? searchCommunes(query, room, filters) : Promise.resolve([]);
  const establishments = wanted.has("establishment") ? await searchEstablishments(q, query, limit, filters) : [];
  const onlyEstablishments = types.every((type) => type === "establishment");
  // The room the places leave for establishments: a quarter of the list, more when places are few.
  const reserved = onlyEstablishments ? limit : Math.min(establishments.length, Math.max(1, Math.ceil(limit / 4)));
  const placeLimit = limit - reserved;

  let places: SearchResult[];
  const addresses = query.address.number !== null ? await addressesFor(placeLimit) : [];
  if (addresses.length > 0) {
    const zones = await zonesFor(placeLimit - addresses.length);
    places = [...addresses, ...withDataFirst([zones, await communesFor(placeLimit - addresses.length - zones.length)])];
  } else {
    // Each list comes with its places with data first: the limit keeps them.
    const communes = await communesFor(placeLimit);
    const phrase = query.words.join(" ");
    const named = communes.filter(({ result }) => result.type === "commune" && normalizeText(result.name) === phrase);
    const others = communes.filter((commune) => !named.includes(commune));
    const zones = await zonesFor(placeLimit - named.length);
    const room = placeLimit - named.length - zones.length - others.length;
    places = [...withDataFirst([named, zones, others]), ...(query.address.number === null ? await addressesFor(room) : [])];
  }
  places = places.slice(0, placeLimit);
  return [...places, ...establishments].slice(0, limit);
}

/** The groups in their order, first with only their places with data, then with the others. */
function withDataFirst(groups: RankedResult[][]): SearchResult[] {
  const pick = (hasData: boolean) => groups.flatMap((group) => group.filter((entry) => entry.hasData === hasData).map((entry) => entry.result));
  return [...pick(true), ...pick(false)];
}
