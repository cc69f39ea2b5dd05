import { describe, expect, it } from "vitest";
import { migrationsDir, pendingMigrations, readMigrations, type Migration } from "./migrate";

const migration = (name: string, checksum = `sum-${name}`): Migration => ({ name, sql: "", checksum });

describe("pendingMigrations", () => {
  const all = [migration("001_init"), migration("002_zones")];

  it("returns what is not applied yet, in order", () => {
    expect(pendingMigrations(all, new Map()).map((m) => m.name)).toEqual(["001_init", "002_zones"]);
    expect(pendingMigrations(all, new Map([["001_init", "sum-001_init"]])).map((m) => m.name)).toEqual(["002_zones"]);
  });

  it("refuses a migration edited after it was applied", () => {
    expect(() => pendingMigrations(all, new Map([["001_init", "another"]]))).toThrow(/001_init was edited/);
  });

  it("refuses a database that ran a migration this code does not know", () => {
    expect(() => pendingMigrations(all, new Map([["003_future", "x"]]))).toThrow(/003_future is applied/);
  });
});

describe("committed migrations", () => {
  it("exist for both providers with the same names", () => {
    const names = (provider: "sqlite" | "postgresql") => readMigrations(migrationsDir(provider)).map((m) => m.name);
    expect(names("sqlite").length).toBeGreaterThan(0);
    expect(names("postgresql")).toEqual(names("sqlite"));
  });
});
