import pg from "pg";
import { ImportTransaction, insertSql, rowsPerStatement, type SqlStore, type SqlValue } from "@/lib/import/store/sql-store";

/** `timestamp(3) without time zone` columns hold UTC: send ISO text without an offset. */
function encode(value: SqlValue): string | number | boolean | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "");
  return value;
}

/** `?` → `$1, $2…` (our SQL never has a `?` inside a literal). */
function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

export class PostgresStore implements SqlStore {
  readonly provider = "postgresql" as const;
  /** The last statement sent: the next one starts after it (pg no longer queues overlapping queries itself). */
  private tail: Promise<unknown> = Promise.resolve();
  /**
   * The first statement of the transaction that failed: PostgreSQL refuses every later one ("current
   * transaction is aborted"), which would hide the real error from a caller that sent several
   * statements before reading the first's outcome. Later statements get this error, unsent.
   */
  private failure: unknown = null;
  private readonly importTransaction = new ImportTransaction({
    begin: () => {
      this.failure = null;
      return this.query("BEGIN");
    },
    commit: () => this.query("COMMIT"),
    rollback: () => this.query("ROLLBACK"),
  });

  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<PostgresStore> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new PostgresStore(client);
  }

  /** Runs after every statement sent before it, whether or not the caller waited for them. */
  private query(sql: string, params: readonly SqlValue[] = []): Promise<pg.QueryResult> {
    const result = this.tail.then(() => this.client.query(numbered(sql), params.map(encode)));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Statements belong to the import's transaction: once it has ended, late ones are refused, never run on their own. */
  private statement(sql: string, params: readonly SqlValue[]): Promise<pg.QueryResult> {
    const refusal = this.importTransaction.refusal();
    if (refusal) return Promise.reject(refusal);
    const result = this.tail.then(() => {
      if (this.failure !== null) throw this.failure;
      return this.client.query(numbered(sql), params.map(encode));
    });
    result.catch((error: unknown) => {
      this.failure ??= error;
    });
    this.tail = result.catch(() => undefined);
    return result;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return (await this.statement(sql, params)).rows as T[];
  }

  /**
   * The same connection, in the import's queue: it also sees the import's own writes, unlike SQLite's
   * read connection — use it only for data the import does not write.
   */
  allCommitted<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.all<T>(sql, params);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return (await this.statement(sql, params)).rowCount ?? 0;
  }

  /** Multi-row statements, as many rows as the parameter limit allows, all sent at once. */
  async insertRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], conflict = ""): Promise<void> {
    const perStatement = rowsPerStatement(columns.length);
    const sent: Promise<number>[] = [];
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      sent.push(this.run(insertSql(table, columns, chunk.length, conflict), chunk.flat()));
    }
    await Promise.all(sent);
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.importTransaction.run(work);
  }

  async close(): Promise<void> {
    await this.tail;
    await this.client.end();
  }
}
