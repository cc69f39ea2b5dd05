import pg from "pg";
import type { SqlStore, SqlValue } from "@/lib/import/store/sql-store";

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
