import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { purgeChanges } from "@/lib/data/changes";
import { savePublication, withdrawPublication } from "@/lib/data/publications";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { validated } from "@/lib/testing/openapi";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { ZPublicationForm } from "@/lib/validation/publications";
import { GET } from "./route";

const options = { triggeredBy: "test" };
const ipeName = (date: string) => `LIAIN_01_SIEA_PM_IPEZMD_V20_${date}_00_PBOOK.csv`;
const A = "01053_0150_00012";
const B = "01053_0150_00014";
const C = "01002_w4ld4h_00006";
const D = "42218_sain_00005";

const get = (query: string) => validated(GET(new NextRequest(`http://localhost/api/v1/changes${query}`), { params: Promise.resolve({}) }), "/api/v1/changes");
const page = async (query: string) => {
  const response = await get(query);
  expect(response.status).toBe(200);
  return response.json();
};
/** Every change from `since`, through the cursor pages: "kind id technology previous→status". */
async function changesSince(since: Date, extra = ""): Promise<string[]> {
  const lines: string[] = [];
  let body = await page(`?since=${since.toISOString()}&limit=2${extra}`);
  for (;;) {
    for (const item of body.items) {
      lines.push(`${item.kind} ${item.id} ${item.technology} ${item.previous ? `${item.previous.status}/${item.previous.level}` : "-"}→${item.status ? `${item.status}/${item.level}` : "-"} ${item.source.kind}`);
    }
    if (!body.nextCursor) return lines;
    body = await page(`?cursor=${body.nextCursor}&limit=2${extra}`);
  }
}

let editor: Actor;

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-changes.csv", [
    BAN_HEADER,
    banLine({ id: A, numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: B, numero: "14", lon: "5.2260", lat: "46.2049" }),
    banLine({ id: C, numero: "6", nom_voie: "Place du Pese Lait", code_postal: "01640", lon: "5.425179", lat: "46.005447" }),
    banLine({ id: D, numero: "5", nom_voie: "Rue de la Paix", code_postal: "42000", nom_commune: "Saint-Étienne", lon: "4.39", lat: "45.43" }),
  ]), options);
  const organisation = await db.organisation.create({ data: { name: "Saint-Étienne Métropole", kind: "EPCI", communes: { create: [{ inseeCode: "42218" }] } } });
  editor = { id: "u-sem", email: "editeur@sem.test", name: "Éditeur", role: "EDITOR", organisationId: organisation.id, organisationName: organisation.name, territory: new Set(["42218"]) };
});

describe("GET /api/v1/changes", () => {
  const first = [
    IPE_HEADER,
    ipeLine({ id: "IMB/1", numero: "12", nomVoie: "AVENUE D ALSACE LORRAINE" }),
    ipeLine({ id: "IMB/2", etat: "EN COURS DE DEPLOIEMENT", numero: "14", nomVoie: "AVENUE D ALSACE LORRAINE" }),
    ipeLine({ id: "IMB/3", etat: "CIBLE", insee: "01002", x: "5.42520", y: "46.00546", projection: "WGS84" }),
  ];
  let start: Date;

  it("logs an address's first facts with previous null, and nothing for an unchanged re-import", async () => {
    start = new Date(Date.now() - 1000);
    await runImport("ipe", writeImportFile(ipeName("20261115"), first), options);
    expect(await changesSince(start)).toEqual([
      `address ${A} FTTH -→DEPLOYE/AVAILABLE IPE`,
      `address ${B} FTTH -→EN_COURS/PLANNED IPE`,
      `address ${C} FTTH -→CIBLE/PLANNED IPE`,
    ]);
    const count = await db.changeLogEntry.count();
    await runImport("ipe", writeImportFile(ipeName("20261115"), first), options);
    expect(await db.changeLogEntry.count()).toBe(count);
  });

  it("logs a change of status with what was before, and a withdrawal with status null", async () => {
    const since = new Date();
    await runImport("ipe", writeImportFile(ipeName("20261201"), [
      IPE_HEADER,
      // Same status, new opening date: not a change.
      ipeLine({ id: "IMB/1", numero: "12", nomVoie: "AVENUE D ALSACE LORRAINE", dateMes: "20221201" }),
      ipeLine({ id: "IMB/2", etat: "DEPLOYE", numero: "14", nomVoie: "AVENUE D ALSACE LORRAINE" }),
    ]), options);
    expect((await changesSince(since)).sort()).toEqual([
      `address ${C} FTTH CIBLE/PLANNED→- IPE`,
      `address ${B} FTTH EN_COURS/PLANNED→DEPLOYE/AVAILABLE IPE`,
    ]);
  });

  it("logs publications and their withdrawal, and filters by département", async () => {
    const since = new Date();
    const form = (status: string) =>
      ZPublicationForm.parse({ scope: "ADDRESSES", addressIds: D, technology: "FTTO", status, plannedDate: status === "PREVU" ? "T3 2027" : "", operatorCodes: [] });
    const published = await savePublication(editor, form("PREVU"), { intent: "publish" });
    const again = await savePublication(editor, form("PREVU"), { id: published.id, expectedVersion: published.version, intent: "publish" });
    const changed = await savePublication(editor, form("DEPLOYE"), { id: published.id, expectedVersion: again.version, intent: "publish" });
    await withdrawPublication(editor, published.id, changed.version);
    const expected = [
      `address ${D} FTTO -→PREVU/PLANNED PUBLICATION`,
      `address ${D} FTTO PREVU/PLANNED→DEPLOYE/AVAILABLE PUBLICATION`,
      `address ${D} FTTO DEPLOYE/AVAILABLE→- PUBLICATION`,
    ];
    expect(await changesSince(since)).toEqual(expected);
    expect(await changesSince(start, "&departement=42")).toEqual(expected);
    const inAin = await changesSince(start, "&departement=01");
    expect(inAin).toHaveLength(5);
    expect(inAin.every((line) => line.startsWith("address 01"))).toBe(true);
    const { items } = await page(`?since=${since.toISOString()}&departement=42&limit=1`);
    expect(items[0]).toEqual({
      kind: "address", id: D, technology: "FTTO", level: "PLANNED", status: "PREVU", previous: null,
      source: { kind: "PUBLICATION", name: "Saint-Étienne Métropole" }, changedAt: expect.any(String),
    });
  });

  it("refuses a since older than the retention, a bad cursor, and both or neither of since and cursor", async () => {
    const old = new Date(Date.now() - 91 * 86_400_000).toISOString();
    for (const query of [`?since=${old}`, "?cursor=garbage", "?cursor=WyJ4Il0", "", `?since=${new Date().toISOString()}&cursor=WyJ4IiwieSJd`, "?since=yesterday", "?since=2026-11-01T00:00:00Z&departement=20"]) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
  });

  it("the worker's purge deletes entries older than 90 days, and only those", async () => {
    const now = new Date();
    await db.changeLogEntry.create({
      data: { id: "old-entry", kind: "address", subjectId: A, departement: "01", technology: "FTTH", status: "DEPLOYE", sourceKind: "IPE", sourceName: "IPE LIAIN", changedAt: new Date(now.getTime() - 91 * 86_400_000) },
    });
    const before = await db.changeLogEntry.count();
    expect(await purgeChanges(now)).toBe(1);
    expect(await db.changeLogEntry.count()).toBe(before - 1);
    expect(await db.changeLogEntry.findUnique({ where: { id: "old-entry" } })).toBeNull();
  });
});
