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
  await db.establishment.create({
    data: { siret: "55210055400010", siren: "552100554", tradeName: "Boulangerie Martin", inseeCode: "42218", communeName: "Saint-Étienne", searchName: "boulangerie martin", contentHash: "x" },
  });
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
    ["?q=lyon&limit=51", "limit"],
    ["?q=lyon&limit=deux", "limit"],
    ["?q=lyon&type=foo", "type"],
    ["?q=lyon&type=address&type=zone", "type"],
    ["?q=lyon&citycode=123", "citycode"],
    ["?q=lyon&postcode=1000", "postcode"],
    ["?q=lyon&lat=45.4", "lat"],
    ["?q=lyon&lat=95&lon=4", "lat"],
    ["?q=lyon&lon=400&lat=4", "lon"],
    ["?q=lyon&city=Lyon", "city"],
  ])("refuses %s with a 400 problem+json naming %s", async (query, param) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 400, title: "Requête invalide" });
    expect(problem.detail).toMatch(/\S/);
    expect(problem.invalid_params.map((p: { name: string }) => p.name)).toContain(param);
  });

  it("finds an establishment by SIRET, typed with spaces, as type establishment", async () => {
    const body = await (await get("?q=552%20100%20554%2000010")).json();
    expect(body.results).toEqual([
      expect.objectContaining({ type: "establishment", id: "55210055400010", label: "Boulangerie Martin — Saint-Étienne", addressId: null, url: "/etablissement/55210055400010" }),
    ]);
    expect((await (await get("?q=55210055400028")).json()).results).toEqual([]);
  });

  it("filters by type, commune and postcode, biases by lat+lon, up to 50 results, JSON with its charset", async () => {
    const response = await get("?q=saint&type=commune,establishment&limit=50&citycode=42218&postcode=42000&lat=45.44&lon=4.39");
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    const { results } = await response.json();
    expect(results.map((result: { type: string; id: string }) => `${result.type}:${result.id}`)).toEqual(["commune:42218"]);
    const martin = await (await get("?q=martin&type=establishment")).json();
    expect(martin.results.map((result: { id: string }) => result.id)).toEqual(["55210055400010"]);
    expect((await (await get("?q=martin&type=commune")).json()).results.every((result: { type: string }) => result.type === "commune")).toBe(true);
  });

  it("names every unknown parameter", async () => {
    const problem = await (await get("?q=lyon&city=Lyon&foo=1")).json();
    expect(problem.invalid_params).toEqual([
      { name: "city", reason: "Paramètre inconnu." },
      { name: "foo", reason: "Paramètre inconnu." },
    ]);
  });
});
