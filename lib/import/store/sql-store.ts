/**
 * The importers' connection: plain SQL on the raw driver, in one transaction, because bulk loads
 * through the ORM run at a tenth of the speed (see npm run bench:import). SQL is written once with
 * `?` placeholders and quoted identifiers, valid on both SQLite and PostgreSQL (INSERT … ON
 * CONFLICT works on both); what differs — placeholders, dates, booleans, batch sizes — lives in
 * the two implementations.
 */
import { databaseProvider, type DatabaseProvider } from "@/lib/db/provider";

export type SqlValue = string | number | boolean | Date | null;

export interface SqlStore {
  readonly provider: DatabaseProvider;
  /** Rows of a SELECT. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs `work` in a transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export async function openSqlStore(url: string): Promise<SqlStore> {
  if (databaseProvider(url) === "sqlite") {
    const { SqliteStore } = await import("@/lib/import/store/sqlite-store");
    return new SqliteStore(url);
  }
  const { PostgresStore } = await import("@/lib/import/store/postgres-store");
  return PostgresStore.connect(url);
}

/** "(?, ?, ?)" for an IN list of n values. */
export function placeholders(count: number): string {
  return `(${Array.from({ length: count }, () => "?").join(", ")})`;
}

/** How many rows of `columns` values fit in one statement (both drivers take at least 32,766 parameters). */
export function rowsPerStatement(columns: number): number {
  return Math.max(1, Math.floor(30_000 / columns));
}

/**
 * INSERT of many rows in as few statements as the parameter limit allows. `conflict` is an
 * optional `ON CONFLICT …` clause.
 */
export async function insertRows(
  store: SqlStore,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  conflict = "",
): Promise<void> {
  const perStatement = rowsPerStatement(columns.length);
  const columnList = columns.map((column) => `"${column}"`).join(", ");
  const rowPlaceholders = placeholders(columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values = chunk.map(() => rowPlaceholders).join(", ");
    await store.run(`INSERT INTO "${table}" (${columnList}) VALUES ${values} ${conflict}`, chunk.flat());
  }
}

/** A statement over any number of keys, in chunks: `sql` gets the "(?, ?…)" list; `leading` params come first. */
async function inChunks<R>(
  keys: readonly SqlValue[],
  leading: readonly SqlValue[],
  sql: (inList: string) => string,
  execute: (sql: string, params: SqlValue[]) => Promise<R>,
): Promise<R[]> {
  const out: R[] = [];
  const size = 5_000;
  for (let start = 0; start < keys.length; start += size) {
    const chunk = keys.slice(start, start + size);
    out.push(await execute(sql(placeholders(chunk.length)), [...leading, ...chunk]));
  }
  return out;
}

/** SELECT … WHERE column IN (…) over any number of keys. */
export async function selectIn<T>(
  store: SqlStore,
  sql: (inList: string) => string,
  keys: readonly SqlValue[],
  leading: readonly SqlValue[] = [],
): Promise<T[]> {
  return (await inChunks(keys, leading, sql, (text, params) => store.all<T>(text, params))).flat();
}

/** UPDATE/DELETE … WHERE column IN (…) over any number of keys; returns the rows changed. */
export async function runIn(
  store: SqlStore,
  sql: (inList: string) => string,
  keys: readonly SqlValue[],
  leading: readonly SqlValue[] = [],
): Promise<number> {
  const changed = await inChunks(keys, leading, sql, (text, params) => store.run(text, params));
  return changed.reduce((sum, n) => sum + n, 0);
}
