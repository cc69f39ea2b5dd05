import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

/** An organisation of Bourg-en-Bresse (01053) loading files that also cover L'Abergement-de-Varey (01002). */
const bourg = { triggeredBy: "test", territory: new Set(["01053"]) };
const outside = (insee: string) => `commune ${insee} hors du territoire de l'organisation`;

const BASE_IMB =
  "imb_id;imb_x;imb_y;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;addr_code;imb_num;addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;addr_nom_commune;addr_id_fantoir;addr_source";
const ACTUEL = "imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;classe_debit_descendant;limitation;saturation";
const base = (imbId: string, imbCode: string, insee: string, addrCode: string) =>
  [imbId, "5.2256", "46.2046", imbCode, insee, "4", "ipe", "IMMEUBLE", addrCode, "1", "", "", "", "", insee, "", "", addrCode ? "ban" : ""].join(";");
const actuel = (imbId: string, operator: string) => [imbId, "", "", operator, "FO", "THD1G", "THD1G", "", ""].join(";");

function zoneFeature(id: string, insee: string, lon: number, lat: number) {
  const ring = [[lon, lat], [lon + 0.01, lat], [lon + 0.01, lat + 0.01], [lon, lat + 0.01], [lon, lat]];
  return { type: "Feature", properties: { site_id: id, site_nom: `Zone ${id}`, site_comm_insee: insee }, geometry: { type: "Polygon", coordinates: [ring] } };
}
const zonesFile = (name: string, features: unknown[]) => writeImportFile(name, [JSON.stringify({ type: "FeatureCollection", features })]);

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-territoire.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01002_w4ld4h_00006", numero: "6", nom_voie: "Place du Pese Lait", code_postal: "01640", lon: "5.425179", lat: "46.005447" }),
  ]), { triggeredBy: "test" });
});

describe("an import limited to a territory", () => {
  it("BAN: rejects the addresses of other communes", async () => {
    const result = await runImport("ban", writeImportFile("adresses-bourg.csv", [
      BAN_HEADER,
      banLine({ id: "01053_0150_00014", numero: "14", lon: "5.2260", lat: "46.2049" }),
      banLine({ id: "01002_w4ld4h_00008", numero: "8", nom_voie: "Place du Pese Lait", code_postal: "01640", lon: "5.4252", lat: "46.0055" }),
    ]), bourg);
    expect(result.counts).toMatchObject({ read: 2, created: 1, rejected: 1 });
    expect(result.rejected).toEqual([{ line: 3, id: "01002_w4ld4h_00008", reason: outside("01002") }]);
    expect(await db.address.findUnique({ where: { id: "01002_w4ld4h_00008" } })).toBeNull();
  });

  it("zones: rejects other communes' zones and archives only its own", async () => {
    await runImport("zones", zonesFile("zae-1.geojson", [zoneFeature("Z-BOURG-1", "01053", 5.3, 46.3), zoneFeature("Z-BOURG-2", "01053", 5.4, 46.3), zoneFeature("Z-VAREY", "01002", 5.5, 46.0)]), {
      triggeredBy: "test",
      sourceName: "ZAE Ain",
    });
    const result = await runImport("zones", zonesFile("zae-2.geojson", [zoneFeature("Z-BOURG-1", "01053", 5.3, 46.3), zoneFeature("Z-VAREY-2", "01002", 5.5, 46.1)]), {
      ...bourg,
      sourceName: "ZAE Ain",
    });
    expect(result.counts).toMatchObject({ read: 2, unchanged: 1, rejected: 1, withdrawn: 1 });
    expect(result.rejected[0]?.reason).toBe(outside("01002"));
    const archived = await db.activityZone.findMany({ where: { id: { in: ["Z-BOURG-1", "Z-BOURG-2", "Z-VAREY"] } }, orderBy: { id: "asc" } });
    expect(archived.map((zone) => [zone.id, zone.archivedAt !== null])).toEqual([["Z-BOURG-1", false], ["Z-BOURG-2", true], ["Z-VAREY", false]]);
  });

  it("Arcep Ma connexion internet: places buildings by imb_code_insee, operators by the building's address", async () => {
    await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
      IPE_HEADER,
      ipeLine({ id: "IMB/B1", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE" }),
      ipeLine({ id: "IMB/V1", insee: "01002", x: "5.42520", y: "46.00546", projection: "WGS84" }),
    ]), { triggeredBy: "test" });
    const baseImb = await runImport("arcep-mci", writeImportFile("base_imb_01.csv", [
      BASE_IMB,
      base("M-B1", "IMB/B1", "01053", "01053_0150_00012"),
      base("M-V1", "IMB/V1", "01002", "01002_w4ld4h_00006"),
      base("M-X", "", "", ""),
    ]), bourg);
    expect(baseImb.counts).toMatchObject({ read: 3, updated: 1, rejected: 2 });
    expect(baseImb.rejected.map((problem) => [problem.id, problem.reason])).toEqual([
      ["M-V1", outside("01002")],
      ["M-X", "commune de l'immeuble inconnue (ni imb_code_insee, ni adresse BAN) : son territoire ne peut être vérifié"],
    ]);
    // Linked from the command line, without limit, so that the eligibility lines find both buildings.
    await runImport("arcep-mci", writeImportFile("base_imb_01.csv", [BASE_IMB, base("M-V1", "IMB/V1", "01002", "01002_w4ld4h_00006")]), { triggeredBy: "test" });

    const eligibility = await runImport("arcep-mci", writeImportFile("actuel_01.csv", [ACTUEL, actuel("M-B1", "FRTE"), actuel("M-V1", "SFR0")]), bourg);
    expect(eligibility.counts).toMatchObject({ read: 2, created: 1, rejected: 1 });
    expect(eligibility.rejected).toEqual([{ line: 3, id: "M-V1", reason: outside("01002") }]);
  });
});
