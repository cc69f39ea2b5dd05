/**
 * Zone outlines (issue #15): a zone imported with a 19,999-point outline — allowed, the limit is
 * 20,000 — keeps its pages light: the zone, its commune, an address inside and the map's data
 * each stay under 300 KB, because they carry the simplified display copy, not the original.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { wavyPolygon } from "../lib/testing/big-outline";
import { BAN_HEADER, banLine } from "../lib/testing/import-files";
import { expect, test, uniqueSuffix } from "./admin-fixtures";

const MAX_BYTES = 300 * 1024;
const CENTRE: [number, number] = [5.4252, 46.0055];

test("pages around a zone with a 19,999-point outline stay under 300 KB", async ({ page, request, server, expectAccessible }) => {
  test.slow();
  const suffix = uniqueSuffix();
  const addressId = `01002_e2e${suffix}_00007`;
  const zoneId = `01002_SITE-ECO_8${suffix}`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-e2e-outline-"));
  const ban = path.join(folder, "adresses.csv");
  fs.writeFileSync(ban, [
    BAN_HEADER,
    banLine({ id: addressId, numero: "7", nom_voie: "Rue du Contour Détaillé", code_postal: "01640", nom_commune: "L'Abergement-de-Varey", lon: String(CENTRE[0]), lat: String(CENTRE[1]) }),
  ].join("\n"));
  const zones = path.join(folder, "zones.geojson");
  fs.writeFileSync(zones, JSON.stringify({
    type: "FeatureCollection",
    features: [{ type: "Feature", properties: { site_id: zoneId, site_nom: `ZA au contour détaillé ${suffix}`, site_comm_insee: "01002" }, geometry: wavyPolygon(19_999, CENTRE) }],
  }));
  const importFile = (format: string, file: string) =>
    execFileSync("node_modules/.bin/tsx", ["scripts/import.ts", format, file, "--source", `E2E contour ${suffix}`], {
      env: { ...process.env, DATABASE_URL: server.databaseUrl },
      encoding: "utf8",
    });
  importFile("ban", ban);
  expect(importFile("zones", zones)).toContain("created 1");

  for (const url of [`/zone/${zoneId}`, "/commune/01002", `/adresse/${addressId}`, `/api/v1/map?bbox=5.40,45.99,5.45,46.02&zoom=14`]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(200);
    expect((await response.body()).length, url).toBeLessThan(MAX_BYTES);
  }

  await page.goto(`/adresse/${addressId}`);
  await expect(page.getByRole("link", { name: new RegExp(`ZA au contour détaillé ${suffix}`) }).first()).toBeVisible();
  await page.goto(`/zone/${zoneId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`ZA au contour détaillé ${suffix}`);
  await expect(page.getByRole("region", { name: /^Carte : périmètre/ }).locator("path.leaflet-interactive").first()).toBeVisible();
  await expectAccessible();
});
