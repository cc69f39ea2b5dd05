import "server-only";
/**
 * Address suggestions. The database finds the candidates — every term present, in any order —
 * through its own index (FTS5 on SQLite, trigrams on PostgreSQL, see the address_search
 * migrations; never an in-memory index of the country); this module ranks them: right number
 * and suffix first, then the words typed as such rather than through a typo, then the street
 * named exactly.
 */
import { db, provider } from "@/lib/db/client";
import { CANDIDATES, type AddressCandidate } from "@/lib/search/address-candidates";
import { canonicalSuffix } from "@/lib/search/address-key";
import { mayFillLimit, postgresCandidates, prefixCandidates } from "@/lib/search/addresses-postgres";
import { sqliteCandidates } from "@/lib/search/addresses-sqlite";
import type { AddressQuery, AddressTerm } from "@/lib/search/query";
import { proximityBonus } from "@/lib/search/geo";
import { streetPrefix } from "@/lib/search/street-prefix";
import type { AddressSearchResult, SearchFilters } from "@/lib/search/types";
import { formatAddressLabel } from "@/lib/text/address-label";
import { SMALL_WORDS, expandStreetWords } from "@/lib/text/street";

export async function searchAddresses(query: AddressQuery, limit: number, filters: SearchFilters = {}): Promise<AddressSearchResult[]> {
  if (query.terms.length === 0) return [];
  return rankAddresses(query, await addressCandidates(query, filters), filters.near).slice(0, limit).map(toResult);
}

/**
 * What the database hands the ranking: the full-text index's matches; on PostgreSQL, first the
 * street typed from its start when it fills the limit (street-prefix.ts: its GIN index cannot stop
 * at the limit, SQLite's FTS5 can), tried only when the query may match that many.
 */
export async function addressCandidates(query: AddressQuery, filters: SearchFilters = {}): Promise<AddressCandidate[]> {
  if (provider === "sqlite") return sqliteCandidates(db, query, filters);
  const prefix = filters.citycode || filters.postcode ? null : streetPrefix(query);
  if (prefix && (await mayFillLimit(db, query))) {
    const typed = await prefixCandidates(db, prefix);
    if (typed.length === CANDIDATES) return typed;
  }
  return postgresCandidates(db, query, filters);
}

/** Best first; exported for the unit tests of the ranking. */
export function rankAddresses(query: AddressQuery, candidates: readonly AddressCandidate[], near?: SearchFilters["near"]): AddressCandidate[] {
  const streetWords = new Map<string, string[]>();
  const wordsOf = (street: string) => {
    let words = streetWords.get(street);
    if (!words) streetWords.set(street, (words = expandStreetWords(street).filter((word) => !SMALL_WORDS.has(word))));
    return words;
  };
  return candidates
    .map((candidate) => ({ candidate, score: score(query, candidate, wordsOf(candidate.street)) + proximityBonus(near, candidate) }))
    .sort(
      (a, b) =>
        b.score - a.score ||
        a.candidate.searchKey.length - b.candidate.searchKey.length ||
        (a.candidate.number ?? 0) - (b.candidate.number ?? 0) ||
        a.candidate.id.localeCompare(b.candidate.id),
    )
    .map((entry) => entry.candidate);
}

function termMatches(term: AddressTerm, words: readonly string[]): boolean {
  const spelled = [term.word, ...term.expansions];
  return spelled.some((form) =>
    form.includes(" ")
      ? ` ${words.join(" ")} `.includes(` ${form} `)
      : words.some((word) => word === form || (term.prefix && word.startsWith(form))),
  );
}

function score(query: AddressQuery, candidate: AddressCandidate, streetWords: readonly string[]): number {
  let points = 0;
  if (query.number !== null && candidate.number === query.number) {
    points += 100;
    const suffix = candidate.suffix ? canonicalSuffix(candidate.suffix) : null;
    if (suffix === query.suffix) points += 50;
  }
  const words = candidate.searchKey.split(" ");
  // Typed as such, not reached through a typo.
  for (const term of query.terms) if (termMatches(term, words)) points += 10;
  // The street named in full: "rue de la paix" before "rue de la paix prolongée".
  if (streetWords.every((word) => query.terms.some((term) => termMatches(term, [word])))) points += 20;
  if (query.postcode !== null && candidate.postcode === query.postcode) points += 5;
  return points;
}

function toResult(candidate: AddressCandidate): AddressSearchResult {
  return {
    type: "address",
    id: candidate.id,
    label: formatAddressLabel(candidate),
    inseeCode: candidate.inseeCode,
    lat: candidate.lat,
    lon: candidate.lon,
    url: `/adresse/${encodeURIComponent(candidate.id)}`,
  };
}
