/** IPE files with and without the 2025 Code_RNB / Date_RNB columns read alike (header handling only). */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test" };

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-ipe-headers.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
  ]), options);
});

describe("IPE header vintages", () => {
  it.each([
    ["without Code_RNB/Date_RNB (63-column protocol)", "LIAIN_01_SIEA_PM_IPEZMD_V30_20241002_00_PBOOK.csv", IPE_HEADER, ""],
    ["with Code_RNB/Date_RNB (2025)", "LIAIN_01_SIEA_PM_IPEZMD_V30_20251002_00_PBOOK.csv", `${IPE_HEADER};Code_RNB;Date_RNB`, ";QKDVS3HW3NTE;20250301"],
  ])("reads a file %s, Windows-1252 with CRLF", async (_label, name, header, rnb) => {
    const line = ipeLine({ id: `IMB/RNB/${name.slice(28, 32)}`, numero: "12", typeVoie: "AV", nomVoie: "D'ALSACE LORRAINE", commentaire: "accès côté cour" }) + rnb;
    const result = await runImport("ipe", writeImportFile(name, [header, line], { encoding: "windows-1252", eol: "\r\n" }), options);
    expect(result).toMatchObject({ encoding: "windows-1252", isApplied: true });
    expect(result.counts).toMatchObject({ read: 1, created: 1, rejected: 0 });
    expect(await db.building.findUnique({ where: { externalId: `IMB/RNB/${name.slice(28, 32)}` } })).toMatchObject({ addressId: "01053_0150_00012" });
  });
});
