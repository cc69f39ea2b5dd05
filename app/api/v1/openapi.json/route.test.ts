import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { API_ENDPOINTS } from "@/lib/api/endpoints";
import { expectMatchesOpenApi } from "@/lib/testing/openapi";
import { GET } from "./route";

describe("GET /api/v1/openapi.json", () => {
  it("serves an OpenAPI 3.1 document describing every public endpoint from the zod schemas", async () => {
    const response = await GET(new NextRequest("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const document = await response.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths).sort()).toEqual(API_ENDPOINTS.map((endpoint) => endpoint.path).sort());
    const search = document.paths["/api/v1/search"].get;
    expect(search.parameters.map((parameter: { name: string; required: boolean }) => [parameter.name, parameter.required])).toEqual([
      ["q", true],
      ["limit", false],
      ["type", false],
    ]);
    expect(search.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/SearchResponse" });
    expect(search.responses["400"].content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
    // Every reference points at a component that exists.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(document.components.schemas, ref).toHaveProperty(ref!);
    expect(document.components.schemas.TechnologyAvailability.properties.status).toMatchObject({ $ref: "#/components/schemas/Status" });
    expect(document.components.schemas.TechnologyAvailability.properties.level).toMatchObject({ $ref: "#/components/schemas/Level" });
  });

  it("is what the tests check every answer against: a wrong answer or an undocumented status fails", async () => {
    await expectMatchesOpenApi(Response.json({ query: "x", results: [] }), "/api/v1/search");
    await expect(expectMatchesOpenApi(Response.json({ query: 1, results: "x" }), "/api/v1/search")).rejects.toThrow(/does not match/);
    await expect(expectMatchesOpenApi(Response.json({ query: "x", results: [] }, { status: 418 }), "/api/v1/search")).rejects.toThrow(/418/);
  });
});
