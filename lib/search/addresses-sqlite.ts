import "server-only";
/**
 * SQLite candidates: an FTS5 MATCH over "AddressSearch" (every term, in any order, the last one
 * as a prefix). When that finds nothing, a long word absent from the index is replaced by the
 * indexed words within one or two typos of it, found in the index's word list
 * ("AddressSearchWords", see the commune_search migration).
 */
import { distance } from "fastest-levenshtein";
import type { Db } from "@/lib/db/client";
import { CANDIDATE_COLUMNS, CANDIDATES, type AddressCandidate } from "@/lib/search/address-candidates";
import type { AddressQuery, AddressTerm } from "@/lib/search/query";
import { typoBudget, TYPO_ALTERNATIVES } from "@/lib/search/typos";

const quote = (word: string) => `"${word}"`;

export async function sqliteCandidates(db: Db, query: AddressQuery): Promise<AddressCandidate[]> {
  const exact = await candidates(db, query, false);
  if (exact.length > 0 || !query.terms.some((term) => term.expansions.length === 0 && typoBudget(term.word) > 0)) return exact;
  return candidates(db, query, true);
}

async function candidates(db: Db, query: AddressQuery, tolerateTypos: boolean): Promise<AddressCandidate[]> {
  const clauses: string[] = [];
  if (query.number !== null) clauses.push(quote(String(query.number)));
  if (query.postcode !== null) clauses.push(quote(query.postcode));
  for (const term of query.terms) clauses.push(await termClause(db, term, tolerateTypos));
  const match = clauses.join(" AND ");
  return db.$queryRawUnsafe<AddressCandidate[]>(
    `SELECT ${CANDIDATE_COLUMNS.split(", ").map((column) => `a.${column}`).join(", ")}
       FROM "AddressSearch" s JOIN "Address" a ON a.rowid = s.rowid
      WHERE "AddressSearch" MATCH ? LIMIT ${CANDIDATES}`,
    match,
  );
}

async function termClause(db: Db, term: AddressTerm, tolerateTypos: boolean): Promise<string> {
  const forms = [term.prefix ? `${quote(term.word)}*` : quote(term.word), ...term.expansions.map(quote)];
  if (tolerateTypos && term.expansions.length === 0 && typoBudget(term.word) > 0 && !(await isIndexed(db, term))) {
    forms.push(...(await closeTerms(db, term)).map(quote));
  }
  return forms.length === 1 ? forms[0]! : `(${forms.join(" OR ")})`;
}

async function isIndexed(db: Db, term: AddressTerm): Promise<boolean> {
  const rows = term.prefix
    ? await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "AddressSearchWords" WHERE "word" >= ? AND "word" < ? LIMIT 1`, term.word, `${term.word}{`)
    : await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "AddressSearchWords" WHERE "word" = ?`, term.word);
  return rows.length > 0;
}

/**
 * Indexed words within the typo budget of the term, closest first: among those sharing its first
 * two letters, else (a typo in the second letter) its first letter.
 */
async function closeTerms(db: Db, term: AddressTerm): Promise<string[]> {
  const sameStart = await closeTermsStartingWith(db, term, term.word.slice(0, 2));
  return sameStart.length > 0 ? sameStart : closeTermsStartingWith(db, term, term.word.slice(0, 1));
}

async function closeTermsStartingWith(db: Db, term: AddressTerm, start: string): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ term: string }[]>(
    `SELECT "word" AS term FROM "AddressSearchWords" WHERE "word" >= ? AND "word" < ?`,
    start,
    `${start}{`,
  );
  const budget = typoBudget(term.word);
  return rows
    .filter((row) => Math.abs(row.term.length - term.word.length) <= budget || term.prefix)
    .map((row) => {
      const compared = term.prefix ? row.term.slice(0, term.word.length) : row.term;
      return { term: row.term, distance: distance(term.word, compared) };
    })
    .filter((row) => row.distance <= budget)
    .sort((a, b) => a.distance - b.distance || a.term.localeCompare(b.term))
    .slice(0, TYPO_ALTERNATIVES)
    .map((row) => row.term);
}
