import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { getAddressEligibility } from "@/lib/data/eligibility";
import { getZoneSchedule } from "@/lib/data/zones";
import { AppError } from "@/lib/errors";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { ZPublicationForm } from "@/lib/validation/publications";
import { deleteDraft, savePublication, withdrawPublication } from "./publications";

const options = { triggeredBy: "test" };
const ZONE_ID = "01053_SITE-ECO_00077";
const square = (lon: number, lat: number, size: number) => [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]];

let ca3b: Actor;
let other: Actor;

const form = (input: Record<string, unknown>) => ZPublicationForm.parse({ technology: "FTTE", status: "PREVU", plannedDate: "T3 2027", operatorCodes: [], ...input });

async function expectAppError(promise: Promise<unknown>, code: string): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  return error as AppError;
}

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-pub.csv", [
    BAN_HEADER,
    banLine({ id: "01053_pub1_00001", numero: "1", nom_voie: "Rue des Entrepreneurs", lon: "5.2105", lat: "46.2105" }),
    banLine({ id: "01053_pub1_00002", numero: "2", nom_voie: "Rue des Entrepreneurs", lon: "5.2110", lat: "46.2110" }),
    banLine({ id: "01053_pub1_00003", numero: "3", nom_voie: "Rue des Entrepreneurs", lon: "5.2500", lat: "46.2500" }),
  ]), options);
  await runImport("zones", writeImportFile("zae-pub.geojson", [JSON.stringify({
    type: "FeatureCollection",
    features: [{
      type: "Feature",
      properties: { site_id: ZONE_ID, site_nom: "ZA des Entrepreneurs", site_type: "zone d'activité économique", site_etat: "existant et actif", site_comm_insee: "01053", site_comm_nom: "Bourg-en-Bresse" },
      geometry: { type: "Polygon", coordinates: square(5.21, 46.21, 0.005) },
    }],
  })]), options);
  // The IPE says FttE is not there (a line without free dedicated fibre) on 15/11/2026.
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/PUB1", numero: "1", typeVoie: "RUE", nomVoie: "DES ENTREPRENEURS", etat: "EN COURS DE DEPLOIEMENT" }),
  ]), options);
  for (const [code, name] of [["FRTE", "Orange"], ["SFR0", "SFR"]]) {
    await db.operator.upsert({ where: { code: code! }, create: { code: code!, name: name!, role: "COMMERCIAL" }, update: {} });
  }
  const organisation = await db.organisation.create({ data: { name: "CA du Bassin de Bourg-en-Bresse", kind: "EPCI", communes: { create: [{ inseeCode: "01053" }] } } });
  const elsewhere = await db.organisation.create({ data: { name: "Saint-Étienne Métropole", kind: "EPCI", communes: { create: [{ inseeCode: "42218" }] } } });
  ca3b = { id: "u-ca3b", email: "editeur@ca3b.test", name: "Camille Éditrice", role: "EDITOR", organisationId: organisation.id, organisationName: organisation.name, territory: new Set(["01053"]) };
  other = { id: "u-other", email: "editeur@sem.test", name: null, role: "EDITOR", organisationId: elsewhere.id, organisationName: elsewhere.name, territory: new Set(["42218"]) };
});

