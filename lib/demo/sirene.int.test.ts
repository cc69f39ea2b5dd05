/**
 * The demo's SIRENE stocks through the real importers, on both databases: the DEMO_SIRETS other
 * tests and examples rely on are linked as documented, and the non-diffusible and closed ones are
 * never stored nor named in the run's report.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { DEMO_SIRETS, demoSireneStocks } from "@/lib/demo/sirene";
import { banHeader, banLineOf, syntheticAddresses } from "@/lib/demo/synthetic";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test", isDemo: true };
const bourg = { inseeCode: "01053", name: "Bourg-en-Bresse", postcode: "01000", lat: 46.2052, lon: 5.2255 };
const addresses = [...syntheticAddresses([bourg], 400, 1053)];

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-01.csv", [banHeader(), ...addresses.map(banLineOf)]), options);
});

describe("demo SIRENE stocks", () => {
  it("link the documented demo SIRETs as documented, and never store or name the hidden ones", async () => {
    const stocks = demoSireneStocks(addresses, new Map([["01053", 8]]));
    await runImport("sirene-unites", writeImportFile("StockUniteLegale_utf8.csv", stocks.unites), options);
    const result = await runImport("sirene", writeImportFile("StockEtablissement_utf8.csv", stocks.etablissements), { ...options, departements: ["01"] });
    expect(result.counts.withheld).toBeGreaterThanOrEqual(2);
    expect(result.counts).toMatchObject({ rejected: 0, unmatched: 1 });

    const method = async (siret: string) => (await db.establishment.findUnique({ where: { siret }, select: { matchMethod: true } }))?.matchMethod;
    expect(await method(DEMO_SIRETS.banId)).toBe("ban-id");
    expect(await method(DEMO_SIRETS.address)).toBe("address");
    expect(await method(DEMO_SIRETS.position)).toBe("position");
    expect(await method(DEMO_SIRETS.unmatched)).toBeNull();
    expect(await db.establishment.findUnique({ where: { siret: DEMO_SIRETS.banId }, select: { legalName: true } })).toEqual({ legalName: "SARL BOULANGERIE DU CENTRE" });

    for (const hidden of [DEMO_SIRETS.nonDiffusible, DEMO_SIRETS.closed]) {
      expect(await db.establishment.findUnique({ where: { siret: hidden } })).toBeNull();
      expect(await db.legalUnit.findUnique({ where: { siren: hidden.slice(0, 9) } })).toBeNull();
    }
    const runs = await db.importRun.findMany({ where: { format: { in: ["sirene", "sirene-unites"] } }, select: { report: true, isDemo: true } });
    expect(runs.map((run) => run.isDemo)).toEqual([true, true]);
    for (const run of runs) expect(run.report).not.toContain(DEMO_SIRETS.nonDiffusible.slice(0, 9));
  });
});
