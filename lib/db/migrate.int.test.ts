import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { databaseProvider } from "./provider";
import { migrateDatabase, migrationsDir } from "./migrate";

describe("migrateDatabase", () => {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-migrations-copy-"));
  afterAll(() => fs.rmSync(copy, { recursive: true, force: true }));

  it("applies nothing to an up-to-date database", async () => {
    expect(await migrateDatabase(env.DATABASE_URL)).toEqual([]);
  });

  it("refuses to run when an applied migration was edited", async () => {
    const provider = databaseProvider(env.DATABASE_URL);
    const target = migrationsDir(provider, copy);
    fs.cpSync(migrationsDir(provider), target, { recursive: true });
    const [first] = fs.readdirSync(target).sort();
    fs.appendFileSync(path.join(target, first!, "migration.sql"), "\n-- edited\n");
    await expect(migrateDatabase(env.DATABASE_URL, copy)).rejects.toThrow(/was edited after being applied/);
  });
});
