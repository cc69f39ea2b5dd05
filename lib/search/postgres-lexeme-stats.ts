import "server-only";
/**
 * How often the words of the address index occur, read from PostgreSQL's own statistics: ANALYZE
 * keeps, for the full-text index's expression, the ~1,000 most common lexemes with the share of
 * addresses holding each (pg_stats.most_common_elems). The search uses them to see when a query
 * matches so many addresses that reading the table in order finds its candidates sooner than the
 * index (addresses-postgres.ts). Read once per process and again every ten minutes; null until
 * the table has been analysed.
 */
import type { Db } from "@/lib/db/client";

export interface LexemeStats {
  /** Share of addresses holding each common lexeme. */
  frequencies: ReadonlyMap<string, number>;
  /** The least frequency listed: any lexeme not listed is rarer. */
  floor: number;
  /** Addresses per table block, for a scan bounded in blocks. */
  rowsPerBlock: number;
  /** Addresses in the table, as of the last ANALYZE or VACUUM. */
  rows: number;
}

const REFRESH_MS = 10 * 60_000;

let cached: { at: number; stats: Promise<LexemeStats | null> } | null = null;

export function lexemeStats(db: Db): Promise<LexemeStats | null> {
  if (!cached || Date.now() - cached.at > REFRESH_MS) cached = { at: Date.now(), stats: readStats(db) };
  return cached.stats;
}

async function readStats(db: Db): Promise<LexemeStats | null> {
  try {
    const [row] = await db.$queryRawUnsafe<{ elems: string[] | null; freqs: number[] | null; reltuples: number; relpages: number }[]>(
      `SELECT s.most_common_elems::text::text[] AS "elems", s.most_common_elem_freqs AS "freqs", c.reltuples::float8 AS "reltuples", c.relpages AS "relpages"
         FROM pg_class c
         LEFT JOIN pg_stats s ON s.schemaname = current_schema() AND s.tablename = 'Address_searchKey_fts_idx'
        WHERE c.relname = 'Address' AND c.relnamespace = current_schema()::regnamespace`,
    );
    if (!row?.elems || !row.freqs || row.relpages <= 0 || row.reltuples <= 0) return null;
    // After the lexemes' frequencies come the least and greatest of them, then the share of empty rows.
    const frequencies = new Map(row.elems.map((lexeme, index) => [lexeme, Number(row.freqs![index])]));
    return { frequencies, floor: Number(row.freqs[row.elems.length]), rowsPerBlock: row.reltuples / row.relpages, rows: row.reltuples };
  } catch {
    // Statistics only choose between two plans giving the same rows: without them, the index.
    return null;
  }
}

/** Forgets the statistics read (tests that analyse a table they just filled). */
export function forgetLexemeStats(): void {
  cached = null;
}
