import "server-only";
/**
 * Raw SELECTs written once with `?` placeholders for both databases: on PostgreSQL the
 * placeholders become $1, $2… For the few queries the ORM cannot express (window functions).
 * Only values go through parameters; the SQL text is always ours.
 */
import { db, provider, type DbTransaction } from "@/lib/db/client";

export function toDialect(sql: string): string {
  if (provider !== "postgresql") return sql;
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

export function rawSelect<T>(sql: string, params: readonly unknown[], client: DbTransaction = db): Promise<T[]> {
  return client.$queryRawUnsafe<T[]>(toDialect(sql), ...params);
}

/** A date read by a raw query: a Date on PostgreSQL, ISO text on SQLite. */
export function readDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}
