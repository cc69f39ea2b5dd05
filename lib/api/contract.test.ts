/**
 * The API's contract rules that hold for every path (#16 point 6): 405 problem+json with Allow,
 * unknown /api/v1 paths → 404 problem+json, CORS preflight with the path's methods and the
 * requested headers echoed, JSON with its charset, problem types pointing at the /api page.
 */
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { withApi } from "@/lib/api/handler";
import { allowedMethods } from "@/lib/api/routes";
import { GET as unknownPath, POST as unknownPathPost } from "@/app/api/v1/[...path]/route";
import { proxy } from "@/proxy";

const concrete = (path: string) => path.replace(/\{[^}]+\}/g, "01053_x");
const v1Endpoints = API_ENDPOINTS.filter((endpoint) => endpoint.path.startsWith("/api/v1/"));

describe("API contract rules", () => {
  it("answers any other method than a path's with 405 problem+json naming the allowed ones in Allow", async () => {
    for (const endpoint of v1Endpoints) {
      const allowed = allowedMethods(concrete(endpoint.path));
      expect(allowed, endpoint.path).toContain("OPTIONS");
      for (const method of ["POST", "PUT", "PATCH", "DELETE", "GET"].filter((candidate) => !allowed!.includes(candidate))) {
        const response = await proxy(new NextRequest(`http://localhost${concrete(endpoint.path)}`, { method }));
        expect(response.status, `${method} ${endpoint.path}`).toBe(405);
        expect(response.headers.get("allow")).toBe(allowed!.join(", "));
        expect(response.headers.get("content-type")).toBe("application/problem+json");
        expect(response.headers.get("access-control-allow-origin")).toBe("*");
        expect(await response.json()).toMatchObject({ status: 405, type: "/api#erreur-method-not-allowed", title: "Méthode non autorisée" });
      }
    }
    expect(allowedMethods("/api/v1/openapi.json")).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/api/v1/nothing-here")).toBeNull();
  });

  it("lets the allowed methods through to the route", async () => {
    const response = await proxy(new NextRequest("http://localhost/api/v1/search?q=x"));
    expect(response.headers.get("x-middleware-next")).toBe("1");
  });

  it("answers an unknown /api/v1 path with 404 problem+json, whatever the method", async () => {
    const context = { params: Promise.resolve({ path: ["nothing", "here"] }) };
    for (const handler of [unknownPath, unknownPathPost]) {
      const response = await handler(new NextRequest("http://localhost/api/v1/nothing/here", { method: handler === unknownPath ? "GET" : "POST" }), context);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ status: 404, type: "/api#erreur-not-found", detail: expect.stringContaining("/api/v1/nothing/here") });
    }
  });

  it("answers a preflight with the path's methods and echoes the requested headers", async () => {
    const response = await proxy(
      new NextRequest("http://localhost/api/v1/zones/01053_SITE-ECO_00001", {
        method: "OPTIONS",
        headers: { origin: "https://cci.example", "access-control-request-method": "GET", "access-control-request-headers": "x-cci-client, authorization-ish, bad header" },
      }),
    );
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    const allowedHeaders = response.headers.get("access-control-allow-headers")!.split(", ");
    expect(allowedHeaders).toEqual(expect.arrayContaining(["If-None-Match", "Content-Type", "x-cci-client", "authorization-ish"]));
    expect(allowedHeaders).not.toContain("bad header");
    expect(response.headers.get("vary")).toContain("Access-Control-Request-Headers");
  });

  it("labels JSON answers application/json; charset=utf-8", async () => {
    const GET = withApi({}, async () => Response.json({ ok: true }));
    const response = await GET(new NextRequest("http://localhost/api/v1/x"), { params: Promise.resolve({}) });
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  });

  it("names unknown and repeated parameters of a strict query", async () => {
    const GET = withApi({ query: z.strictObject({ type: z.string().optional() }) }, async () => Response.json({ ok: true }));
    const response = await GET(new NextRequest("http://localhost/api/v1/x?type=a&type=b&foo=1&bar=2"), { params: Promise.resolve({}) });
    expect(response.status).toBe(400);
    const { invalid_params: invalid } = await response.json();
    expect(invalid.map((param: { name: string }) => param.name).sort()).toEqual(["bar", "foo", "type"]);
  });
});
