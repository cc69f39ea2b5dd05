import "server-only";
/**
 * PostgreSQL candidates: a full-text query on "searchKey" (every term a whole word, the last one
 * a word start, an abbreviation or its spelled-out form), served by the 'simple' full-text GIN
 * index (address_fulltext migration). When that finds nothing, each long word no address
 * contains may also be one of the indexed words within its typo budget (typos.ts). Common words
 * are checked on the key rather than matched when a selective word remains (common-words.ts).
 */
import type { Db } from "@/lib/db/client";
import { addressFilterSql, CANDIDATE_COLUMNS, CANDIDATES, type AddressCandidate } from "@/lib/search/address-candidates";
import { keyCheckSql, splitTerms } from "@/lib/search/common-words";
import type { AddressQuery, AddressTerm } from "@/lib/search/query";
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

function candidates(db: Db, query: AddressQuery, alternatives: ReadonlyMap<AddressTerm, string[]>, filters: SearchFilters): Promise<AddressCandidate[]> {
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
