import "server-only";
/**
 * PostgreSQL candidates: a full-text query on "searchKey" (every term a whole word, the last one
 * a word start, an abbreviation or its spelled-out form), served by the 'simple' full-text GIN
 * index (address_fulltext migration). When that finds nothing, each long word no address
 * contains may also be one of the indexed words within its typo budget (typos.ts). Common words
 * are checked on the key rather than matched when a selective word remains (common-words.ts).
 *
 * A GIN index cannot stop at the LIMIT: it builds the whole set of matches before the first row
 * is read. A query made only of frequent words ("20 rue p" while typing) matches tens of
 * thousands of addresses at national size, and that set costs 0.3–0.6 s to build. When the
 * planner's statistics say the query matches that many (postgres-lexeme-stats.ts), the first
 * blocks of the table are read in order instead, every word checked on the key, and the scan
 * stops at the LIMIT. The rows match the same words (the key holds exactly the index's tokens);
 * when more than the LIMIT match, which ones come back is no more defined than with the index,
 * whose bitmap PostgreSQL may read with parallel workers. The scan is bounded; when it finds fewer
 * than the LIMIT, the index answers.
 */
import type { Db } from "@/lib/db/client";
import { addressFilterSql, CANDIDATE_COLUMNS, CANDIDATES, type AddressCandidate } from "@/lib/search/address-candidates";
import { isCommonTerm, keyCheckSql, splitTerms } from "@/lib/search/common-words";
import { lexemeStats, type LexemeStats } from "@/lib/search/postgres-lexeme-stats";
import type { AddressQuery, AddressTerm } from "@/lib/search/query";
import type { StreetPrefix } from "@/lib/search/street-prefix";
import type { SearchFilters } from "@/lib/search/types";
import { typoAlternatives } from "@/lib/search/typos";

/** The words are normalised ([a-z0-9] only): quoting them is enough to keep tsquery syntax out. */
function lexeme(word: string, isPrefix = false): string {
  return `'${word}'${isPrefix ? ":*" : ""}`;
}

function termQuery(term: AddressTerm, alternatives: readonly string[]): string {
  const forms = [
    lexeme(term.word, term.prefix),
    ...term.expansions.map((expansion) => expansion.split(" ").map((word) => lexeme(word)).join(" <-> ")),
    ...alternatives.map((word) => lexeme(word)),
  ];
  return forms.length === 1 ? forms[0]! : `(${forms.map((form) => `(${form})`).join(" | ")})`;
}

export async function postgresCandidates(db: Db, query: AddressQuery, filters: SearchFilters = {}): Promise<AddressCandidate[]> {
  const exact = await candidates(db, query, new Map(), filters);
  if (exact.length > 0) return exact;
  const alternatives = await typoAlternatives(query);
  return alternatives.size > 0 ? candidates(db, query, alternatives, filters) : exact;
}

/** The street range on the "Address" row named `table`: $1 the number, $2 and $3 the key's bounds (StreetPrefix). */
export const streetRangeSql = (table: string) =>
  `${table}."number" = $1::int AND ${table}."streetKey" COLLATE "C" >= $2 AND ${table}."streetKey" COLLATE "C" < $3`;

/**
 * The addresses whose street key begins as typed (street-prefix.ts), in the C collation's order of
 * the index — none unless they fill the limit. They are counted first in the index alone (an
 * index-only scan: the heap's visibility map is set once the table has been vacuumed): a range that
 * falls short, which the full-text index then answers, costs a few index pages rather than a
 * scattered heap read of up to 99 rows (20–40 ms cold at 26 M addresses).
 */
export function prefixCandidates(db: Db, prefix: StreetPrefix): Promise<AddressCandidate[]> {
  return db.$queryRawUnsafe<AddressCandidate[]>(
    `SELECT ${CANDIDATE_COLUMNS} FROM "Address" a
      WHERE ${streetRangeSql("a")}
        AND (SELECT count(*) FROM (SELECT 1 FROM "Address" t WHERE ${streetRangeSql("t")} LIMIT ${CANDIDATES}) AS typed) = ${CANDIDATES}
      LIMIT ${CANDIDATES}`,
    prefix.number,
    prefix.from,
    prefix.to,
  );
}

/**
 * Whether the search's whole LIMIT may begin as typed: the street range (street-prefix.ts) holds
 * only matches of the query, so it can fill the LIMIT only when the query matches at least that
 * many addresses. By the statistics, its words taken as independent (which underestimates words
 * that go together, "victor hugo": the full-text index then answers, as it did before the range);
 * without statistics, it may.
 */
export async function mayFillLimit(db: Db, query: AddressQuery): Promise<boolean> {
  const stats = await lexemeStats(db);
  return stats === null || estimatedMatches(stats, termShares(stats, query, new Map())) >= CANDIDATES;
}

