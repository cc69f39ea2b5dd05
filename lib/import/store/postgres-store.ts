import pg from "pg";
import { insertSql, rowsPerStatement, type SqlStore, type SqlValue } from "@/lib/import/store/sql-store";

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

  private constructor(private readonly client: pg.Client) {}

  static async connect(url: string): Promise<PostgresStore> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    return new PostgresStore(client);
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    const result = await this.client.query(numbered(sql), params.map(encode));
    return result.rows as T[];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    const result = await this.client.query(numbered(sql), params.map(encode));
    return result.rowCount ?? 0;
  }

  /** Multi-row statements, as many rows as the parameter limit allows: one round trip each. */
  async insertRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], conflict = ""): Promise<void> {
    const perStatement = rowsPerStatement(columns.length);
    for (let start = 0; start < rows.length; start += perStatement) {
      const chunk = rows.slice(start, start + perStatement);
      await this.run(insertSql(table, columns, chunk.length, conflict), chunk.flat());
    }
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    await this.client.query("BEGIN");
    try {
      const result = await work();
      await this.client.query("COMMIT");
      return result;
    } catch (error) {
      await this.client.query("ROLLBACK").catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
