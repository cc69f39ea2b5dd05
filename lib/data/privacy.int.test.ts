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
});

describe("erasePersonalData", () => {
  it("removes the person's email from every report, keeps the reports and the other people's, and audits without the address", async () => {
    expect(await erasePersonalData(" Gerant@Boulangerie.test ", { id: null, email: "cli:test" })).toEqual({ fieldReports: 2 });
    const reports = await db.fieldReport.findMany({ orderBy: { email: "asc" } });
    expect(reports).toHaveLength(3);
    expect(reports.map((report) => report.email).sort()).toEqual(["autre@entreprise.test", null, null].sort());
    const audit = await db.auditEntry.findFirst({ where: { action: "privacy.erase" } });
    expect(JSON.stringify(audit)).not.toContain("boulangerie");
    expect(await erasePersonalData("gerant@boulangerie.test", { id: null, email: "cli:test" })).toEqual({ fieldReports: 0 });
  });
});
