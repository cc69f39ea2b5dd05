import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { validated } from "@/lib/testing/openapi";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { GET } from "./route";

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-nearest.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01053_0150_00014", numero: "14", lon: "5.2260", lat: "46.2049" }),
  ]), { triggeredBy: "test" });
});

const get = (query: string) =>
  validated(GET(new NextRequest(`http://localhost/api/v1/addresses/nearest${query}`), { params: Promise.resolve({}) }), "/api/v1/addresses/nearest");

describe("GET /api/v1/addresses/nearest", () => {
  it("answers the nearest address within the radius, with its distance", async () => {
    // 0.0001° of latitude is 11.1 m: 12 is 11 m away, 14 about 37 m.
    const body = await (await get("?lat=46.2047&lon=5.2256")).json();
    expect(body).toEqual({
      address: { id: "01053_0150_00012", label: "12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse", inseeCode: "01053", lat: 46.2046, lon: 5.2256 },
      distance: 11.1,
    });
    expect((await (await get("?lat=46.20495&lon=5.22605")).json()).address.id).toBe("01053_0150_00014");
  });

  it("answers 404 beyond the radius", async () => {
    const response = await get("?lat=46.2047&lon=5.2256&radius=5");
    expect(response.status).toBe(404);
    expect((await response.json()).detail).toBe("Aucune adresse connue à moins de 5 m de ce point.");
  });

  it.each([["?lat=46.2", "lon"], ["?lat=95&lon=5", "lat"], ["?lat=46&lon=5&radius=5000", "radius"], ["?lat=abc&lon=5", "lat"]])(
    "refuses %s with a 400 naming %s",
    async (query, name) => {
      const response = await get(query);
      expect(response.status).toBe(400);
      expect((await response.json()).invalid_params.map((param: { name: string }) => param.name)).toContain(name);
    },
  );
});
