import { afterEach, beforeEach, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseProvider } from "@/lib/db/provider";
import { insertRows, openSqlStore, OUTSIDE_TRANSACTION, rowsPerStatement, updateFromValues, type SqlStore } from "@/lib/import/store/sql-store";

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

it("writes many rows as they are (a COPY on PostgreSQL): tabs, line breaks, backslashes, nulls, dates, booleans; and upserts them", async () => {
  const runColumns = ["id", "format", "sourceKind", "sourceName", "fileName", "fileDate", "isDryRun", "readCount", "status", "triggeredBy"];
  const awkward = ["a\tb", "ligne 1\nligne 2\r\n", "C:\\dossier\\fichier.csv", "\\N", "« Fibre » — été", ""];
  const fileDate = new Date("2026-11-15T00:00:00.000Z");
  const runs = Array.from({ length: 150 }, (_, index) => [
    `copy-test-${String(index).padStart(3, "0")}`, "ipe", "IPE", "IPE TEST", awkward[index % awkward.length]!,
    index % 2 === 0 ? fileDate : null, index % 3 === 0, index, "SUCCEEDED", "test:copy",
  ]);
  await store.transaction(() => insertRows(store, "ImportRun", runColumns, runs));
  const renamed = runs.map((run, index) => [...run.slice(0, 4), `renommé\t${index}`, ...run.slice(5)]);
  await store.transaction(() =>
    insertRows(store, "ImportRun", runColumns, renamed, `ON CONFLICT ("id") DO UPDATE SET "fileName" = excluded."fileName"`),
  );

  const stored = await db.importRun.findMany({ where: { triggeredBy: "test:copy" }, orderBy: { id: "asc" } });
  try {
    expect(stored).toHaveLength(150);
    expect(stored.map((run) => run.fileName)).toEqual(renamed.map((run) => run[4]));
    expect(stored.map((run) => run.fileDate?.toISOString() ?? null)).toEqual(runs.map((run) => (run[5] ? fileDate.toISOString() : null)));
    expect(stored.map((run) => run.isDryRun)).toEqual(runs.map((run) => run[6]));
    expect(stored.map((run) => run.readCount)).toEqual(runs.map((run) => run[7]));
  } finally {
    await db.importRun.deleteMany({ where: { triggeredBy: "test:copy" } });
  }
});

it("writes many rows of text exactly as given, a COPY on PostgreSQL", async () => {
  const awkward = ["a\tb", "ligne 1\nligne 2\r\n", "C:\\dossier", "\\N", "NULL", "« été »"];
  const rows = Array.from({ length: 120 }, (_, index) => operator(`TST${String(index).padStart(3, "0")}`, awkward[index % awkward.length]!));
  await store.transaction(() => insertRows(store, "Operator", COLUMNS, rows));
  const stored = await db.operator.findMany({ where: { code: { startsWith: "TST" } }, orderBy: { code: "asc" } });
  expect(stored.map((row) => row.name)).toEqual(rows.map((row) => row[1]));
});

it("keeps the database's error code for a batch of many rows too", async () => {
  const rows = Array.from({ length: 100 }, (_, index) => operator(`TST${index % 99}`));
  const isSqlite = databaseProvider(process.env.DATABASE_URL!) === "sqlite";
  await expect(store.transaction(() => insertRows(store, "Operator", COLUMNS, rows))).rejects.toMatchObject({
    code: isSqlite ? "SQLITE_CONSTRAINT_PRIMARYKEY" : "23505",
  });
  expect(await testCodes()).toEqual([]);
});

it("updates each row with its own values, over more rows than one statement takes", async () => {
  const count = rowsPerStatement(2 + 1) + 10;
  const codes = Array.from({ length: count }, (_, index) => `TST${String(index).padStart(6, "0")}`);
  await store.transaction(() => insertRows(store, "Operator", COLUMNS, codes.map((code) => operator(code))));
  const changed = await store.transaction(() =>
    updateFromValues(
      store,
      "Operator",
      `"name" = COALESCE(v.column2, "Operator"."name") || ?`,
      `"Operator"."code" = v.column1`,
      codes.map((code, index) => [code, index % 2 === 0 ? `n${index}` : null]),
      ["!"],
    ),
  );
  expect(changed).toBe(count);
  const names = await db.operator.findMany({ where: { code: { in: [codes[0]!, codes[1]!, codes[count - 1]!] } }, orderBy: { code: "asc" } });
  expect(names.map((row) => row.name)).toEqual(["n0!", `${codes[1]}!`, count % 2 === 1 ? `n${count - 1}!` : `${codes[count - 1]}!`]);
});
