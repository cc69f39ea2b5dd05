import "server-only";
/**
 * SQLite candidates: an FTS5 MATCH over "AddressSearch" (every term, in any order, the last one
 * as a prefix, an abbreviation or its spelled-out form). When that finds nothing, each long word
 * no address contains may also be one of the indexed words within its typo budget (typos.ts).
 *
 * At national size an FTS5 AND costs what its longest word lists cost: "rue" is in 12 M of 26 M
 * addresses, a one-letter prefix in 17 M, and the merge walks them whatever the LIMIT. So when a
 * query has a selective word, only the selective words (with the number and postcode) go to the
 * MATCH, and the common words and one- or two-letter prefixes are checked on the candidates' search
 * key — the same words, since the key holds only [a-z0-9] words separated by single spaces, which
 * is how FTS5 tokenises it: same rows, same order, a fraction of the time (README, « National
 * benchmark »).
 */
import type { Db } from "@/lib/db/client";
import { addressFilterSql, CANDIDATE_COLUMNS, CANDIDATES, type AddressCandidate } from "@/lib/search/address-candidates";
import type { AddressQuery, AddressTerm } from "@/lib/search/query";
import type { SearchFilters } from "@/lib/search/types";
import { typoAlternatives } from "@/lib/search/typos";

const quote = (word: string) => `"${word}"`;

/** Words in more than ~1.5 % of French addresses (counted on 26 M generated BAN-like ones: "rue" 48 %, "chemin" 17 %, "saint" 16 %, "impasse" 1.6 %). */
const COMMON_WORDS: ReadonlySet<string> = new Set([
  "rue", "chemin", "route", "allee", "avenue", "boulevard", "impasse", "lotissement",
  "saint", "sainte", "les", "paris", "arrondissement",
]);
/** A typed prefix this short matches most addresses ("r" 17 M of 26 M). */
const SHORT_PREFIX = 2;

export async function sqliteCandidates(db: Db, query: AddressQuery, filters: SearchFilters = {}): Promise<AddressCandidate[]> {
  const exact = await candidates(db, query, new Map(), filters);
  if (exact.length > 0) return exact;
  const alternatives = await typoAlternatives(query);
  return alternatives.size > 0 ? candidates(db, query, alternatives, filters) : exact;
}

interface Forms {
  words: string[];
  prefix: string | null;
}

function formsOf(term: AddressTerm, alternatives: ReadonlyMap<AddressTerm, string[]>): Forms {
  const whole = [...term.expansions, ...(alternatives.get(term) ?? [])];
  return term.prefix ? { words: whole, prefix: term.word } : { words: [term.word, ...whole], prefix: null };
}

function isCommon(term: AddressTerm): boolean {
  if (term.prefix && term.word.length <= SHORT_PREFIX) return true;
  return COMMON_WORDS.has(term.word) || term.expansions.some((expansion) => COMMON_WORDS.has(expansion));
}

function matchClause({ words, prefix }: Forms): string {
  const forms = [...(prefix === null ? [] : [`${quote(prefix)}*`]), ...words.map(quote)];
  return forms.length === 1 ? forms[0]! : `(${forms.join(" OR ")})`;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/** The same test on the search key (' ' + key + ' '): a whole word between spaces, or a word's start. */
function keyClause({ words, prefix }: Forms): { sql: string; params: string[] } {
  const params = [...words.map((word) => `% ${likeEscape(word)} %`), ...(prefix === null ? [] : [`% ${likeEscape(prefix)}%`])];
  return { sql: `(${params.map(() => `(' ' || a."searchKey" || ' ') LIKE ? ESCAPE '\\'`).join(" OR ")})`, params };
}

function candidates(db: Db, query: AddressQuery, alternatives: ReadonlyMap<AddressTerm, string[]>, filters: SearchFilters): Promise<AddressCandidate[]> {
  const clauses: string[] = [];
  if (query.number !== null) clauses.push(quote(String(query.number)));
  if (query.postcode !== null) clauses.push(quote(query.postcode));
  const selective = query.terms.some((term) => !isCommon(term));
  const checked: { sql: string; params: string[] }[] = [];
  for (const term of query.terms) {
    const forms = formsOf(term, alternatives);
    if (selective && isCommon(term)) checked.push(keyClause(forms));
    else clauses.push(matchClause(forms));
  }
  const filter = addressFilterSql(filters);
  return db.$queryRawUnsafe<AddressCandidate[]>(
    `SELECT ${CANDIDATE_COLUMNS.split(", ").map((column) => `a.${column}`).join(", ")}
       FROM "AddressSearch" s JOIN "Address" a ON a.rowid = s.rowid
      WHERE "AddressSearch" MATCH ?${checked.map((clause) => ` AND ${clause.sql}`).join("")}${filter.sql} LIMIT ${CANDIDATES}`,
    clauses.join(" AND "),
    ...checked.flatMap((clause) => clause.params),
    ...filter.params,
  );
}
