import "server-only";
/**
 * PostgreSQL candidates: a full-text query on "searchKey" (every term a whole word, the last one
 * a word start, abbreviations or their spelled-out form), served by the 'simple' full-text GIN
 * index. When that finds nothing, the long words no address contains may match a word like them
 * through trigram word similarity (`<%`, the pg_trgm index): one or two typos.
 */
import type { Db } from "@/lib/db/client";
import { CANDIDATE_COLUMNS, CANDIDATES, type AddressCandidate } from "@/lib/search/address-candidates";
import type { AddressQuery, AddressTerm } from "@/lib/search/query";
import { typoBudget } from "@/lib/search/typos";

/** pg_trgm's default (0.6) misses two typos in a ten-letter word ("rpublikue": 0.31). */
const WORD_SIMILARITY_THRESHOLD = 0.3;
const DOCUMENT = `to_tsvector('simple', "searchKey")`;

const canBeMistyped = (term: AddressTerm) => term.expansions.length === 0 && typoBudget(term.word) > 0;

/** The words are normalised ([a-z0-9] only): quoting them is enough to keep tsquery syntax out. */
function lexeme(word: string, isPrefix = false): string {
  return `'${word}'${isPrefix ? ":*" : ""}`;
}

function termQuery(term: AddressTerm): string {
  const forms = [lexeme(term.word, term.prefix), ...term.expansions.map((expansion) => expansion.split(" ").map((word) => lexeme(word)).join(" <-> "))];
  return forms.length === 1 ? forms[0]! : `(${forms.map((form) => `(${form})`).join(" | ")})`;
}

export async function postgresCandidates(db: Db, query: AddressQuery): Promise<AddressCandidate[]> {
  const required = [
    ...(query.number !== null ? [lexeme(String(query.number))] : []),
    ...(query.postcode !== null ? [lexeme(query.postcode)] : []),
  ];
  const exact = await db.$queryRawUnsafe<AddressCandidate[]>(
    `SELECT ${CANDIDATE_COLUMNS} FROM "Address" WHERE ${DOCUMENT} @@ to_tsquery('simple', $1) LIMIT ${CANDIDATES}`,
    [...required, ...query.terms.map(termQuery)].join(" & "),
  );
  if (exact.length > 0) return exact;
  // Only the words no address contains can be typos.
  const unknown = new Set<AddressTerm>();
  for (const term of query.terms.filter(canBeMistyped)) {
    const found = await db.$queryRawUnsafe<unknown[]>(
      `SELECT 1 FROM "Address" WHERE ${DOCUMENT} @@ to_tsquery('simple', $1) LIMIT 1`,
      lexeme(term.word, term.prefix),
    );
      if (found.length === 0) unknown.add(term);
  }
  if (unknown.size === 0) return exact;

  // Each of them becomes "this word, or a word like it" (trigram similarity).
  const params: string[] = [];
  const param = (value: string) => {
    params.push(value);
    return `$${params.length}`;
  };
  const fixed = [...required, ...query.terms.filter((term) => !unknown.has(term)).map(termQuery)];
  const conditions = fixed.length > 0 ? [`${DOCUMENT} @@ to_tsquery('simple', ${param(fixed.join(" & "))})`] : [];
  for (const term of unknown) {
    conditions.push(`(${DOCUMENT} @@ to_tsquery('simple', ${param(lexeme(term.word, term.prefix))}) OR ${param(term.word)} <% "searchKey")`);
  }
  const sql = `SELECT ${CANDIDATE_COLUMNS} FROM "Address" WHERE ${conditions.join(" AND ")} LIMIT ${CANDIDATES}`;
  return db.$transaction(async (transaction) => {
    await transaction.$executeRawUnsafe(`SET LOCAL pg_trgm.word_similarity_threshold = ${WORD_SIMILARITY_THRESHOLD}`);
    return transaction.$queryRawUnsafe<AddressCandidate[]>(sql, ...params);
  });
}
