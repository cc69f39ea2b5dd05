import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { sqliteFilePath } from "@/lib/db/provider";
import { insertSql, type SqlStore, type SqlValue } from "@/lib/import/store/sql-store";

/** Dates as Prisma's SQLite adapter writes them, so the app reads them back unchanged. */
function encode(value: SqlValue): string | number | null {
  if (value instanceof Date) return encodeDate(value);
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

/** An import writes the same few dates (its start, the file's date) on every row: memoised, bounded. */
const encodedDates = new Map<number, string>();
function encodeDate(date: Date): string {
  const time = date.getTime();
  let encoded = encodedDates.get(time);
  if (encoded === undefined) {
    encoded = date.toISOString().replace("Z", "+00:00");
    if (encodedDates.size >= 1_000) encodedDates.clear();
    encodedDates.set(time, encoded);
  }
  return encoded;
}

export class SqliteStore implements SqlStore {
  readonly provider = "sqlite" as const;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();

  constructor(url: string) {
    const file = sqliteFilePath(url);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: 30_000 });
    this.db.pragma("journal_mode = WAL");
    this.db.pragma("foreign_keys = ON");
    // Bulk loads: a bigger page cache, temporary B-trees in memory.
    this.db.pragma("cache_size = -65536");
    this.db.pragma("temp_store = MEMORY");
  }

  private prepare(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      if (this.statements.size > 200) this.statements.clear();
      this.statements.set(sql, statement);
    }
    return statement;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.prepare(sql).all(...params.map(encode)) as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.prepare(sql).run(...params.map(encode)).changes;
  }

  /** One prepared single-row statement run per row: the fastest way into SQLite. */
  async insertRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], conflict = ""): Promise<void> {
    const statement = this.prepare(insertSql(table, columns, 1, conflict));
    for (const row of rows) {
      const values = new Array<string | number | null>(row.length);
      for (let index = 0; index < row.length; index++) values[index] = encode(row[index]!);
      statement.run(values);
    }
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    this.db.exec("BEGIN IMMEDIATE");
    try {
      const result = await work();
      this.db.exec("COMMIT");
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec("ROLLBACK");
      throw error;
    }
  }

  async close(): Promise<void> {
    this.statements.clear();
    this.db.close();
  }
}
