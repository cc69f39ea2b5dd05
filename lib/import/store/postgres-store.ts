import pg from "pg";
import { copyRows, quoted } from "@/lib/import/store/pg-copy";
import { ImportTransaction, insertSql, rowsPerStatement, type SqlStore, type SqlValue } from "@/lib/import/store/sql-store";

/**
 * Below this many rows an INSERT … VALUES beats a COPY (one round trip instead of three, no staging
 * table): the per-building writes of an MCI import, the run's own row.
 */
const COPY_MIN_ROWS = 64;

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
  /** The transaction's staging tables, by target table and columns (dropped at its end, commit or rollback). */
  private staging = new Map<string, string>();
  private readonly importTransaction = new ImportTransaction({
    begin: () => {
      this.failure = null;
      this.staging = new Map();
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
    return this.queued(() => this.client.query(numbered(sql), params.map(encode)));
  }

  /** Runs `work` on the connection after every statement sent before it, inside the import's transaction. */
  private queued<T>(work: () => Promise<T>): Promise<T> {
    const refusal = this.importTransaction.refusal();
    if (refusal) return Promise.reject(refusal);
    const result = this.tail.then(() => {
      if (this.failure !== null) throw this.failure;
      return work();
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

  /**
   * Streamed with COPY: straight into the table for plain inserts; with a conflict clause, into a
   * temporary staging table of the same columns, then one INSERT … SELECT … ON CONFLICT into the
   * table (COPY has no conflict clause). The steps are queued at once, in call order. A few rows
   * go as one multi-row INSERT.
   */
  async insertRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], conflict = ""): Promise<void> {
    if (rows.length === 0) return;
    if (rows.length < COPY_MIN_ROWS && rows.length <= rowsPerStatement(columns.length)) {
      await this.run(insertSql(table, columns, rows.length, conflict), rows.flat());
      return;
    }
    if (!conflict) {
      await this.queued(() => copyRows(this.client, table, columns, rows));
      return;
    }
    const stage = this.stagingTable(table, columns);
    const columnList = columns.map(quoted).join(", ");
    const steps = [
      this.queued(() => copyRows(this.client, stage, columns, rows)),
      this.statement(`INSERT INTO ${quoted(table)} (${columnList}) SELECT ${columnList} FROM ${quoted(stage)} ${conflict}`, []),
      this.statement(`TRUNCATE ${quoted(stage)}`, []),
    ];
    await Promise.all(steps);
  }

  /** The staging table for rows of `columns` bound for `table`: created (queued) on first use in the transaction. */
  private stagingTable(table: string, columns: readonly string[]): string {
    const key = `${table}(${columns.join(",")})`;
    let stage = this.staging.get(key);
    if (!stage) {
      stage = `import_stage_${this.staging.size}`;
      this.staging.set(key, stage);
      // Only the columns sent, no constraints: the target table checks them on the INSERT … SELECT.
      void this.statement(
        `CREATE TEMPORARY TABLE ${quoted(stage)} ON COMMIT DROP AS SELECT ${columns.map(quoted).join(", ")} FROM ${quoted(table)} WITH NO DATA`,
        [],
      ).catch(() => undefined);
    }
    return stage;
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.importTransaction.run(work);
  }

  async close(): Promise<void> {
    await this.tail;
    await this.client.end();
  }
}
