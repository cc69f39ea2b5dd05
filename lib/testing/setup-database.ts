/**
 * Vitest setup of the integration projects: each test file gets its own migrated database,
 * named in DATABASE_URL before lib/db/client.ts is first imported.
 */
import { afterAll } from "vitest";
import { createTestDatabase } from "@/lib/testing/test-database";

const provider = process.env.TEST_DB_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
const database = await createTestDatabase(provider);
process.env.DATABASE_URL = database.url;

afterAll(async () => {
  const cache = globalThis as typeof globalThis & { fibreProDb?: { $disconnect(): Promise<void> } };
  await cache.fibreProDb?.$disconnect();
  delete cache.fibreProDb;
  await database.drop();
});
