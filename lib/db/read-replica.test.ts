import { describe, expect, it } from "vitest";
import { isReadOnlySql, isReplicaFailure, isReplicaUnavailable, lsnToBigInt } from "@/lib/db/read-replica";

describe("isReadOnlySql", () => {
  it("accepts plain SELECTs and WITH queries", () => {
    expect(isReadOnlySql(`SELECT "id" FROM "Address" WHERE "searchKey" % $1`)).toBe(true);
    expect(isReadOnlySql(`  with t as (select 1) select * from t`)).toBe(true);
    expect(isReadOnlySql(`SELECT "updatedAt" FROM "Zone"`)).toBe(true);
  });

  it("keeps statements that write or lock on the primary", () => {
    expect(isReadOnlySql(`INSERT INTO "ApiRateLimit" ("key") VALUES ($1) ON CONFLICT ("key") DO UPDATE SET "count" = 1 RETURNING "count"`)).toBe(false);
    expect(isReadOnlySql(`WITH moved AS (DELETE FROM "Job" RETURNING *) SELECT * FROM moved`)).toBe(false);
    expect(isReadOnlySql(`SELECT * FROM "ImportJob" WHERE "status" = 'QUEUED' FOR UPDATE SKIP LOCKED`)).toBe(false);
    expect(isReadOnlySql(`SELECT pg_advisory_lock(1)`)).toBe(false);
    expect(isReadOnlySql(`SELECT nextval('seq')`)).toBe(false);
    expect(isReadOnlySql(``)).toBe(false);
  });
});

describe("isReplicaUnavailable", () => {
  it("recognises a server that cannot answer, through the driver adapter's causes", () => {
    expect(isReplicaUnavailable(Object.assign(new Error("x"), { cause: { code: "ECONNREFUSED" } }))).toBe(true);
    expect(isReplicaUnavailable({ code: "P1001" })).toBe(true);
    expect(isReplicaUnavailable({ cause: { originalCode: "57P03" } })).toBe(true);
  });

  it("lets a query's own errors through", () => {
    expect(isReplicaUnavailable({ code: "P2025" })).toBe(false);
    expect(isReplicaUnavailable({ cause: { originalCode: "42P01" } })).toBe(false);
    expect(isReplicaUnavailable(new Error("plain"))).toBe(false);
  });
});

describe("isReplicaFailure", () => {
  it("retries on the primary what the replica could not answer, a pool's bare connect timeout included", () => {
    expect(isReplicaFailure(new Error("timeout exceeded when trying to connect"))).toBe(true);
    expect(isReplicaFailure({ code: "P1001" })).toBe(true);
    expect(isReplicaFailure({ code: "P2010", meta: { driverAdapterError: { cause: { kind: "DatabaseNotReachable" } } } })).toBe(true);
  });

  it("lets a query's own outcome through: not found, a constraint, a bad raw query", () => {
    expect(isReplicaFailure({ code: "P2025" })).toBe(false);
    expect(isReplicaFailure({ code: "P2002" })).toBe(false);
    expect(isReplicaFailure({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "42601" } } } })).toBe(false);
  });
});

describe("lsnToBigInt", () => {
  it("orders WAL positions across the 32-bit boundary", () => {
    expect(lsnToBigInt("1/0")).toBeGreaterThan(lsnToBigInt("0/FFFFFFFF"));
    expect(lsnToBigInt("0/16B3748")).toBe(0x16b3748n);
  });
});
