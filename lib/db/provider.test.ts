import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseProvider, isSupportedDatabaseUrl, redactDatabaseUrl, sqliteFilePath } from "./provider";

describe("database provider", () => {
  it("is chosen from the URL", () => {
    expect(databaseProvider("file:./data/fibre-pro.db")).toBe("sqlite");
    expect(databaseProvider("postgresql://localhost/fibre")).toBe("postgresql");
    expect(databaseProvider("postgres://localhost/fibre")).toBe("postgresql");
    expect(() => databaseProvider("mysql://localhost/fibre")).toThrow(/file: or postgresql/);
    expect(isSupportedDatabaseUrl("file:")).toBe(false);
  });

  it("resolves SQLite paths from the working directory", () => {
    expect(sqliteFilePath("file:./data/x.db", "/srv/app")).toBe(path.resolve("/srv/app/data/x.db"));
    expect(sqliteFilePath("file:/var/lib/x.db", "/srv/app")).toBe("/var/lib/x.db");
  });

  it("hides passwords when printing a URL", () => {
    expect(redactDatabaseUrl("postgresql://fibre:s3cret@db:5432/x")).toBe("postgresql://fibre:***@db:5432/x");
    expect(redactDatabaseUrl("file:./data/x.db")).toBe("file:./data/x.db");
  });
});
