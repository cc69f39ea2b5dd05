import { afterAll, describe, expect, it, vi } from "vitest";

describe("GET /api/health without a database", () => {
  afterAll(() => vi.unstubAllEnvs());

  it("answers 503 when the database does not answer", async () => {
    // Nothing listens on port 9 (discard) here: the connection is refused at once.
    vi.stubEnv("DATABASE_URL", "postgresql://nobody:secret@127.0.0.1:9/none");
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    const { GET } = await import("./route");
    const { NextRequest } = await import("next/server");
    const { validated } = await import("@/lib/testing/openapi");
    const response = await validated(GET(new NextRequest("http://localhost/api/health"), { params: Promise.resolve({}) }), "/api/health");
    expect(response.status).toBe(503);
    const body = await response.json();
    expect(body).toMatchObject({ status: "unavailable", database: { provider: "postgresql", reachable: false } });
    expect(JSON.stringify(body)).not.toContain("secret");
  });
});
