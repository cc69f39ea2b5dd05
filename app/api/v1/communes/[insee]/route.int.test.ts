import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { GET } from "./route";
import { validated } from "@/lib/testing/openapi";

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-commune.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.22", lat: "46.20" }),
    banLine({ id: "01053_0150_00014", numero: "14", lon: "5.24", lat: "46.22" }),
  ]), { triggeredBy: "test" });
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/12", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", dateMes: "20240101" }),
  ]), { triggeredBy: "test" });
});

const get = (insee: string) => validated(GET(new NextRequest(`http://localhost/api/v1/communes/${insee}`), { params: Promise.resolve({ insee }) }), "/api/v1/communes/{insee}");

describe("GET /api/v1/communes/{insee}", () => {
  it("answers the commune, its centre, its coverage and its zones", async () => {
    const response = await get("01053");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.commune).toMatchObject({ inseeCode: "01053", name: "Bourg-en-Bresse", kind: "commune", postcodes: ["01000"], departement: { code: "01" } });
    expect(body.commune.lat).toBeCloseTo(46.21, 6);
    expect(body.commune.lon).toBeCloseTo(5.23, 6);
    expect(body.coverage).toEqual({
      addresses: 2,
      technologies: [
        {
          technology: "FTTH",
          levels: [
            { level: "AVAILABLE", basis: "SOURCE", count: 1, percent: 50 },
            { level: "NOT_ANNOUNCED", basis: "NONE", count: 1, percent: 50 },
          ],
          statuses: [
            { status: "DEPLOYE", statusLabel: "Raccordable", count: 1, percent: 50 },
            { status: "NON_PREVU", statusLabel: "Aucun déploiement annoncé", count: 1, percent: 50 },
          ],
        },
        {
          technology: "FTTH_PRO",
          // The address where FttH can be ordered has no operator selling FttH pro (the directory is empty): nothing announced, said by the directory.
          levels: [
            { level: "NOT_ANNOUNCED", basis: "DIRECTORY", count: 1, percent: 50 },
            { level: "NOT_ANNOUNCED", basis: "NONE", count: 1, percent: 50 },
          ],
          statuses: [{ status: "NON_PREVU", statusLabel: "Aucun déploiement annoncé", count: 2, percent: 100 }],
        },
        {
          technology: "FTTE",
          levels: [{ level: "NOT_ANNOUNCED", basis: "NONE", count: 2, percent: 100 }],
          statuses: [{ status: "NON_PREVU", statusLabel: "Aucun déploiement annoncé", count: 2, percent: 100 }],
        },
        {
          technology: "FTTO",
          levels: [{ level: "ON_REQUEST", basis: "GENERAL_RULE", count: 2, percent: 100 }],
          statuses: [{ status: "NON_PREVU", statusLabel: "Aucun déploiement annoncé", count: 2, percent: 100 }],
        },
      ],
      sources: [{ name: "IPE LIAIN", date: "2026-11-15" }],
    });
    expect(body.zones).toEqual([]);
  });

  it("answers 404 problem+json for an unknown or malformed code", async () => {
    for (const insee of ["99999", "abc"]) {
      const response = await get(insee);
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });
});
