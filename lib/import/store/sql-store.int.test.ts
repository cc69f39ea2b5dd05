import { afterEach, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/provider";
import { insertRows, openSqlStore, OUTSIDE_TRANSACTION, type SqlStore } from "@/lib/import/store/sql-store";

const COLUMNS = ["code", "name", "role"];
const operator = (code: string, name = code) => [code, name, "INFRASTRUCTURE"];
const testCodes = async () =>
  (await db.operator.findMany({ where: { code: { startsWith: "TST" } }, orderBy: { code: "asc" } })).map((row) => row.code);

let store: SqlStore;

beforeEach(async () => {
  store = await openSqlStore(process.env.DATABASE_URL!);
});

afterEach(async () => {
  await store.close();
  await db.operator.deleteMany({ where: { code: { startsWith: "TST" } } });
});

it("runs statements in the order they are called, whether or not each was awaited", async () => {
  const outcome = await store.transaction(async () => {
    const inserted = insertRows(store, "Operator", COLUMNS, [operator("TST1", "Un")]);
    const renamed = store.run(`UPDATE "Operator" SET "name" = ? WHERE "code" = ?`, ["Deux", "TST1"]);
    const read = store.all<{ name: string }>(`SELECT "name" FROM "Operator" WHERE "code" = ?`, ["TST1"]);
    const [, changed, rows] = await Promise.all([inserted, renamed, read]);
    return { changed, rows };
  });
  expect(outcome).toEqual({ changed: 1, rows: [{ name: "Deux" }] });
  expect(await testCodes()).toEqual(["TST1"]);
});

it("rolls back everything sent, awaited or not, when the work fails, and refuses what comes after", async () => {
  let late: Promise<number> | undefined;
  await expect(
    store.transaction(async () => {
      await insertRows(store, "Operator", COLUMNS, [operator("TST2")]);
      void insertRows(store, "Operator", COLUMNS, [operator("TST3")]).catch(() => undefined);
      late = new Promise((resolve) => setTimeout(resolve, 50)).then(() =>
        store.run(`INSERT INTO "Operator" ("code", "name", "role") VALUES (?, ?, ?)`, operator("TST4")),
      );
      throw new Error("the import failed");
    }),
  ).rejects.toThrow("the import failed");
  await expect(late).rejects.toThrow(OUTSIDE_TRANSACTION);
  expect(await testCodes()).toEqual([]);
});

it("refuses statements outside a transaction and keeps the database's error code", async () => {
  await expect(store.run(`DELETE FROM "Operator"`)).rejects.toThrow(OUTSIDE_TRANSACTION);
  const duplicate = store.transaction(() => insertRows(store, "Operator", COLUMNS, [operator("TST5"), operator("TST5")]));
  const isSqlite = databaseProvider(process.env.DATABASE_URL!) === "sqlite";
  await expect(duplicate).rejects.toMatchObject({ code: isSqlite ? "SQLITE_CONSTRAINT_PRIMARYKEY" : "23505" });
  expect(await testCodes()).toEqual([]);
});

it("reports the statement that failed, not what the database said of the statements sent after it", async () => {
  await store.transaction(() => insertRows(store, "Operator", COLUMNS, [operator("TST7")]));
  const isSqlite = databaseProvider(process.env.DATABASE_URL!) === "sqlite";
  const outcome = store.transaction(async () => {
    const duplicate = insertRows(store, "Operator", COLUMNS, [operator("TST7")]);
    duplicate.catch(() => undefined);
    // Sent before the failure is known: PostgreSQL would answer "current transaction is aborted".
    await insertRows(store, "Operator", COLUMNS, [operator("TST8")]);
    await duplicate;
  });
  await expect(outcome).rejects.toMatchObject({ code: isSqlite ? "SQLITE_CONSTRAINT_PRIMARYKEY" : "23505" });
  expect(await testCodes()).toEqual(["TST7"]);
});

it("reads committed rows through allCommitted during a later import", async () => {
  await store.transaction(() => insertRows(store, "Operator", COLUMNS, [operator("TST6", "Six")]));
  const rows = await store.transaction(() => store.allCommitted<{ name: string }>(`SELECT "name" FROM "Operator" WHERE "code" = ?`, ["TST6"]));
  expect(rows).toEqual([{ name: "Six" }]);
});
