/**
 * The dashboard's to-do queries on both databases, through real imports, publications and reports:
 * what an organisation sees of its own territory, what a platform admin sees across all of them.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { createFieldReport, rejectFieldReport } from "@/lib/data/field-reports";
import { saveDirectoryOperator } from "@/lib/data/operator-directory";
import { setPublicContact } from "@/lib/data/public-contacts";
import { savePublication, withdrawPublication } from "@/lib/data/publications";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { ZFieldReportForm } from "@/lib/validation/field-reports";
import { ZDirectoryOperatorForm } from "@/lib/validation/operators";
import { ZPublicationForm } from "@/lib/validation/publications";
import { getDashboardTodo } from "./dashboard";
import { listSourceAges } from "./sources";

const NOW = new Date("2026-11-30T10:00:00Z");
const options = { triggeredBy: "test" };
const ORIGIN = "https://fibre-pro.test";
const BOURG = ["01053_dash_00001", "01053_dash_00002", "01053_dash_00003"];
const SAINT_ETIENNE = "42218_dash_00001";

const admin = { id: "u-admin", email: "admin@test", name: null, role: "ADMIN", organisationId: null, organisationName: null, territory: new Set<string>() } satisfies Actor;
let bourg: Actor;
let bourgAdmin: Actor;
let stEtienne: Actor;

const zone = (id: string, inseeCode: string, name: string, lon: number, lat: number) => ({
  type: "Feature",
  properties: { site_id: id, site_nom: name, site_comm_insee: inseeCode },
  geometry: { type: "Polygon", coordinates: [[[lon - 0.002, lat - 0.002], [lon + 0.002, lat - 0.002], [lon + 0.002, lat + 0.002], [lon - 0.002, lat + 0.002], [lon - 0.002, lat - 0.002]]] },
});

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-dash.csv", [
    BAN_HEADER,
    ...BOURG.map((id, index) => banLine({ id, numero: String(index + 1), nom_voie: "Rue des Tâches", lon: (5.2 + index * 0.01).toFixed(4), lat: "46.2000" })),
    banLine({ id: SAINT_ETIENNE, numero: "1", nom_voie: "Rue des Tâches", code_postal: "42000", nom_commune: "Saint-Étienne", lon: "4.3900", lat: "45.4400" }),
  ]), options);
  await runImport("zones", writeImportFile("zae-dash.geojson", [JSON.stringify({
    type: "FeatureCollection",
    features: [
      zone("01053_SITE-ECO_00061", "01053", "ZA du Calendrier", 5.2, 46.2),
      zone("01053_SITE-ECO_00062", "01053", "ZA sans Calendrier", 5.21, 46.2),
      zone("01053_SITE-ECO_00063", "01053", "ZA du Calendrier retiré", 5.22, 46.2),
      zone("42218_SITE-ECO_00061", "42218", "ZA de Saint-Étienne", 4.39, 45.44),
    ],
  })]), options);
  // Bourg's facts come from an IPE file of January 2026 (stale on 30/11/2026); Saint-Étienne's from a fresher one.
  await runImport("ipe", writeImportFile("ANCIEN_01_PM_IPEZMD_V20_20260110_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/D1", numero: "1", typeVoie: "RUE", nomVoie: "DES TACHES", etat: "DEPLOYE", dateMes: "20220101", codeOI: "ANCI" }),
  ]), { ...options, sourceName: "IPE Ancien" });
  await runImport("ipe", writeImportFile("FRAIS_42_PM_IPEZMD_V20_20261001_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/D9", insee: "42218", numero: "1", typeVoie: "RUE", nomVoie: "DES TACHES", etat: "EN COURS DE DEPLOIEMENT" }),
  ]), { ...options, sourceName: "IPE Frais" });

  const bourgOrganisation = await db.organisation.create({ data: { name: "Agglo de Bourg", kind: "EPCI", communes: { create: [{ inseeCode: "01053" }] } } });
  const stEtienneOrganisation = await db.organisation.create({ data: { name: "Métropole de Saint-Étienne", kind: "EPCI", communes: { create: [{ inseeCode: "42218" }] } } });
  bourg = { id: "u-bourg", email: "editeur@bourg.test", name: "Éditrice", role: "EDITOR", organisationId: bourgOrganisation.id, organisationName: bourgOrganisation.name, territory: new Set(["01053"]) };
  bourgAdmin = { ...bourg, id: "u-bourg-admin", email: "admin@bourg.test", role: "ORG_ADMIN" };
  stEtienne = { id: "u-se", email: "editeur@se.test", name: null, role: "EDITOR", organisationId: stEtienneOrganisation.id, organisationName: stEtienneOrganisation.name, territory: new Set(["42218"]) };
  await setPublicContact(admin, { organisationId: stEtienneOrganisation.id, publicEmail: "eco@se.example", publicPhone: null, publicUrl: null });

  const publish = (actor: Actor, input: Record<string, unknown>, intent: "publish" | "draft" = "publish") =>
    savePublication(actor, ZPublicationForm.parse({ scope: "ZONE", technology: "FTTE", status: "PREVU", plannedDate: "T3 2027", ...input }), { intent });
  await publish(bourg, { zoneId: "01053_SITE-ECO_00061", otherOperators: "Fibre Locale" });
  const withdrawn = await publish(bourg, { zoneId: "01053_SITE-ECO_00063" });
  await withdrawPublication(bourg, withdrawn.id, withdrawn.version);
  await publish(bourg, { zoneId: "01053_SITE-ECO_00062", technology: "FTTO" }, "draft");

  const report = (addressId: string) => createFieldReport(addressId, ZFieldReportForm.parse({ kind: "OTHER", description: "La fibre est arrivée dans la rue." }));
  await report(BOURG[0]!);
  await report(SAINT_ETIENNE);
  const decided = await report(BOURG[1]!);
  await rejectFieldReport(bourg, decided.id, "Rien de nouveau selon l'opérateur.", ORIGIN);

  await db.importJob.create({
    data: { organisationId: bourgOrganisation.id, userEmail: bourg.email, format: "ipe", fileName: "verifie.csv", filePath: "/tmp/none", byteSize: 10, state: "CHECKED" },
  });
  await db.importJob.create({
    data: { organisationId: stEtienneOrganisation.id, userEmail: stEtienne.email, format: "ipe", fileName: "applique.csv", filePath: "/tmp/none", byteSize: 10, state: "APPLIED" },
  });
});

describe("the dashboard's to-do list", () => {
  it("an organisation sees its own territory: zones without a current calendar, waiting reports, drafts, checked files, stale sources", async () => {
    const todo = await getDashboardTodo(bourg, NOW);
    // The zone whose publication was withdrawn has no calendar any more; the draft does not count.
    expect(todo.zonesWithoutCalendar.zones.map((entry) => entry.name).sort()).toEqual(["ZA du Calendrier retiré", "ZA sans Calendrier"]);
    expect(todo.zonesWithoutCalendar.count).toBe(2);
    expect(todo.pendingReports.count).toBe(1);
    expect(todo.pendingReports.oldest).toBeInstanceOf(Date);
    expect(todo.drafts.count).toBe(1);
    expect(todo.drafts.drafts[0]).toMatchObject({ technology: "FTTO", zone: { name: "ZA sans Calendrier" } });
    expect(todo.checkedImports.jobs.map((job) => job.fileName)).toEqual(["verifie.csv"]);
    expect(todo.staleSources).toEqual([{ kind: "IPE", name: "IPE Ancien", date: new Date("2026-01-10T00:00:00Z"), isFileDate: true }]);
    expect(todo.withoutContact).toBe(1);
    expect(todo.unlistedCodes).toBeNull();
  });

  it("another organisation sees none of it, and nothing stale in its fresher sources", async () => {
    const todo = await getDashboardTodo(stEtienne, NOW);
    expect(todo.zonesWithoutCalendar.zones.map((entry) => entry.name)).toEqual(["ZA de Saint-Étienne"]);
    expect(todo.pendingReports.count).toBe(1);
    expect(todo.drafts.count).toBe(0);
    expect(todo.checkedImports.count).toBe(0);
    expect(todo.staleSources).toEqual([]);
    expect((await listSourceAges(stEtienne)).map((source) => source.name)).toEqual(["IPE Frais"]);
    expect(todo.withoutContact).toBe(0);
  });

  it("a platform admin sees every organisation's items, the codes without a directory entry and the organisations without a contact", async () => {
    const todo = await getDashboardTodo(admin, NOW);
    expect(todo.zonesWithoutCalendar.count).toBe(3);
    expect(todo.zonesWithoutCalendar.zones.map((entry) => entry.name)).toContain("ZA de Saint-Étienne");
    expect(todo.pendingReports.count).toBe(2);
    expect(todo.drafts.drafts[0]).toMatchObject({ organisation: { name: "Agglo de Bourg" } });
    expect(todo.checkedImports.count).toBe(1);
    expect(todo.staleSources.map((source) => source.name)).toEqual(["IPE Ancien"]);
    expect(todo.withoutContact).toBe(1);
    // ANCI and the frais file's LIAI (IPE), the publication's « Fibre Locale »: none claimed yet.
    expect(todo.unlistedCodes).toBe(3);
    const claimed = ZDirectoryOperatorForm.parse({ name: "Ancien Réseau", codes: "ANCI", coverage: "national", isDemo: false });
    await saveDirectoryOperator(admin, claimed);
    expect((await getDashboardTodo(admin, NOW)).unlistedCodes).toBe(2);
  });

  it("an account without an organisation (and no platform role) has nothing to do", async () => {
    const orphan: Actor = { ...bourg, id: "u-orphan", organisationId: null, organisationName: null, territory: new Set() };
    const todo = await getDashboardTodo(orphan, NOW);
    expect(todo).toMatchObject({ zonesWithoutCalendar: { count: 0 }, pendingReports: { count: 0 }, drafts: { count: 0 }, staleSources: [], withoutContact: 0 });
  });

  it("a newer file of the stale source that restates the same facts makes it fresh", async () => {
    await runImport("ipe", writeImportFile("ANCIEN_01_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
      IPE_HEADER,
      ipeLine({ id: "IMB/D1", numero: "1", typeVoie: "RUE", nomVoie: "DES TACHES", etat: "DEPLOYE", dateMes: "20220101", codeOI: "ANCI" }),
    ]), { ...options, sourceName: "IPE Ancien" });
    expect((await getDashboardTodo(bourg, NOW)).staleSources).toEqual([]);
    expect((await listSourceAges(bourg))[0]).toMatchObject({ name: "IPE Ancien", date: new Date("2026-11-15T00:00:00Z") });
    // An organisation admin is also told about its missing public contact; setting it takes the item off.
    expect((await getDashboardTodo(bourgAdmin, NOW)).withoutContact).toBe(1);
    await setPublicContact(bourgAdmin, { organisationId: bourg.organisationId!, publicEmail: null, publicPhone: "04 74 00 00 00", publicUrl: null });
    expect((await getDashboardTodo(bourgAdmin, NOW)).withoutContact).toBe(0);
  });
});
