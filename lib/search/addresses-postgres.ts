import "server-only";
/**
 * PostgreSQL candidates: each term a regular expression on whole words of "searchKey" (the last
 * one as a word start), served by the pg_trgm GIN index. When that finds nothing, the long words
 * may also match through trigram word similarity (`<%`, same index): one or two typos.
 */
import type { Db } from "@/lib/db/client";
import { CANDIDATE_COLUMNS, CANDIDATES, type AddressCandidate } from "@/lib/search/address-candidates";
import type { AddressQuery } from "@/lib/search/query";
import { typoBudget } from "@/lib/search/typos";

/** pg_trgm's default (0.6) misses two typos in a ten-letter word ("rpublikue": 0.31). */
const WORD_SIMILARITY_THRESHOLD = 0.3;

export async function postgresCandidates(db: Db, query: AddressQuery): Promise<AddressCandidate[]> {
  const exact = await db.$queryRawUnsafe<AddressCandidate[]>(...candidateQuery(query, false));
  if (exact.length > 0 || !query.terms.some((term) => term.expansions.length === 0 && typoBudget(term.word) > 0)) return exact;
  const [sql, ...params] = candidateQuery(query, true);
  return db.$transaction(async (transaction) => {
    await transaction.$executeRawUnsafe(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
    return transaction.$queryRawUnsafe<AddressCandidate[]>(sql, ...params);
  });
}

function candidateQuery(query: AddressQuery, tolerateTypos: boolean): [string, ...string[]] {
  const params: string[] = [];
  const param = (value: string) => {
    params.push(value);
    return `$${params.length}`;
  };
  const word = (text: string, isPrefix = false) => `"searchKey" ~ ${param(`(^| )${text}${isPrefix ? "" : "( |$)"}`)}`;

  const clauses: string[] = [];
  if (query.number !== null) clauses.push(word(String(query.number)));
  if (query.postcode !== null) clauses.push(word(query.postcode));
  for (const term of query.terms) {
    const forms = [word(term.word, term.prefix), ...term.expansions.map((expansion) => word(expansion))];
    if (tolerateTypos && term.expansions.length === 0 && typoBudget(term.word) > 0) forms.push(`${param(term.word)} <% "searchKey"`);
    clauses.push(forms.length === 1 ? forms[0]! : `(${forms.join(" OR ")})`);
  }
  return [`SELECT ${CANDIDATE_COLUMNS} FROM "Address" WHERE ${clauses.join(" AND ")} LIMIT ${CANDIDATES}`, ...params];
}
