/**
 * What tables and their indexes hold on disk, per row: SQLite from its dbstat virtual table (pages
 * of each B-tree), PostgreSQL from pg_relation_size (each table with its TOAST, each index).
 */
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider, sqliteFilePath } from "@/lib/db/provider";

export interface RelationSize {
  table: string;
  /** The table itself, or an index's name. */
  relation: string;
  bytes: number;
  rows: number;
}

async function sqliteSizes(url: string, tables: readonly string[]): Promise<RelationSize[]> {
  const db = new Database(sqliteFilePath(url), { readonly: true });
  try {
    const sizes: RelationSize[] = [];
    for (const table of tables) {
      const { rows } = db.prepare(`SELECT count(*) AS "rows" FROM "${table}"`).get() as { rows: number };
      // A rowid table with its own primary-key index (TEXT ids): the table's B-tree, then each index's.
      const relations = db
        .prepare(`SELECT "name" FROM sqlite_schema WHERE "tbl_name" = ? AND "type" IN ('table', 'index') ORDER BY "type" DESC, "name"`)
        .all(table) as { name: string }[];
      for (const { name } of relations) {
        const { bytes } = db.prepare(`SELECT COALESCE(SUM("pgsize"), 0) AS "bytes" FROM dbstat WHERE "name" = ?`).get(name) as { bytes: number };
        sizes.push({ table, relation: name === table ? "(table)" : name, bytes, rows });
      }
    }
    return sizes;
  } finally {
    db.close();
  }
}

async function postgresSizes(url: string, tables: readonly string[]): Promise<RelationSize[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Up-to-date statistics and no dead rows left by upserts' pages in the figures.
    await client.query(`VACUUM ANALYZE`);
    const sizes: RelationSize[] = [];
    for (const table of tables) {
      const { rows: counted } = await client.query<{ rows: string }>(`SELECT count(*) AS "rows" FROM "${table}"`);
      const rows = Number(counted[0]!.rows);
      const { rows: own } = await client.query<{ bytes: string }>(
        `SELECT pg_table_size(c.oid) AS "bytes" FROM pg_class c WHERE c.relname = $1 AND c.relkind = 'r'`,
        [table],
      );
      sizes.push({ table, relation: "(table)", bytes: Number(own[0]?.bytes ?? 0), rows });
      const { rows: indexes } = await client.query<{ name: string; bytes: string }>(
        `SELECT i.relname AS "name", pg_relation_size(i.oid) AS "bytes"
           FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
          WHERE t.relname = $1 ORDER BY i.relname`,
        [table],
      );
      for (const index of indexes) sizes.push({ table, relation: index.name, bytes: Number(index.bytes), rows });
    }
    return sizes;
  } finally {
    await client.end();
  }
}

export function tableSizes(url: string, tables: readonly string[]): Promise<RelationSize[]> {
  return databaseProvider(url) === "sqlite" ? sqliteSizes(url, tables) : postgresSizes(url, tables);
}

/** A Markdown table: bytes per row of each table and index, and each table's total. */
export function sizeReport(provider: string, sizes: readonly RelationSize[]): string {
  const lines = [`| database | table | relation | rows | MB | bytes/row |`, `|---|---|---|---|---|---|`];
  const perRow = (bytes: number, rows: number) => (rows === 0 ? "–" : Math.round(bytes / rows).toLocaleString("en"));
  const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
  for (const table of [...new Set(sizes.map((size) => size.table))]) {
    const own = sizes.filter((size) => size.table === table);
    for (const size of own) lines.push(`| ${provider} | ${table} | ${size.relation} | ${size.rows.toLocaleString("en")} | ${mb(size.bytes)} | ${perRow(size.bytes, size.rows)} |`);
    const total = own.reduce((sum, size) => sum + size.bytes, 0);
    lines.push(`| ${provider} | ${table} | **total** | ${own[0]!.rows.toLocaleString("en")} | ${mb(total)} | **${perRow(total, own[0]!.rows)}** |`);
  }
  return lines.join("\n");
}
