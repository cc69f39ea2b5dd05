import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { saveDirectoryOperator } from "@/lib/data/operator-directory";
import { ZDirectoryOperatorForm } from "@/lib/validation/operators";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { writeImportFile } from "@/lib/testing/import-files";
import { validated } from "@/lib/testing/openapi";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { GET as listOperators } from "../operators/route";
import { GET } from "./route";

const square = (lon: number, lat: number) => [[[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]]];
const feature = (id: string, insee: string, epci: string | null, lon: number, lat: number) => ({
  type: "Feature",
  properties: { site_id: id, site_nom: `Zone ${id}`, site_type: "zone d'activité économique", site_etat: "existant et actif", site_comm_insee: insee, ...(epci ? { site_epci_siren: epci } : {}) },
  geometry: { type: "Polygon", coordinates: square(lon, lat) },
});

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("zones", writeImportFile("zae-list.geojson", [
    JSON.stringify({
      type: "FeatureCollection",
      features: [
        feature("01053_SITE-ECO_00001", "01053", "200071751", 5.21, 46.21),
        feature("01053_SITE-ECO_00002", "01053", "200071751", 5.25, 46.25),
        feature("01002_SITE-ECO_00003", "01002", "200000001", 5.42, 46.0),
        // The file names no EPCI: the zone is in its commune's.
        feature("42218_SITE-ECO_00004", "42218", null, 4.39, 45.43),
      ],
    }),
  ]), { triggeredBy: "test" });
});

const get = (query: string) => validated(GET(new NextRequest(`http://localhost/api/v1/zones${query}`), { params: Promise.resolve({}) }), "/api/v1/zones");
const ids = async (query: string) => (await (await get(query)).json()).items.map((item: { id: string }) => item.id);

describe("GET /api/v1/zones", () => {
  it("lists the zones of a commune, an EPCI or a box", async () => {
    expect(await ids("?commune=01053")).toEqual(["01053_SITE-ECO_00001", "01053_SITE-ECO_00002"]);
    expect(await ids("?epci=200000001")).toEqual(["01002_SITE-ECO_00003"]);
    expect(await ids("?bbox=5.20,46.20,5.23,46.23")).toEqual(["01053_SITE-ECO_00001"]);
    expect(await ids("?bbox=5.20,46.20,5.23,46.23&commune=01002")).toEqual([]);
    const [first] = (await (await get("?commune=01053&limit=1")).json()).items;
    expect(first).toEqual({
      id: "01053_SITE-ECO_00001",
      name: "Zone 01053_SITE-ECO_00001",
      state: "existant et actif",
      inseeCode: "01053",
      commune: "Bourg-en-Bresse",
      epciSiren: "200071751",
      bbox: [5.21, 46.21, 5.22, 46.22],
    });
  });

  it("lists every zone without a filter, page by page with an opaque cursor", async () => {
    const seen: string[] = [];
    let page = await (await get("?limit=2")).json();
    for (;;) {
      seen.push(...page.items.map((item: { id: string }) => item.id));
      if (!page.nextCursor) break;
      expect(page.nextCursor).not.toContain("SITE-ECO");
      page = await (await get(`?limit=2&cursor=${page.nextCursor}`)).json();
    }
    expect(seen).toEqual(["01002_SITE-ECO_00003", "01053_SITE-ECO_00001", "01053_SITE-ECO_00002", "42218_SITE-ECO_00004"]);
  });

  it("gives a zone its commune's EPCI when the file names none", async () => {
    expect(await ids("?epci=244200770")).toEqual(["42218_SITE-ECO_00004"]);
    const zone = await db.activityZone.findUniqueOrThrow({ where: { id: "42218_SITE-ECO_00004" } });
    expect({ siren: zone.epciSiren, name: zone.epciName }).toEqual({ siren: "244200770", name: "Saint-Étienne Métropole" });
  });

  it("pages with an opaque cursor and refuses one it did not give", async () => {
    const page = await (await get("?commune=01053&limit=1")).json();
    expect(page.nextCursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(page.nextCursor).not.toContain("01053_SITE-ECO_00001");
    const next = await (await get(`?commune=01053&limit=1&cursor=${page.nextCursor}`)).json();
    expect(next.items.map((item: { id: string }) => item.id)).toEqual(["01053_SITE-ECO_00002"]);
    expect(next.nextCursor).toBeNull();
    for (const cursor of ["garbage", "01053_SITE-ECO_00001", "%3D%3D"]) {
      const refused = await get(`?commune=01053&cursor=${cursor}`);
      expect(refused.status, cursor).toBe(400);
      expect((await refused.json()).invalid_params).toEqual([{ name: "cursor", reason: expect.stringMatching(/cursor invalide/) }]);
    }
  });

  it.each([["?cursor=garbage", "cursor"], ["?commune=1053", "commune"], ["?epci=abc", "epci"], ["?bbox=1,2,3", "bbox"], ["?commune=01053&limit=0", "limit"]])(
    "refuses %s with a 400 naming %s",
    async (query, name) => {
      const response = await get(query);
      expect(response.status).toBe(400);
      expect((await response.json()).invalid_params.map((param: { name: string }) => param.name)).toContain(name);
    },
  );
});

describe("GET /api/v1/operators", () => {
  it("lists the operators the sources cite or the directory holds, with the directory's offers and territories", async () => {
    await db.operator.createMany({ data: [{ code: "FRTE", name: "FRTE", role: "INFRASTRUCTURE" }, { code: "SFR0", name: "SFR", role: "COMMERCIAL" }, { code: "ZZZZ", name: "ZZZZ", role: "COMMERCIAL" }] });
    await db.availability.create({
      data: { technology: "FTTH", status: "DEPLOYE", sourceKind: "ARCEP_MCI", sourceName: "test", operators: { create: { operatorCode: "SFR0", role: "COMMERCIAL" } } },
    });
    const admin = { id: "u-admin", email: "admin@test", name: null, role: "ADMIN" as const, organisationId: null, organisationName: null, territory: new Set<string>() };
    await saveDirectoryOperator(admin, ZDirectoryOperatorForm.parse({ name: "Orange", codes: "FRTE", offersUrl: "https://pro.orange.example", technologies: ["FTTH_PRO", "FTTO"], coverage: "national" }));
    const response = await validated(listOperators(new NextRequest("http://localhost/api/v1/operators"), { params: Promise.resolve({}) }), "/api/v1/operators");
    expect((await response.json()).items).toEqual([
      {
        code: "FRTE",
        name: "Orange",
        role: "INFRASTRUCTURE",
        website: null,
        offersUrl: "https://pro.orange.example",
        eligibilityUrl: null,
        technologies: ["FTTH_PRO", "FTTO"],
        territories: { national: true, departements: [] },
        isDemo: false,
      },
      { code: "SFR0", name: "SFR", role: "COMMERCIAL", website: null, offersUrl: null, eligibilityUrl: null, technologies: [], territories: null, isDemo: false },
    ]);
  });
});