/** How many addresses the statistics say match a query whose words match these shares (termShares). */
export function estimatedMatches(stats: LexemeStats, shares: readonly { share: number }[]): number {
  return stats.rows * shares.reduce((product, { share }) => product * share, 1);
}

/** At most this many rows are read in order before the index answers instead (~80 ms). */
export const SCAN_ROWS = 300_000;

async function candidates(db: Db, query: AddressQuery, alternatives: ReadonlyMap<AddressTerm, string[]>, filters: SearchFilters): Promise<AddressCandidate[]> {
  const stats = filters.citycode || filters.postcode ? null : await lexemeStats(db);
  if (stats) {
    const shares = termShares(stats, query, alternatives);
    const matches = estimatedMatches(stats, shares);
    // Made only of common words (their frequency estimated low when words go together, "rue" and
    // "p" the start of hundreds of words), a query has no short list for the index either.
    const nothingRare =
      query.postcode === null && (query.number === null || stats.frequencies.has(String(query.number))) && query.terms.every(isCommonTerm);
    if (nothingRare || (CANDIDATES * stats.rows) / matches <= SCAN_ROWS / 2) {
      const rarestFirst = [...shares].sort((a, b) => a.share - b.share).map(({ term }) => term);
      const scanned = await scanCandidates(db, rarestFirst, alternatives, Math.ceil(SCAN_ROWS / stats.rowsPerBlock));
      if (scanned.length === CANDIDATES) return scanned;
    }
  }
  return indexCandidates(db, query, alternatives, filters);
}

/** Every word the query requires, the number and postcode included, as terms. */
export function requiredTerms(query: AddressQuery): AddressTerm[] {
  const whole = (lexeme: string): AddressTerm => ({ word: lexeme, expansions: [], prefix: false });
  return [...(query.number !== null ? [whole(String(query.number))] : []), ...(query.postcode !== null ? [whole(query.postcode)] : []), ...query.terms];
}

/**
 * The share of addresses each required word matches, from the statistics: a word start, the sum
 * of the listed words it starts; a word not listed, half the least listed share. Their product is
 * the query's share, the words taken as independent.
 */
export function termShares(stats: LexemeStats, query: AddressQuery, alternatives: ReadonlyMap<AddressTerm, string[]>): { term: AddressTerm; share: number }[] {
  const word = (lexeme: string) => stats.frequencies.get(lexeme) ?? stats.floor / 2;
  const start = (typed: string) => {
    let sum = 0;
    for (const [lexeme, frequency] of stats.frequencies) if (lexeme.startsWith(typed)) sum += frequency;
    return Math.max(sum, stats.floor / 2);
  };
  const phrase = (text: string) => Math.min(...text.split(" ").map(word));
  return requiredTerms(query).map((term) => {
    const forms = [...term.expansions, ...(alternatives.get(term) ?? [])].reduce((sum, form) => sum + phrase(form), 0);
    return { term, share: Math.min(1, (term.prefix ? start(term.word) : word(term.word)) + forms) };
  });
}

/** The first `blocks` blocks of the table read in order, each term checked on the key in the order given. */
export function scanCandidates(db: Db, terms: readonly AddressTerm[], alternatives: ReadonlyMap<AddressTerm, string[]>, blocks: number): Promise<AddressCandidate[]> {
  let index = 1;
  const keys = keyCheckSql(terms, alternatives, () => `$${++index}`);
  return db.$queryRawUnsafe<AddressCandidate[]>(
    `SELECT ${CANDIDATE_COLUMNS} FROM "Address" a WHERE a.ctid < $1::tid${keys.sql} LIMIT ${CANDIDATES}`,
    `(${blocks},0)`,
    ...keys.params,
  );
}

export function indexCandidates(db: Db, query: AddressQuery, alternatives: ReadonlyMap<AddressTerm, string[]>, filters: SearchFilters): Promise<AddressCandidate[]> {
  const required = [
    ...(query.number !== null ? [lexeme(String(query.number))] : []),
    ...(query.postcode !== null ? [lexeme(query.postcode)] : []),
  ];
  const { matched, checked } = splitTerms(query.terms);
  let index = 1;
  const keys = keyCheckSql(checked, alternatives, () => `$${++index}`);
  const filter = addressFilterSql(filters);
  return db.$queryRawUnsafe<AddressCandidate[]>(
    `SELECT ${CANDIDATE_COLUMNS} FROM "Address" a WHERE to_tsvector('simple', "searchKey") @@ to_tsquery('simple', $1)${keys.sql}${filter.sql.replace(/\?/g, () => `$${++index}`)} LIMIT ${CANDIDATES}`,
    [...required, ...matched.map((term) => termQuery(term, alternatives.get(term) ?? []))].join(" & "),
    ...keys.params,
    ...filter.params,
  );
}
