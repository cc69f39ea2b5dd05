import fs from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { prepareDueExports, preparedExportPath } from "@/lib/data/prepared-exports";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { validated } from "@/lib/testing/openapi";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { GET as getCsv } from "./availability.csv/route";
import { GET as getGeoJson } from "./availability.geojson/route";
import { GET as getMetadata } from "./metadata/route";

// Read by lib/env.ts when the modules above load: each test file prepares into its own folder.
const exportsDir = vi.hoisted(() => {
  const dir = `${process.env.TMPDIR ?? "/tmp"}/fibre-pro-exports-${process.pid}-${Date.now()}`;
  process.env.EXPORTS_DIR = dir;
  return dir;
});

const ipeName = (date: string) => `LIAIN_01_SIEA_PM_IPEZMD_V20_${date}_00_PBOOK.csv`;

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-dep.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01002_w4ld4h_00006", numero: "6", nom_voie: "Place du Pese Lait", code_postal: "01640", lon: "5.4251", lat: "46.0054" }),
    banLine({ id: "42218_sain_00005", numero: "5", nom_voie: "Rue de la Paix", code_postal: "42000", nom_commune: "Saint-Étienne", lon: "4.39", lat: "45.43" }),
  ]), { triggeredBy: "test" });
  await runImport("ipe", writeImportFile(ipeName("20261115"), [
    IPE_HEADER,
    ipeLine({ id: "IMB/12", etat: "EN COURS DE DEPLOIEMENT", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE" }),
  ]), { triggeredBy: "test" });
});

afterAll(() => fs.rmSync(exportsDir, { recursive: true, force: true }));

const request = (route: string, query: string, headers: Record<string, string> = {}) =>
  new NextRequest(`http://localhost/api/v1/exports/${route}${query}`, { headers });
const csv = (query: string, headers: Record<string, string> = {}) => getCsv(request("availability.csv", query, headers), { params: Promise.resolve({}) });
const rowsOf = async (response: Response) => parse((await response.text()).replace(/^\uFEFF/, ""), { delimiter: ";", columns: true }) as Record<string, string>[];

describe("exports per département", () => {
  it("answers 503 with Retry-After while the département is not prepared yet", async () => {
    const response = await validated(csv("?departement=01"), "/api/v1/exports/availability.csv");
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("600");
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect((await response.json()).detail).toContain("en cours de préparation");
  });

  it("serves the worker's file under its stable name, with ETag and Last-Modified, and 304 on revalidation", async () => {
    expect(await prepareDueExports(new Date())).toEqual(expect.arrayContaining(["01", "42"]));
    expect(path.basename(preparedExportPath("01", "csv"))).toBe("availability-dep-01.csv");
    expect(fs.existsSync(path.join(exportsDir, "availability-dep-01.geojson"))).toBe(true);

    const response = await validated(csv("?departement=01"), "/api/v1/exports/availability.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    const etag = response.headers.get("etag")!;
    const lastModified = response.headers.get("last-modified")!;
    expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    const rows = await rowsOf(response);
    expect(rows.map((row) => row.ban_id).sort()).toEqual(["01002_w4ld4h_00006", "01053_0150_00012"]);
    expect(rows.find((row) => row.ban_id === "01053_0150_00012")!.ftth_statut).toBe("EN_COURS");

    const byTag = await csv("?departement=01", { "If-None-Match": etag });
    expect(byTag.status).toBe(304);
    expect(byTag.headers.get("etag")).toBe(etag);
    expect((await csv("?departement=01", { "If-Modified-Since": lastModified })).status).toBe(304);
    expect((await csv("?departement=01", { "If-None-Match": '"other"' })).status).toBe(200);

    const geojson = await validated(getGeoJson(request("availability.geojson", "?departement=42"), { params: Promise.resolve({}) }), "/api/v1/exports/availability.geojson");
    expect(geojson.status).toBe(200);
    const collection = await geojson.json();
    expect(collection.metadata.territory).toEqual({ kind: "departement", id: "42", name: "Loire" });
    expect(collection.features.map((feature: { id: string }) => feature.id)).toEqual(["42218_sain_00005"]);
  });

  it("prepares again only the département a change touched", async () => {
    expect(await prepareDueExports(new Date())).toEqual([]);
    const before = fs.statSync(preparedExportPath("01", "csv")).mtimeMs;
    await runImport("ipe", writeImportFile(ipeName("20261201"), [
      IPE_HEADER,
      ipeLine({ id: "IMB/12", etat: "DEPLOYE", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE" }),
    ]), { triggeredBy: "test" });
    expect(await prepareDueExports(new Date())).toEqual(["01"]);
    expect(fs.statSync(preparedExportPath("01", "csv")).mtimeMs).toBeGreaterThanOrEqual(before);
    const rows = await rowsOf(await csv("?departement=01"));
    expect(rows.find((row) => row.ban_id === "01053_0150_00012")!.ftth_statut).toBe("DEPLOYE");
    // Still due after EXPORT_MAX_AGE_HOURS even without a change (address imports log none).
    expect(await prepareDueExports(new Date(Date.now() + 25 * 3600_000))).toEqual(expect.arrayContaining(["01", "42"]));
  });

  it("exports a département without addresses live (the worker prepares none)", async () => {
    expect(await prepareDueExports(new Date(Date.now() + 25 * 3600_000))).not.toContain("69");
    const response = await validated(csv("?departement=69"), "/api/v1/exports/availability.csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBeNull();
    expect(await rowsOf(response)).toEqual([]);
  });

  it("takes one territory only, and knows the département", async () => {
    for (const query of ["?departement=01&commune=01053", "?departement=99", "?departement=1"]) {
      const response = await validated(csv(query), "/api/v1/exports/availability.csv");
      expect(response.status, query).toBe(400);
    }
    expect((await validated(csv("?departement=2A"), "/api/v1/exports/availability.csv")).status).toBe(404);
    const metadata = await validated(getMetadata(request("metadata", "?departement=01"), { params: Promise.resolve({}) }), "/api/v1/exports/metadata");
    expect(await metadata.json()).toMatchObject({
      territory: { kind: "departement", id: "01", name: "Ain" },
      files: { csv: "/api/v1/exports/availability.csv?departement=01", geojson: "/api/v1/exports/availability.geojson?departement=01" },
    });
  });
});

