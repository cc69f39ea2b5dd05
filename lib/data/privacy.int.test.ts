import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { erasePersonalData } from "./privacy";

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-privacy.csv", [BAN_HEADER, banLine({ id: "01053_priv_00001", numero: "1", nom_voie: "Rue de la Vie Privée", lon: "5.2105", lat: "46.2105" })]), { triggeredBy: "test" });
  const report = { addressId: "01053_priv_00001", inseeCode: "01053", kind: "OTHER" as const, description: "Description du constat." };
  await db.fieldReport.createMany({
    data: [
      { ...report, email: "gerant@boulangerie.test" },
      { ...report, email: "gerant@boulangerie.test", state: "REJECTED" },
      { ...report, email: "autre@entreprise.test" },
    ],
  });
  const subscription = { addressId: "01053_priv_00001", targetKey: "a:01053_priv_00001", origin: "https://fibre-pro.test" };
  await db.alertSubscription.createMany({
    data: [
      { ...subscription, email: "gerant@boulangerie.test", confirmedAt: new Date() },
      { ...subscription, email: "autre@entreprise.test" },
    ],
  });
  const mail = { kind: "alert.digest", subject: "Fibre Pro : du nouveau", text: "…", html: "<p>…</p>" };
  await db.outboxMail.createMany({
    data: [
      { ...mail, to: "gerant@boulangerie.test" },
      { ...mail, to: "gerant@boulangerie.test", state: "SENT", sentAt: new Date() },
      { ...mail, to: "autre@entreprise.test" },
    ],
  });
});

describe("erasePersonalData", () => {
  it("removes the person's email from every report, their alerts and mails, keeps the other people's, and audits without the address", async () => {
    expect(await erasePersonalData(" Gerant@Boulangerie.test ", { id: null, email: "cli:test" })).toEqual({ fieldReports: 2, alertSubscriptions: 1, mails: 2 });
    const reports = await db.fieldReport.findMany({ orderBy: { email: "asc" } });
    expect(reports).toHaveLength(3);
    expect(reports.map((report) => report.email).sort()).toEqual(["autre@entreprise.test", null, null].sort());
    const audit = await db.auditEntry.findFirst({ where: { action: "privacy.erase" } });
    expect(JSON.stringify(audit)).not.toContain("boulangerie");
    expect((await db.alertSubscription.findMany()).map((row) => row.email)).toEqual(["autre@entreprise.test"]);
    expect((await db.outboxMail.findMany()).map((row) => row.to)).toEqual(["autre@entreprise.test"]);
    expect(await erasePersonalData("gerant@boulangerie.test", { id: null, email: "cli:test" })).toEqual({ fieldReports: 0, alertSubscriptions: 0, mails: 0 });
  });
});
