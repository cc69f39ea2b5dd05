import { describe, expect, it } from "vitest";
import { MISSING_SECRET_MESSAGE, missingSharedSecret } from "@/lib/auth/secret-policy";

describe("missingSharedSecret", () => {
  it("lets SQLite generate its key on the one machine", () => {
    expect(missingSharedSecret({ DATABASE_URL: "file:./data/fibre-pro.db" })).toBeNull();
  });

  it("refuses PostgreSQL without NEXTAUTH_SECRET, saying what to set", () => {
    expect(missingSharedSecret({ DATABASE_URL: "postgresql://fibre:fibre@db:5432/fibre" })).toBe(MISSING_SECRET_MESSAGE);
    expect(MISSING_SECRET_MESSAGE).toMatch(/NEXTAUTH_SECRET is required with PostgreSQL/);
  });

  it("accepts PostgreSQL with a secret", () => {
    expect(missingSharedSecret({ DATABASE_URL: "postgresql://fibre:fibre@db:5432/fibre", NEXTAUTH_SECRET: "0123456789abcdef0123" })).toBeNull();
  });
});
