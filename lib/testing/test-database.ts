/**
 * A throwaway, migrated database for one integration test file: a SQLite file in a temporary
 * folder, or a new PostgreSQL database on the server of TEST_DATABASE_URL. Refuses any server
 * that is not on this machine.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateDatabase } from "@/lib/db/migrate";
import { createScratchDatabase, type ScratchDatabase } from "@/lib/db/scratch-database";

export type TestDatabase = ScratchDatabase;

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function assertLocalDatabaseUrl(url: string): void {
  if (url.startsWith("file:")) return;
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Tests only run against a local database, not ${host}`);
  }
}

export async function createTestDatabase(provider: "sqlite" | "postgresql"): Promise<TestDatabase> {
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    await migrateDatabase(url);
    return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  assertLocalDatabaseUrl(serverUrl);
  const database = await createScratchDatabase(serverUrl, "fibre_pro_test");
  await migrateDatabase(database.url);
  return database;
}
