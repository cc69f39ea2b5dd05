import "server-only";
/**
 * Typos, the same way on both databases: a word no address contains (or, for the word being
 * typed, that starts no word) may stand for the indexed words within its typo budget — found in
 * "AddressSearchWords", the list of the index's words the address imports keep up to date.
 */
import { distance } from "fastest-levenshtein";
import { rawSelect } from "@/lib/db/raw";
import type { AddressQuery, AddressTerm } from "@/lib/search/query";

/** How many typos a word may carry and still be recognised: none under 5 letters, 1 up to 7, then 2. */
export function typoBudget(word: string): number {
  if (/\d/.test(word) || word.length < 5) return 0;
  return word.length < 8 ? 1 : 2;
}

/** At most this many indexed words stand in for a mistyped one. */
export const TYPO_ALTERNATIVES = 8;

export const canBeMistyped = (term: AddressTerm): boolean => term.expansions.length === 0 && typoBudget(term.word) > 0;

/** For each long word of the query no address contains, the indexed words that may be meant. */
export async function typoAlternatives(query: AddressQuery): Promise<Map<AddressTerm, string[]>> {
  const alternatives = new Map<AddressTerm, string[]>();
  for (const term of query.terms.filter(canBeMistyped)) {
    if (!(await isKnownWord(term))) alternatives.set(term, await closeWords(term));
  }
  return alternatives;
}

/** Whether some address has this word (or, while it is typed, a word starting with it). */
export async function isKnownWord(term: AddressTerm): Promise<boolean> {
  const rows = term.prefix
    ? await rawSelect(`SELECT 1 AS "found" FROM "AddressSearchWords" WHERE "word" >= ? AND "word" < ? LIMIT 1`, [term.word, `${term.word}{`])
    : await rawSelect(`SELECT 1 AS "found" FROM "AddressSearchWords" WHERE "word" = ?`, [term.word]);
  return rows.length > 0;
}

/**
 * Indexed words within the typo budget of the term, closest first: among those sharing its first
 * two letters, else (a typo in the second letter) its first letter.
 */
export async function closeWords(term: AddressTerm): Promise<string[]> {
  const sameStart = await closeWordsStartingWith(term, term.word.slice(0, 2));
  return sameStart.length > 0 ? sameStart : closeWordsStartingWith(term, term.word.slice(0, 1));
}

async function closeWordsStartingWith(term: AddressTerm, start: string): Promise<string[]> {
  const rows = await rawSelect<{ word: string }>(`SELECT "word" FROM "AddressSearchWords" WHERE "word" >= ? AND "word" < ?`, [start, `${start}{`]);
  const budget = typoBudget(term.word);
  return rows
    .filter((row) => term.prefix || Math.abs(row.word.length - term.word.length) <= budget)
    .map((row) => ({ word: row.word, distance: distance(term.word, term.prefix ? row.word.slice(0, term.word.length) : row.word) }))
    .filter((row) => row.distance <= budget)
    .sort((a, b) => a.distance - b.distance || a.word.localeCompare(b.word))
    .slice(0, TYPO_ALTERNATIVES)
    .map((row) => row.word);
}