describe("publications", () => {
  it("a draft is invisible; publishing puts it on the zone's addresses with the organisation as source, and keeps version 1", async () => {
    const draft = await savePublication(ca3b, form({ scope: "ZONE", zoneId: ZONE_ID, operatorCodes: ["FRTE", "SFR0"], message: "Raccordements à commander dès l'ouverture." }), { intent: "draft" });
    expect(draft).toMatchObject({ state: "DRAFT", version: 1, factCount: 0 });
    expect(await getZoneSchedule(ZONE_ID)).toEqual([]);

    const published = await savePublication(ca3b, form({ scope: "ZONE", zoneId: ZONE_ID, operatorCodes: ["FRTE", "SFR0"], message: "Raccordements à commander dès l'ouverture." }), { id: draft.id, expectedVersion: 1, intent: "publish" });
    expect(published).toMatchObject({ state: "PUBLISHED", version: 2, factCount: 1 });

    const schedule = await getZoneSchedule(ZONE_ID);
    expect(schedule).toHaveLength(1);
    expect(schedule[0]).toMatchObject({ technology: "FTTE", status: "PREVU", plannedPrecision: "QUARTER", sourceKind: "PUBLICATION", sourceName: "CA du Bassin de Bourg-en-Bresse" });
    expect(schedule[0]!.plannedDate?.toISOString().slice(0, 10)).toBe("2027-07-01");
    expect(schedule[0]!.operators.map((operator) => operator.operatorCode)).toEqual(["FRTE", "SFR0"]);

    const address = await getAddressEligibility("01053_pub1_00001");
    const ftte = address!.technologies.find((entry) => entry.technology === "FTTE")!;
    expect(ftte).toMatchObject({ status: "PREVU", planned: { precision: "QUARTER" }, message: "Raccordements à commander dès l'ouverture." });
    expect(ftte.source).toMatchObject({ kind: "PUBLICATION", name: "CA du Bassin de Bourg-en-Bresse" });
    expect(ftte.operators.map((operator) => operator.name)).toEqual(["Orange", "SFR"]);
    // An address outside the zone is untouched.
    const outside = await getAddressEligibility("01053_pub1_00003");
    expect(outside!.technologies.find((entry) => entry.technology === "FTTE")!.source).toBeNull();

    const versions = await db.publicationVersion.findMany({ where: { publicationId: draft.id } });
    expect(versions.map((version) => version.number)).toEqual([1]);
    const audit = await db.auditEntry.findMany({ where: { entityId: draft.id }, orderBy: { at: "asc" } });
    expect(audit.map((entry) => entry.action)).toEqual(["publication.create", "publication.publish"]);
    expect(JSON.parse(audit[1]!.after!)).toMatchObject({ technology: "FTTE", status: "PREVU", plannedDate: "2027-07-01", plannedPrecision: "QUARTER", operatorCodes: ["FRTE", "SFR0"] });
    expect(audit[1]).toMatchObject({ actorEmail: "editeur@ca3b.test", organisationId: ca3b.organisationId });
  });

  it("editing a published update makes a new version that replaces the facts; the history keeps both", async () => {
    const first = await savePublication(ca3b, form({ scope: "ADDRESSES", addressIds: "01053_pub1_00002", technology: "FTTO", status: "PREVU", plannedDate: "S2 2027" }), { intent: "publish" });
    const second = await savePublication(ca3b, form({ scope: "ADDRESSES", addressIds: "01053_pub1_00002", technology: "FTTO", status: "DEPLOYE", plannedDate: "", availableSince: "2026-11-20", otherOperators: "Kosc" }), { id: first.id, expectedVersion: first.version, intent: "publish" });
    expect(second.version).toBe(first.version + 1);
    const facts = await db.availability.findMany({ where: { publicationId: first.id }, include: { operators: { include: { operator: true } } } });
    expect(facts).toHaveLength(1);
    expect(facts[0]).toMatchObject({ addressId: "01053_pub1_00002", status: "DEPLOYE", plannedDate: null });
    expect(facts[0]!.operators.map((operator) => operator.operator.name)).toEqual(["Kosc"]);
    const versions = await db.publicationVersion.findMany({ where: { publicationId: first.id }, orderBy: { number: "asc" } });
    expect(versions.map((version) => JSON.parse(version.content).status)).toEqual(["PREVU", "DEPLOYE"]);
    const audit = await db.auditEntry.findFirst({ where: { entityId: first.id }, orderBy: { at: "desc" } });
    expect(JSON.parse(audit!.before!).status).toBe("PREVU");
    expect(JSON.parse(audit!.after!).status).toBe("DEPLOYE");
  });

  it("a save made from an older version is refused and changes nothing (optimistic locking)", async () => {
    const created = await savePublication(ca3b, form({ scope: "COMMUNE", inseeCode: "01053", technology: "FTTH_PRO", status: "PREVU", plannedDate: "2028" }), { intent: "draft" });
    await savePublication(ca3b, form({ scope: "COMMUNE", inseeCode: "01053", technology: "FTTH_PRO", status: "PREVU", plannedDate: "T1 2028", message: "first" }), { id: created.id, expectedVersion: created.version, intent: "draft" });
    const error = await expectAppError(
      savePublication(ca3b, form({ scope: "COMMUNE", inseeCode: "01053", technology: "FTTH_PRO", status: "PREVU", plannedDate: "T2 2028", message: "second" }), { id: created.id, expectedVersion: created.version, intent: "draft" }),
      "conflict",
    );
    expect(error.message).toMatch(/modifiée par Camille Éditrice pendant que vous l'éditiez/);
    const stored = await db.publication.findUnique({ where: { id: created.id } });
    expect(stored).toMatchObject({ message: "first", version: created.version + 1 });
  });

  it("publishing for a commune states every address of it", async () => {
    const result = await savePublication(ca3b, form({ scope: "COMMUNE", inseeCode: "01053", technology: "FTTH_PRO", status: "PREVU", plannedDate: "T4 2027" }), { intent: "publish" });
    expect(result.factCount).toBe(await db.address.count({ where: { inseeCode: "01053" } }));
  });

  it("another organisation cannot publish for this zone, change this publication, or reach addresses outside its territory", async () => {
    await expectAppError(savePublication(other, form({ scope: "ZONE", zoneId: ZONE_ID }), { intent: "publish" }), "forbidden");
    await expectAppError(savePublication(other, form({ scope: "COMMUNE", inseeCode: "01053" }), { intent: "publish" }), "forbidden");
    await expectAppError(savePublication(other, form({ scope: "ADDRESSES", addressIds: "01053_pub1_00001" }), { intent: "publish" }), "forbidden");
    const mine = await savePublication(ca3b, form({ scope: "ZONE", zoneId: ZONE_ID, technology: "FTTH" , status: "EN_COURS", plannedDate: "" }), { intent: "draft" });
    await expectAppError(savePublication(other, form({ scope: "COMMUNE", inseeCode: "42218" }), { id: mine.id, expectedVersion: mine.version, intent: "publish" }), "forbidden");
    await expectAppError(withdrawPublication(other, mine.id, mine.version), "forbidden");
    await expectAppError(deleteDraft(other, mine.id, mine.version), "forbidden");
    expect(await db.publication.findUnique({ where: { id: mine.id } })).toMatchObject({ state: "DRAFT", version: mine.version });
  });

  it("withdrawing takes the facts off the public pages and keeps the history", async () => {
    const published = await savePublication(ca3b, form({ scope: "ADDRESSES", addressIds: "01053_pub1_00003", technology: "FTTE", status: "PREVU", plannedDate: "T2 2027" }), { intent: "publish" });
    expect((await getAddressEligibility("01053_pub1_00003"))!.technologies.find((entry) => entry.technology === "FTTE")!.status).toBe("PREVU");
    await withdrawPublication(ca3b, published.id, published.version);
    expect((await getAddressEligibility("01053_pub1_00003"))!.technologies.find((entry) => entry.technology === "FTTE")!.source).toBeNull();
    expect(await db.publicationVersion.count({ where: { publicationId: published.id } })).toBe(1);
    expect(await db.publication.findUnique({ where: { id: published.id } })).toMatchObject({ state: "WITHDRAWN" });
  });

  it("refuses unknown addresses and invalid dates with a reason per field", async () => {
    const error = await expectAppError(savePublication(ca3b, form({ scope: "ADDRESSES", addressIds: "01053_nope_00001" }), { intent: "draft" }), "bad_request");
    expect(error.invalidParams[0]).toMatchObject({ name: "addressIds" });
    const parsed = ZPublicationForm.safeParse({ scope: "ZONE", zoneId: ZONE_ID, technology: "FTTE", status: "PREVU", plannedDate: "bientôt" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({ path: ["plannedDate"] });
  });
});
