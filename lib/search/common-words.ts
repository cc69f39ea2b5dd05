/**
 * Words too common to find addresses by at national size. A database answers an AND of words by
 * walking each word's list of addresses, whatever the LIMIT, and some lists hold millions: at 26 M
 * addresses "rue" is in 12.4 M, "chemin" 4.4 M, "saint" 4.2 M, a one-letter prefix "r" in 16.8 M.
 * When a query also has a selective word, the database matches the selective words only and checks
 * the common ones on the candidates' search key: the key holds only [a-z0-9] words separated by
 * single spaces — exactly the words both indexes see — so the rows are the same (README, « National
 * benchmark »).
 */
import type { AddressTerm } from "@/lib/search/query";

/** Words in more than ~1.5 % of French addresses (counted on 26 M generated BAN-like ones: "rue" 48 %, "impasse" 1.6 %). */
const COMMON_WORDS: ReadonlySet<string> = new Set([
  "rue", "chemin", "route", "allee", "avenue", "boulevard", "impasse", "lotissement",
  "saint", "sainte", "les", "paris", "arrondissement",
]);

/** A word being typed this short matches most addresses ("r": 16.8 M of 26 M). */
const SHORT_PREFIX = 2;

export function isCommonTerm(term: AddressTerm): boolean {
  if (term.prefix && term.word.length <= SHORT_PREFIX) return true;
  return COMMON_WORDS.has(term.word) || term.expansions.some((expansion) => COMMON_WORDS.has(expansion));
}

/** The terms the index matches, and those checked on the key (none unless a selective term remains). */
export function splitTerms(terms: readonly AddressTerm[]): { matched: AddressTerm[]; checked: AddressTerm[] } {
  if (!terms.some((term) => !isCommonTerm(term))) return { matched: [...terms], checked: [] };
  return { matched: terms.filter((term) => !isCommonTerm(term)), checked: terms.filter(isCommonTerm) };
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (character) => `\\${character}`);

/**
 * The LIKE patterns of one checked term, for `(' ' || "searchKey" || ' ') LIKE ? ESCAPE '\'`
 * (any one matching): its whole words between spaces, its typed start after a space.
 */
export function keyPatterns(term: AddressTerm, alternatives: readonly string[]): string[] {
  const whole = [...(term.prefix ? [] : [term.word]), ...term.expansions, ...alternatives];
  return [...whole.map((word) => `% ${likeEscape(word)} %`), ...(term.prefix ? [`% ${likeEscape(term.word)}%`] : [])];
}

/**
 * The SQL that checks the `checked` terms on `a."searchKey"` (` AND (… LIKE … OR …)` per term) and
 * its parameters in order; `placeholder` gives each parameter's marker (`?` on SQLite, `$n` on
 * PostgreSQL).
 */
export function keyCheckSql(checked: readonly AddressTerm[], alternatives: ReadonlyMap<AddressTerm, string[]>, placeholder: () => string): { sql: string; params: string[] } {
  const patterns = checked.map((term) => keyPatterns(term, alternatives.get(term) ?? []));
  const sql = patterns.map((any) => ` AND (${any.map(() => `(' ' || a."searchKey" || ' ') LIKE ${placeholder()} ESCAPE '\\'`).join(" OR ")})`).join("");
  return { sql, params: patterns.flat() };
}
