/**
 * A throwaway, migrated database for one integration test file: a SQLite file in a temporary
 * folder, or a new PostgreSQL database on the server of TEST_DATABASE_URL. Refuses any server
 * that is not on this machine.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { migrateDatabase } from "@/lib/db/migrate";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function assertLocalDatabaseUrl(url: string): void {
  if (url.startsWith("file:")) return;
  const host = new URL(url).hostname;
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Tests only run against a local database, not ${host}`);
  }
}

export async function createTestDatabase(provider: "sqlite" | "postgresql"): Promise<TestDatabase> {
  const suffix = `${Date.now().toString(36)}_${crypto.randomBytes(3).toString("hex")}`;
  if (provider === "sqlite") {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-test-"));
    const url = `file:${path.join(dir, "test.db")}`;
    await migrateDatabase(url);
    return { url, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }

  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error("TEST_DATABASE_URL is not set");
  assertLocalDatabaseUrl(serverUrl);
  const name = `fibre_pro_test_${suffix}`;
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  await migrateDatabase(url.toString());
  return {
    url: url.toString(),
    drop: () => withServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

async function withServer(serverUrl: string, run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}
