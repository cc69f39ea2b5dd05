/**
 * The Arcep Carte fibre header as each vintage writes it: 2020 without code_insee, 2024 with
 * date_completude, 2026 with pm_date_mad (an opening date, planned when still to come).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const options = { triggeredBy: "test" };
const HEADER_2020 = "x,y,imb_id,num_voie,cp_no_voie,type_voie,nom_voie,batiment,code_poste,nom_com,catg_loc_imb,imb_etat,pm_ref,pm_etat,code_l331,geom_mod,type_imb";
const HEADER_2024 = "x,y,imb_id,num_voie,cp_no_voie,type_voie,nom_voie,batiment,code_insee,code_poste,nom_com,catg_loc_imb,imb_etat,pm_ref,pm_etat,code_l331,geom_mod,type_imb,date_completude,date_completude_manquante";
const HEADER_2026 = `${HEADER_2024},pm_date_mad`;

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-vintages.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "42218_0420_00003", numero: "3", nom_voie: "Rue de la Résistance", code_postal: "42000", nom_commune: "Saint-Étienne", lon: "4.3872", lat: "45.4397" }),
  ]), options);
});

describe("Arcep Carte fibre header vintages", () => {
  it("2020: finds the commune from code_poste and nom_com, and says which line it could not place", async () => {
    const file = writeImportFile("arcep-immeubles-2020t4.csv", [
      HEADER_2020,
      "5.2256,46.2046,IMB/2020/A,12,,AV,D ALSACE LORRAINE,,01000,BOURG EN BRESSE,,deploye,PM01,deploye,FRTE,,PAVILLON",
      "4.3872,45.4397,IMB/2020/B,3,,RUE,DE LA RESISTANCE,,42000,ST ETIENNE,,raccordable demande,PM02,deploye,SFR0,,IMMEUBLE",
      "5.2,46.1,IMB/2020/C,1,,RUE,DU NULLE PART,,99999,NULLE PART,,deploye,PM03,deploye,FRTE,,PAVILLON",
    ]);
    const result = await runImport("arcep-immeubles", file, { ...options, fileDate: new Date("2020-12-31T00:00:00Z") });
    expect(result.counts).toMatchObject({ read: 3, created: 2, rejected: 1 });
    expect(result.rejected).toEqual([{ line: 4, id: "IMB/2020/C", reason: 'code INSEE inconnu : "99999 NULLE PART"' }]);
    expect(await db.building.findUnique({ where: { externalId: "IMB/2020/A" } })).toMatchObject({ addressId: "01053_0150_00012" });
    expect(await db.building.findUnique({ where: { externalId: "IMB/2020/B" } })).toMatchObject({ addressId: "42218_0420_00003" });
  });

  it("2020 without code_poste nor nom_com either: refused at the header", async () => {
    const header = HEADER_2020.replace("code_poste,nom_com,", "");
    const file = writeImportFile("arcep-immeubles-sans-commune.csv", [header, "5.2256,46.2046,IMB/X,12,,AV,D ALSACE LORRAINE,,,deploye,PM01,deploye,FRTE,,PAVILLON"]);
    await expect(runImport("arcep-immeubles", file, options)).rejects.toThrow(
      "arcep-immeubles-sans-commune.csv n'est pas un fichier Arcep Carte fibre (immeubles) : colonne manquante code_insee (ou code_poste et nom_com).",
    );
  });

  it("2024: reads the file with date_completude and no pm_date_mad", async () => {
    const file = writeImportFile("arcep-immeubles-2024t2.csv", [
      HEADER_2024,
      "5.2256,46.2046,IMB/2024/A,12,,AV,D ALSACE LORRAINE,,01053,01000,BOURG EN BRESSE,,deploye,PM01,deploye,FRTE,,PAVILLON,2024-05-02,",
    ]);
    const result = await runImport("arcep-immeubles", file, { ...options, sourceName: "Arcep 2024", fileDate: new Date("2024-06-30T00:00:00Z") });
    expect(result.counts).toMatchObject({ read: 1, created: 1, rejected: 0 });
  });

  it("2026: pm_date_mad gives the opening date, three months on: planned when to come, « open since » when deployed", async () => {
    const file = writeImportFile("arcep-immeubles-2026t3.csv", [
      HEADER_2026,
      "5.2256,46.2046,IMB/2026/A,12,,AV,D ALSACE LORRAINE,,01053,01000,BOURG EN BRESSE,,en cours de deploiement,PM01,en cours de deploiement,FRTE,,PAVILLON,,,2026-11-15",
      "4.3872,45.4397,IMB/2026/B,3,,RUE,DE LA RESISTANCE,,42218,42000,SAINT ETIENNE,,deploye,PM02,deploye,SFR0,,IMMEUBLE,2026-01-10,,2026-02-01",
    ]);
    const result = await runImport("arcep-immeubles", file, { ...options, sourceName: "Arcep 2026", fileDate: new Date("2026-09-30T00:00:00Z") });
    expect(result.counts).toMatchObject({ read: 2, created: 2, rejected: 0 });
    const [planned] = await db.availability.findMany({ where: { sourceName: "Arcep 2026", addressId: "01053_0150_00012" } });
    expect(planned).toMatchObject({ status: "EN_COURS", plannedPrecision: "DAY", availableSince: null });
    expect(planned?.plannedDate?.toISOString().slice(0, 10)).toBe("2027-02-15");
    const [open] = await db.availability.findMany({ where: { sourceName: "Arcep 2026", addressId: "42218_0420_00003" } });
    expect(open).toMatchObject({ status: "DEPLOYE", plannedDate: null });
    expect(open?.availableSince?.toISOString().slice(0, 10)).toBe("2026-05-01");
  });
});
