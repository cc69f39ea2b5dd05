/**
 * Loading many addresses into SQLite: the FTS5 insert trigger of "AddressSearch" costs more than
 * the row itself (about 4 s per 200,000 rows, against 1.3 s for one INSERT … SELECT at the end:
 * `npm run bench:import`). An address import therefore drops that trigger inside its transaction,
 * indexes the rows it created in one statement at the end, and puts the trigger back — all in the
 * import's transaction, so a failed import leaves the trigger (and the index) as they were, and no
 * other connection ever sees the table without its trigger (the import holds the write lock).
 * Updates and deletes keep their triggers: they are few.
 *
 * The trigger's SQL must stay the one of migration 20261129180000_address_search
 * (lib/import/ban.int.test.ts compares them).
 */
import type { SqlStore } from "@/lib/import/store/sql-store";

export const ADDRESS_SEARCH_INSERT_TRIGGER = `CREATE TRIGGER "Address_search_insert" AFTER INSERT ON "Address" BEGIN
  INSERT INTO "AddressSearch"(rowid, "searchKey") VALUES (new.rowid, new."searchKey");
END`;

export interface BulkAddressIndex {
  /** Indexes the rows inserted since `begin` and restores the trigger. */
  end(): Promise<void>;
}

/** Only inside a transaction, on SQLite; null elsewhere (PostgreSQL indexes in its own way). */
export async function beginBulkAddressIndex(store: SqlStore): Promise<BulkAddressIndex | null> {
  if (store.provider !== "sqlite") return null;
  const [row] = await store.all<{ last: number | bigint | null }>(`SELECT max(rowid) AS "last" FROM "Address"`);
  const last = Number(row?.last ?? 0);
  await store.run(`DROP TRIGGER "Address_search_insert"`);
  return {
    async end() {
      // New rows only: an upsert that updated a row kept its rowid (its update trigger ran).
      await store.run(`INSERT INTO "AddressSearch"(rowid, "searchKey") SELECT rowid, "searchKey" FROM "Address" WHERE rowid > ?`, [last]);
      await store.run(ADDRESS_SEARCH_INSERT_TRIGGER);
    },
  };
}
