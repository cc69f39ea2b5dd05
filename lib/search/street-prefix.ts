/**
 * The quick answer to an address typed from its start ("7 impasse du ru", "12 av de la r") on
 * PostgreSQL: the addresses of that number whose street key begins with the words typed, read in
 * order from the B-tree index on ("number", "streetKey") (address_street_prefix migration) and
 * stopped at the LIMIT.
 *
 * A query of frequent words ("7", "impasse", a two-letter "ru") matches tens of thousands of
 * addresses at national size, and PostgreSQL's GIN index builds that whole set before the first row
 * (addresses-postgres.ts); the B-tree range holds only the rows wanted, in order. (SQLite's FTS5
 * walks its lists in order and stops at the LIMIT: measured, the index did not pay for itself there.)
 * Every row of the range matches every term the way the full-text query does: the street key holds
 * the street's words with abbreviations spelled out and small words dropped, as the query's terms
 * are, each word a whole word up to the last, which is a word start while it is being typed. So
 * the range is a subset of the full-text matches: when it fills the LIMIT it is as good an answer
 * as any other LIMIT of them (which ones the full-text index returns is not defined either);
 * when it does not, the caller asks the full-text index, which finds these and the rest
 * (a suffix typed, words in another order, the commune or locality named).
 */
import type { AddressQuery } from "@/lib/search/query";
import { streetKey } from "@/lib/text/street";

export interface StreetPrefix {
  number: number;
  /** The street key's range, in binary order: from ≤ "streetKey" < to. */
  from: string;
  to: string;
}

/**
 * The range of the query, or null when it has none: no number, a postcode (the range would ignore
 * it) or no words; or a last word being typed whose abbreviation does not begin with it ("bd"
 * for "boulevard": the range holds one spelling only).
 */
export function streetPrefix(query: AddressQuery): StreetPrefix | null {
  const last = query.terms.at(-1);
  if (query.number === null || query.postcode !== null || !last) return null;
  if (last.prefix && last.expansions.some((expansion) => !expansion.startsWith(last.word))) return null;
  // Whole words in the key's own spelling (streetKey: "zac" → "zone amenagement concerte"); a word
  // being typed as typed.
  const words = query.terms.map((term) => (term === last && term.prefix ? term.word : streetKey(term.word)));
  const key = words.join(" ");
  // Keys hold only [a-z0-9] words and single spaces: "{" sorts after every letter (any
  // continuation of a word start), "!" right after the space (the whole word, or more words).
  return { number: query.number, from: key, to: `${key}${last.prefix ? "{" : "!"}` };
}
