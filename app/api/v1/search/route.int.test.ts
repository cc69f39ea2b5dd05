import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { GET } from "./route";
import { validated } from "@/lib/testing/openapi";

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
});

const context = { params: Promise.resolve({}) };
const get = (query: string) => validated(GET(new NextRequest(`http://localhost/api/v1/search${query}`), context), "/api/v1/search");

describe("GET /api/v1/search", () => {
  it("answers the query and its results", async () => {
    const response = await get("?q=saint-eti&limit=2");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.query).toBe("saint-eti");
    expect(body.results).toHaveLength(2);
    expect(body.results[0]).toMatchObject({ type: "commune", id: "42218", label: "Saint-Étienne (42)" });
  });

  it.each([
    ["", "q"],
    ["?q=", "q"],
    ["?q=%20%20", "q"],
    [`?q=${"a".repeat(101)}`, "q"],
    ["?q=lyon&limit=0", "limit"],
    ["?q=lyon&limit=500", "limit"],
    ["?q=lyon&limit=deux", "limit"],
  ])("refuses %s with a 400 problem+json naming %s", async (query, param) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 400, title: "Requête invalide" });
    expect(problem.detail).toMatch(/\S/);
    expect(problem.invalid_params.map((p: { name: string }) => p.name)).toContain(param);
  });
});
