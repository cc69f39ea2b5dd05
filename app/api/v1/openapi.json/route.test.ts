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
      ["citycode", false],
      ["postcode", false],
      ["near", false],
      [undefined, undefined],
    ]);
    expect(search.parameters.find((parameter: { name: string }) => parameter.name === "near")).toMatchObject({
      style: "form",
      explode: true,
      schema: { dependentRequired: { lat: ["lon"], lon: ["lat"] } },
    });
    expect(search.responses["200"].content["application/json"].schema).toEqual({ $ref: "#/components/schemas/SearchResponse" });
    expect(search.responses["400"].content["application/problem+json"].schema).toEqual({ $ref: "#/components/schemas/Problem" });
    // Every reference points at a component that exists.
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((match) => match[1]);
    expect(refs.length).toBeGreaterThan(10);
    for (const ref of refs) expect(document.components.schemas, ref).toHaveProperty(ref!);
    expect(document.components.schemas.TechnologyAvailability.properties.status).toMatchObject({ $ref: "#/components/schemas/Status" });
    expect(document.components.schemas.TechnologyAvailability.properties.level).toMatchObject({ $ref: "#/components/schemas/Level" });
  });

  it("declares its contract: no security, tags with descriptions, a contact, headers and 304", async () => {
    const document = await (await GET(new NextRequest("http://localhost/api/v1/openapi.json"), { params: Promise.resolve({}) })).json();
    expect(document.security).toEqual([]);
    expect(document.info.contact.email).toMatch(/@/);
    const tags = document.tags.map((tag: { name: string }) => tag.name);
    for (const endpoint of API_ENDPOINTS) expect(tags, endpoint.tag).toContain(endpoint.tag);
    for (const tag of document.tags) expect(tag.description.length).toBeGreaterThan(10);
    const zone = document.paths["/api/v1/zones/{id}"].get.responses;
    expect(Object.keys(zone["200"].headers)).toEqual(["ETag", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset"]);
    expect(zone["304"].headers).toHaveProperty("ETag");
    expect(Object.keys(zone["429"].headers)).toContain("Retry-After");
    const exports = document.paths["/api/v1/exports/availability.csv"].get;
    expect(exports.responses).not.toHaveProperty("304");
    expect(exports.parameters.find((parameter: { name: string }) => parameter.name === "territory").schema.oneOf).toEqual([
      { required: ["commune"] }, { required: ["epci"] }, { required: ["zone"] }, { required: ["departement"] },
    ]);
  });

  it("is what the tests check every answer against: a wrong answer or an undocumented status fails", async () => {
    await expectMatchesOpenApi(Response.json({ query: "x", results: [] }), "/api/v1/search");
    await expect(expectMatchesOpenApi(Response.json({ query: 1, results: "x" }), "/api/v1/search")).rejects.toThrow(/does not match/);
    await expect(expectMatchesOpenApi(Response.json({ query: "x", results: [] }, { status: 418 }), "/api/v1/search")).rejects.toThrow(/418/);
  });
});
