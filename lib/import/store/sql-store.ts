/**
 * The importers' connection: plain SQL on the raw driver, in one transaction, because bulk loads
 * through the ORM run at a tenth of the speed (see npm run bench:import). SQL is written once with
 * `?` placeholders and quoted identifiers, valid on both SQLite and PostgreSQL (INSERT … ON
 * CONFLICT works on both); what differs — placeholders, dates, booleans, batch sizes — lives in
 * the two implementations.
 */
import { databaseProvider, type DatabaseProvider } from "@/lib/db/provider";

export type SqlValue = string | number | boolean | Date | null;

/** Why a statement sent after its import's transaction has ended is refused (a bug, never run on its own). */
export const OUTSIDE_TRANSACTION = "SQL statement outside the import transaction";

/**
 * The one transaction of an import, as both stores run it: committed when `work` resolves, rolled
 * back when it throws. Once either has begun, statements are refused (`refusal()`), so a batch sent
 * without being awaited can never run on its own after the end.
 */
export class ImportTransaction {
  private isOpen = false;

  constructor(private readonly steps: { begin(): Promise<unknown>; commit(): Promise<unknown>; rollback(): Promise<unknown> }) {}

  /** Why a statement may not run now, or null inside the transaction. */
  refusal(): Error | null {
    return this.isOpen ? null : new Error(OUTSIDE_TRANSACTION);
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    await this.steps.begin();
    this.isOpen = true;
    let result: T;
    try {
      result = await work();
    } catch (error) {
      this.isOpen = false;
      await this.steps.rollback().catch(() => undefined);
      throw error;
    }
    this.isOpen = false;
    try {
      await this.steps.commit();
    } catch (error) {
      await this.steps.rollback().catch(() => undefined);
      throw error;
    }
    return result;
  }
}

/** Statements run in the order they are called, whether or not the caller waited for the ones before. */
export interface SqlStore {
  readonly provider: DatabaseProvider;
  /** Rows of a SELECT. */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /**
   * Rows of a SELECT over data the import does not write (the addresses a building import matches
   * against): where the store can, read by a connection of its own, not queued behind the writes —
   * which then does not see the import's own writes (SQLite). Only for data the import leaves alone.
   */
  allCommitted<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** Runs a statement; returns the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** INSERT of many rows; `conflict` is an optional `ON CONFLICT …` clause. */
  insertRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], conflict?: string): Promise<void>;
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

/** The INSERT statement for `rowCount` rows. */
export function insertSql(table: string, columns: readonly string[], rowCount: number, conflict = ""): string {
  const columnList = columns.map((column) => `"${column}"`).join(", ");
  const rowPlaceholders = placeholders(columns.length);
  return `INSERT INTO "${table}" (${columnList}) VALUES ${Array.from({ length: rowCount }, () => rowPlaceholders).join(", ")} ${conflict}`;
}

export function insertRows(
  store: SqlStore,
  table: string,
  columns: readonly string[],
  rows: readonly (readonly SqlValue[])[],
  conflict = "",
): Promise<void> {
  return rows.length === 0 ? Promise.resolve() : store.insertRows(table, columns, rows, conflict);
}

/** A statement over any number of keys, in chunks sent at once: `sql` gets the "(?, ?…)" list; `leading` params come first. */
function inChunks<R>(
  keys: readonly SqlValue[],
  leading: readonly SqlValue[],
  sql: (inList: string) => string,
  execute: (sql: string, params: SqlValue[]) => Promise<R>,
): Promise<R[]> {
  const sent: Promise<R>[] = [];
  const size = 5_000;
  for (let start = 0; start < keys.length; start += size) {
    const chunk = keys.slice(start, start + size);
    sent.push(execute(sql(placeholders(chunk.length)), [...leading, ...chunk]));
  }
  return Promise.all(sent);
}

/**
 * An UPDATE giving each row its own values, in chunks: `UPDATE "table" SET <set> FROM (VALUES (?, ?…),
 * …) AS v WHERE <where>`, where `set` and `where` name the values v.column1, v.column2… (both databases
 * name a VALUES list's columns so). `leading` params, used in `set`, come first. PostgreSQL binds the
 * values as text: assign and compare them to text columns only. Returns the rows changed.
 */
export async function updateFromValues(
  store: SqlStore,
  table: string,
  set: string,
  where: string,
  rows: readonly (readonly SqlValue[])[],
  leading: readonly SqlValue[] = [],
): Promise<number> {
  if (rows.length === 0) return 0;
  const width = rows[0]!.length;
  const size = rowsPerStatement(width + leading.length);
  const sent: Promise<number>[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    const values = Array.from({ length: chunk.length }, () => placeholders(width)).join(", ");
    sent.push(store.run(`UPDATE "${table}" SET ${set} FROM (VALUES ${values}) AS v WHERE ${where}`, [...leading, ...chunk.flat()]));
  }
  return (await Promise.all(sent)).reduce((sum, n) => sum + n, 0);
}

/**
 * Writes sent without waiting for each (the store runs statements in call order), so that the
 * next lines are prepared meanwhile; `done()` waits for them all and throws the first failure.
 */
export class SentWrites {
  private readonly sent: Promise<unknown>[] = [];

  add(write: Promise<unknown>): void {
    // Observed by done(); not an unhandled rejection if the caller fails before it gets there.
    write.catch(() => undefined);
    this.sent.push(write);
  }

  async done(): Promise<void> {
    await Promise.all(this.sent);
  }
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
