import { describe, expect, it } from "vitest";
import { APP_VERSION } from "@/lib/version";
import { NextRequest } from "next/server";
import { validated } from "@/lib/testing/openapi";
import { GET } from "./route";

describe("GET /api/health with a database", () => {
  it("answers 200 with the version and the database it reached", async () => {
    const response = await validated(GET(new NextRequest("http://localhost/api/health"), { params: Promise.resolve({}) }), "/api/health");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", version: APP_VERSION, database: { reachable: true } });
    expect(["sqlite", "postgresql"]).toContain(body.database.provider);
  });
});
