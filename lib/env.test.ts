import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("defaults to the embedded SQLite database", () => {
    expect(parseEnv({}).DATABASE_URL).toBe("file:./data/fibre-pro.db");
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBe("file:./data/fibre-pro.db");
  });

  it("accepts PostgreSQL URLs", () => {
    expect(parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/fibre" }).DATABASE_URL).toBe("postgresql://u:p@db:5432/fibre");
    expect(parseEnv({ DATABASE_URL: "postgres://db/fibre" }).DATABASE_URL).toBe("postgres://db/fibre");
  });

  it("names the variable and what it expects when it is wrong", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://db/fibre" })).toThrow(
      /DATABASE_URL: must start with file: \(SQLite.*or postgresql:\/\//,
    );
    expect(() => parseEnv({ NODE_ENV: "staging" })).toThrow(/NODE_ENV/);
  });

  it("takes a contact e-mail address, with a placeholder by default", () => {
    expect(parseEnv({}).CONTACT_EMAIL).toBe("contact@fibre-pro.example");
    expect(parseEnv({ CONTACT_EMAIL: "" }).CONTACT_EMAIL).toBe("contact@fibre-pro.example");
    expect(parseEnv({ CONTACT_EMAIL: " accessibilite@ca3b.fr " }).CONTACT_EMAIL).toBe("accessibilite@ca3b.fr");
    expect(() => parseEnv({ CONTACT_EMAIL: "accessibilite" })).toThrow(/CONTACT_EMAIL: must be an e-mail address/);
  });

  it("reads DEBUG as a boolean", () => {
    expect(parseEnv({ DEBUG: "1" }).DEBUG).toBe(true);
    expect(parseEnv({}).DEBUG).toBe(false);
  });

  it("reads TRUST_PROXY and HSTS_MAX_AGE as numbers, off by default", () => {
    expect(parseEnv({})).toMatchObject({ TRUST_PROXY: 0, HSTS_MAX_AGE: 0 });
    expect(parseEnv({ TRUST_PROXY: "1", HSTS_MAX_AGE: "31536000" })).toMatchObject({ TRUST_PROXY: 1, HSTS_MAX_AGE: 31_536_000 });
    expect(() => parseEnv({ TRUST_PROXY: "-1" })).toThrow(/TRUST_PROXY/);
  });

  it("reads the data:sync schedule and départements, and names a wrong one", () => {
    expect(parseEnv({}).DATA_SYNC_CRON).toBeUndefined();
    expect(parseEnv({})).toMatchObject({ DATA_SYNC_DEPARTEMENTS: [], DATA_SYNC_DIR: "./data/sync" });
    expect(parseEnv({ DATA_SYNC_CRON: "30 3 * * *", DATA_SYNC_DEPARTEMENTS: "1, 69;2a 01" })).toMatchObject({
      DATA_SYNC_CRON: "30 3 * * *",
      DATA_SYNC_DEPARTEMENTS: ["01", "69", "2A"],
    });
    expect(() => parseEnv({ DATA_SYNC_CRON: "every night" })).toThrow(/DATA_SYNC_CRON: "every night" must have 5 fields/);
    expect(() => parseEnv({ DATA_SYNC_DEPARTEMENTS: "01,20,99" })).toThrow(/DATA_SYNC_DEPARTEMENTS: not a département code: 20, 99/);
  });
});
