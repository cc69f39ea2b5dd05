import "server-only";
/**
 * SQLite candidates: an FTS5 MATCH over "AddressSearch" (every term, in any order, the last one
 * as a prefix, an abbreviation or its spelled-out form). When that finds nothing, each long word
 * no address contains may also be one of the indexed words within its typo budget (typos.ts).
 * Common words are checked on the key rather than matched when a selective word remains
 * (common-words.ts).
 */
import type { Db } from "@/lib/db/client";
import { addressFilterSql, CANDIDATE_COLUMNS, CANDIDATES, type AddressCandidate } from "@/lib/search/address-candidates";
import { keyCheckSql, splitTerms } from "@/lib/search/common-words";
import type { AddressQuery, AddressTerm } from "@/lib/search/query";
import type { SearchFilters } from "@/lib/search/types";
import { typoAlternatives } from "@/lib/search/typos";

const quote = (word: string) => `"${word}"`;

export async function sqliteCandidates(db: Db, query: AddressQuery, filters: SearchFilters = {}): Promise<AddressCandidate[]> {
  const exact = await candidates(db, query, new Map(), filters);
  if (exact.length > 0) return exact;
  const alternatives = await typoAlternatives(query);
  return alternatives.size > 0 ? candidates(db, query, alternatives, filters) : exact;
}

function candidates(db: Db, query: AddressQuery, alternatives: ReadonlyMap<AddressTerm, string[]>, filters: SearchFilters): Promise<AddressCandidate[]> {
  const clauses: string[] = [];
  if (query.number !== null) clauses.push(quote(String(query.number)));
  if (query.postcode !== null) clauses.push(quote(query.postcode));
  const { matched, checked } = splitTerms(query.terms);
  for (const term of matched) {
    const forms = [term.prefix ? `${quote(term.word)}*` : quote(term.word), ...term.expansions.map(quote), ...(alternatives.get(term) ?? []).map(quote)];
    clauses.push(forms.length === 1 ? forms[0]! : `(${forms.join(" OR ")})`);
  }
  const keys = keyCheckSql(checked, alternatives, () => "?");
  const filter = addressFilterSql(filters);
  return db.$queryRawUnsafe<AddressCandidate[]>(
    `SELECT ${CANDIDATE_COLUMNS.split(", ").map((column) => `a.${column}`).join(", ")}
       FROM "AddressSearch" s JOIN "Address" a ON a.rowid = s.rowid
      WHERE "AddressSearch" MATCH ?${keys.sql}${filter.sql} LIMIT ${CANDIDATES}`,
    clauses.join(" AND "),
    ...keys.params,
    ...filter.params,
  );
}
