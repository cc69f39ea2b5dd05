import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { proxy } from "@/proxy";
import { AppError } from "@/lib/errors";
import { withApi } from "./handler";

const context = { params: Promise.resolve({}) };
const GET = withApi({ query: z.object({ fail: z.enum(["yes", "no"]).default("no") }) }, async ({ query }) => {
  if (query.fail === "yes") throw new AppError("not_found", "Rien ici.");
  return Response.json({ hello: "monde" }, { headers: { "Cache-Control": "public, max-age=60" } });
});
const request = (query = "", headers: Record<string, string> = {}) => new NextRequest(`http://localhost/api/v1/test${query}`, { headers });

describe("withApi: the API's HTTP manners", () => {
  it("opens every answer to any origin (CORS), errors included", async () => {
    for (const response of [await GET(request(), context), await GET(request("?fail=yes"), context), await GET(request("?fail=maybe"), context)]) {
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-expose-headers")).toContain("ETag");
    }
  });

  it("gives a 200 JSON answer an ETag and answers 304 without a body when the client has it", async () => {
    const first = await GET(request(), context);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await first.json()).toEqual({ hello: "monde" });

    const again = await GET(request("", { "If-None-Match": etag! }), context);
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect((await GET(request("", { "If-None-Match": 'W/"other"' }), context)).status).toBe(200);
  });

  it("gives errors no ETag", async () => {
    const response = await GET(request("?fail=yes"), context);
    expect(response.status).toBe(404);
    expect(response.headers.get("etag")).toBeNull();
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("answers CORS preflight requests in the proxy", async () => {
    const response = await proxy(new NextRequest("http://localhost/api/v1/search?q=x", { method: "OPTIONS" }));
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toContain("If-None-Match");
  });
});
