import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import {
  ARCEP_BUILDINGS_HEADER, BAN_HEADER, IPE_HEADER, arcepBuildingLine, banLine, ipeLine, writeImportFile,
} from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { GET } from "./route";
import { validated } from "@/lib/testing/openapi";

const options = { triggeredBy: "test" };

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-01.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01053_0150_00014", numero: "14", lon: "5.2260", lat: "46.2049" }),
  ]), options);
  // Arcep (older) says deployed; the operator's IPE (newer) says in progress, opening 01/03/2027, FttE possible later.
  await runImport("arcep-immeubles", writeImportFile("arcep-immeubles-2026t3.csv", [
    ARCEP_BUILDINGS_HEADER,
    arcepBuildingLine({ id: "IMB/A", x: "5.2256", y: "46.2046", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", etat: "deploye", pmDateMad: "2025-01-10" }),
  ]), { ...options, fileDate: new Date("2026-10-01T00:00:00Z") });
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/A", etat: "EN COURS DE DEPLOIEMENT", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", dateMes: "20270301", x: "5.22561", y: "46.20461", projection: "WGS84" }),
  ]), options);
});

const context = (banId: string) => ({ params: Promise.resolve({ banId }) });
const get = (banId: string) => validated(GET(new NextRequest(`http://localhost/api/v1/addresses/${banId}`), context(banId)), "/api/v1/addresses/{banId}");

describe("GET /api/v1/addresses/{banId}", () => {
  it("answers the address, each technology with its level, basis, status, date, operators and source, the headline, next steps and buildings", async () => {
    const response = await get("01053_0150_00012");
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.address).toEqual({
      id: "01053_0150_00012",
      label: "12 Avenue d'Alsace-Lorraine, 01000 Bourg-en-Bresse",
      number: 12,
      suffix: null,
      street: "Avenue d'Alsace-Lorraine",
      postcode: "01000",
      inseeCode: "01053",
      commune: "Bourg-en-Bresse",
      lat: 46.2046,
      lon: 5.2256,
    });
    expect(body.zone).toBeNull();
    expect(body.technologies.map((entry: { technology: string }) => entry.technology)).toEqual(["FTTH", "FTTH_PRO", "FTTE", "FTTO"]);
    const [ftth, ftthPro] = body.technologies;
    expect(ftth).toEqual({
      technology: "FTTH",
      level: "PLANNED",
      levelLabel: "Prévu au plus tôt le 1er mars 2027",
      basis: "SOURCE",
      status: "EN_COURS",
      statusLabel: "Déploiement en cours",
      planned: { date: "2027-03-01", precision: "DAY" },
      operators: [{ code: "LIAI", name: "opérateur LIAI (code non référencé)", role: "INFRASTRUCTURE" }],
      source: { kind: "IPE", name: "IPE LIAIN", date: "2026-11-15" },
      disagreements: [
        { status: "DEPLOYE", statusLabel: "Raccordable", source: { kind: "ARCEP_IMMEUBLES", name: "Arcep Carte fibre", date: "2026-10-01" } },
      ],
    });
    expect(ftthPro).toMatchObject({ level: "NOT_ANNOUNCED", basis: "NONE", status: "NON_PREVU", statusLabel: "Aucun déploiement annoncé", operators: [], source: null });
    expect(body.technologies[3]).toMatchObject({ technology: "FTTO", level: "ON_REQUEST", basis: "GENERAL_RULE", levelLabel: "Sur étude — demandez un devis", source: null });
    expect(body.technologies[3].explanation).toMatch(/^Règle générale/);
    expect(body.headline).toBe("Fibre prévue au plus tôt le 1er mars 2027");
    expect(body.nextSteps.map((step: { kind: string }) => step.kind)).toEqual(["ALERT", "REPORT", "GUIDE"]);
    expect(body.nextSteps[0]).toMatchObject({ url: "/adresse/01053_0150_00012#alerte" });
    expect(body.buildings).toEqual([{ id: "IMB/A", lat: 46.20461, lon: 5.22561, status: "EN_COURS", dwellings: 1, source: "IPE LIAIN" }]);
  });

  it("answers 404 problem+json for an unknown id", async () => {
    const response = await get("01053_9999_99999");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.json()).toMatchObject({ status: 404, detail: "Aucune adresse ne porte l'identifiant « 01053_9999_99999 »." });
  });
});
