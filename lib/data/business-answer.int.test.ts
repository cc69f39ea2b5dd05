/**
 * The business answer through real imports, the directory and a publication, on both databases:
 * per address (levels, basis, headline, next steps) and per zone/commune (coverage by level),
 * which must tally with the addresses' own answers.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import type { Technology } from "@/lib/db/enums";
import { getAddressAnswer } from "@/lib/data/business-answer";
import { getCoverage } from "@/lib/data/coverage";
import { listZoneAddresses } from "@/lib/data/zones";
import { saveDirectoryOperator } from "@/lib/data/operator-directory";
import { setPublicContact } from "@/lib/data/public-contacts";
import { savePublication } from "@/lib/data/publications";
import { runImport } from "@/lib/import/run-import";
import type { LevelCount } from "@/lib/levels/coverage";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { ZDirectoryOperatorForm } from "@/lib/validation/operators";
import { ZPublicationForm } from "@/lib/validation/publications";

const options = { triggeredBy: "test" };
const ZONE_ID = "01053_SITE-ECO_00042";
const id = (n: number) => `01053_biz1_0000${n}`;
const lon = (n: number) => (5.21 + n * 0.001).toFixed(4);
const BASE_IMB =
  "imb_id;imb_x;imb_y;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;addr_code;imb_num;addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;addr_nom_commune;addr_id_fantoir;addr_source";
const ACTUEL = "imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;classe_debit_descendant;limitation;saturation";
const base = (mci: string, imb: string, address: string) => [mci, "581700.1", "5813000.2", imb, "01053", "1", "ipe", "IMMEUBLE", address, "1", "1", "", "Rue des Artisans", "", "01053", "Bourg-en-Bresse", "", "ban"].join(";");
const actuel = (mci: string, operator: string) => [mci, "", "", operator, "FO", "THD1G", "THD1G", "", ""].join(";");

const admin = { id: "u-admin", email: "admin@test", name: null, role: "ADMIN", organisationId: null, organisationName: null, territory: new Set<string>() } satisfies Actor;
let editor: Actor;

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-biz.csv", [
    BAN_HEADER,
    ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => banLine({ id: id(n), numero: String(n), nom_voie: "Rue des Artisans", lon: lon(n), lat: "46.2000" })),
  ]), options);
  // The zone holds numbers 1 to 4.
  await runImport("zones", writeImportFile("zae-biz.geojson", [JSON.stringify({
    type: "FeatureCollection",
    features: [{
      type: "Feature",
      properties: { site_id: ZONE_ID, site_nom: "ZA des Artisans", site_comm_insee: "01053", site_comm_nom: "Bourg-en-Bresse" },
      geometry: { type: "Polygon", coordinates: [[[5.2105, 46.199], [5.2145, 46.199], [5.2145, 46.201], [5.2105, 46.201], [5.2105, 46.199]]] },
    }],
  })]), options);
  await runImport("ipe", writeImportFile("LIAIN_01_SIEA_PM_IPEZMD_V20_20261115_00_PBOOK.csv", [
    IPE_HEADER,
    ipeLine({ id: "IMB/B1", numero: "1", typeVoie: "RUE", nomVoie: "DES ARTISANS", etat: "DEPLOYE", dateMes: "20220101", fibreDediee: "O" }),
    ipeLine({ id: "IMB/B2", numero: "2", typeVoie: "RUE", nomVoie: "DES ARTISANS", etat: "RACCORDABLE DEMANDE" }),
    ipeLine({ id: "IMB/B3", numero: "3", typeVoie: "RUE", nomVoie: "DES ARTISANS", etat: "EN COURS DE DEPLOIEMENT", dateMes: "20270507" }),
    ipeLine({ id: "IMB/B5", numero: "5", typeVoie: "RUE", nomVoie: "DES ARTISANS", etat: "DEPLOYE", dateMes: "20220101" }),
    ipeLine({ id: "IMB/B6", numero: "6", typeVoie: "RUE", nomVoie: "DES ARTISANS", etat: "SIGNE" }),
    ipeLine({ id: "IMB/B7", numero: "7", typeVoie: "RUE", nomVoie: "DES ARTISANS", etat: "DEPLOYE", dateMes: "20220101" }),
  ]), options);
  const mciDate = { ...options, fileDate: new Date("2026-09-30T00:00:00Z") };
  await runImport("arcep-mci", writeImportFile("base_imb_01.csv", [BASE_IMB, base("M1", "IMB/B1", id(1)), base("M2", "IMB/B2", id(2)), base("M5", "IMB/B5", id(5)), base("M7", "IMB/B7", id(7))]), mciDate);
  await runImport("arcep-mci", writeImportFile("actuel_01.csv", [ACTUEL, actuel("M1", "FRTE"), actuel("M1", "FREE"), actuel("M2", "FRTE"), actuel("M5", "FREE"), actuel("M7", "SFR0")]), mciDate);

  const directory = (input: Record<string, unknown>) => ZDirectoryOperatorForm.parse({ coverage: "national", isDemo: false, ...input });
  await saveDirectoryOperator(admin, directory({ name: "Orange", codes: "FRTE", offersUrl: "https://pro.orange.example", eligibilityUrl: "https://eligibilite.orange.example", technologies: ["FTTH_PRO", "FTTO"] }));
  await saveDirectoryOperator(admin, directory({ name: "Free", codes: "FREE", website: "https://free.example", technologies: [] }));
  await saveDirectoryOperator(admin, directory({ name: "Alsatis", website: "https://alsatis.example", technologies: ["FTTO"], coverage: "departements", departements: "01" }));
  await saveDirectoryOperator(admin, directory({ name: "Loin", website: "https://loin.example", technologies: ["FTTO"], coverage: "departements", departements: "69" }));

  const organisation = await db.organisation.create({ data: { name: "CA du Bassin de Bourg-en-Bresse", kind: "EPCI", communes: { create: [{ inseeCode: "01053" }] } } });
  await db.organisation.create({ data: { name: "Sans contact", kind: "COLLECTIVITE", communes: { create: [{ inseeCode: "01053" }] } } });
  await setPublicContact(admin, { organisationId: organisation.id, publicEmail: "eco@ca3b.example", publicPhone: "04 74 00 00 00", publicUrl: null });
  editor = { id: "u-ed", email: "ed@ca3b.example", name: null, role: "EDITOR", organisationId: organisation.id, organisationName: organisation.name, territory: new Set(["01053"]) };
  await savePublication(
    editor,
    ZPublicationForm.parse({ scope: "ZONE", zoneId: ZONE_ID, technology: "FTTO", status: "DEPLOYE", availableSince: "2026-06-01", operatorCodes: ["FRTE"] }),
    { intent: "publish" },
  );
});

const levelsOf = async (n: number) => {
  const answer = await getAddressAnswer(id(n));
  return Object.fromEntries(answer!.answers.map((entry) => [entry.technology, `${entry.level}/${entry.basis}`]));
};

describe("getAddressAnswer", () => {
  it("gives each technology its level and basis from sources, the directory and the rules", async () => {
    expect(await levelsOf(1)).toEqual({ FTTH: "AVAILABLE/SOURCE", FTTH_PRO: "AVAILABLE/DIRECTORY", FTTE: "AVAILABLE/SOURCE", FTTO: "AVAILABLE/SOURCE" });
    expect(await levelsOf(2)).toEqual({ FTTH: "ON_REQUEST/SOURCE", FTTH_PRO: "ON_REQUEST/DIRECTORY", FTTE: "NOT_ANNOUNCED/NONE", FTTO: "AVAILABLE/SOURCE" });
    expect(await levelsOf(3)).toEqual({ FTTH: "PLANNED/SOURCE", FTTH_PRO: "NOT_ANNOUNCED/NONE", FTTE: "NOT_ANNOUNCED/NONE", FTTO: "AVAILABLE/SOURCE" });
    expect(await levelsOf(5)).toEqual({ FTTH: "AVAILABLE/SOURCE", FTTH_PRO: "NOT_ANNOUNCED/DIRECTORY", FTTE: "NOT_ANNOUNCED/NONE", FTTO: "ON_REQUEST/GENERAL_RULE" });
    expect(await levelsOf(8)).toEqual({ FTTH: "NOT_ANNOUNCED/NONE", FTTH_PRO: "NOT_ANNOUNCED/NONE", FTTE: "NOT_ANNOUNCED/NONE", FTTO: "ON_REQUEST/GENERAL_RULE" });
  });

  it("names operators by the directory, the reference or the name they were cited with — never a bare code", async () => {
    const answer = (await getAddressAnswer(id(1)))!;
    const ftth = answer.answers.find((entry) => entry.technology === "FTTH")!;
    expect(ftth.operators.map((operator) => `${operator.role}:${operator.name}`).sort()).toEqual(["COMMERCIAL:Free", "COMMERCIAL:Orange", "INFRASTRUCTURE:opérateur LIAI (code non référencé)"]);
    const pro = answer.answers.find((entry) => entry.technology === "FTTH_PRO")!;
    expect(pro.operators.map((operator) => operator.name)).toEqual(["Orange"]);
    expect((await getAddressAnswer(id(7)))!.answers[0]!.operators.find((operator) => operator.role === "COMMERCIAL")?.name).toBe("SFR");
  });

  it("writes the headline around the business need", async () => {
    expect((await getAddressAnswer(id(1)))!.headline.title).toBe("Vous pouvez commander une offre fibre professionnelle");
    expect((await getAddressAnswer(id(5)))!.headline.title).toBe("Fibre disponible : demandez une offre professionnelle");
    expect((await getAddressAnswer(id(3)))!.headline).toMatchObject({ tone: "available" }); // FttO published for the zone
    expect((await getAddressAnswer(id(6)))!.headline.title).toBe("Fibre prévue — date non communiquée");
    expect((await getAddressAnswer(id(8)))!.headline.title).toBe("Pas de fibre annoncée — la fibre dédiée reste possible sur devis");
  });

  it("keeps an operator file's opening date at its precision, as the earliest date", async () => {
    const ftth = (await getAddressAnswer(id(3)))!.answers.find((entry) => entry.technology === "FTTH")!;
    expect(ftth.planned).toMatchObject({ precision: "DAY" });
    expect(ftth.planned!.date.toISOString().slice(0, 10)).toBe("2027-05-07");
  });

  it("chooses the next steps from the situation, never empty", async () => {
    const steps = (await getAddressAnswer(id(1)))!.nextSteps;
    expect(steps.filter((step) => step.kind === "OPERATOR").map((step) => step.name)).toEqual(["Orange", "Free"]);
    expect(steps.find((step) => step.name === "Orange" && step.kind === "OPERATOR")).toMatchObject({ url: "https://pro.orange.example", testerUrl: "https://eligibilite.orange.example" });
    // The publication names Orange for FttO; the département's other FttO seller follows; Loin sells in the Rhône only.
    expect(steps.filter((step) => step.kind === "BUSINESS_OPERATORS").map((step) => step.name)).toEqual(["Orange", "Alsatis"]);
    expect(steps.filter((step) => step.kind === "COLLECTIVITE")).toEqual([
      { kind: "COLLECTIVITE", label: "Contacter CA du Bassin de Bourg-en-Bresse", name: "CA du Bassin de Bourg-en-Bresse", email: "eco@ca3b.example", phone: "04 74 00 00 00" },
    ]);
    expect(steps.some((step) => step.kind === "ALERT")).toBe(false);
    expect(steps.slice(-2).map((step) => step.kind)).toEqual(["REPORT", "GUIDE"]);
    expect((await getAddressAnswer(id(3)))!.nextSteps.some((step) => step.kind === "ALERT")).toBe(true);
  });
});

describe("coverage by level", () => {
  const tally = async (ids: string[]) => {
    const counts = new Map<string, number>();
    for (const address of ids) {
      for (const entry of (await getAddressAnswer(address))!.answers) {
        const key = `${entry.technology}|${entry.level}|${entry.basis}`;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    return counts;
  };
  const flatten = (levels: Record<Technology, LevelCount[]>) =>
    new Map(Object.entries(levels).flatMap(([technology, entries]) => entries.map((entry) => [`${technology}|${entry.level}|${entry.basis}`, entry.count] as const)));

  it("a zone's coverage is the tally of its addresses' answers", async () => {
    const coverage = await getCoverage({ zoneId: ZONE_ID });
    expect(coverage.addresses).toBe(4);
    expect(flatten(coverage.levels)).toEqual(await tally([1, 2, 3, 4].map(id)));
  });

  it("a commune's too, every address counted once per technology", async () => {
    const coverage = await getCoverage({ inseeCode: "01053" });
    expect(coverage.addresses).toBe(8);
    expect(flatten(coverage.levels)).toEqual(await tally([1, 2, 3, 4, 5, 6, 7, 8].map(id)));
    for (const entries of Object.values(coverage.levels)) expect(entries.reduce((sum, entry) => sum + entry.count, 0)).toBe(8);
  });
});

describe("zone address lists by level", () => {
  it.each(["FTTH", "FTTH_PRO", "FTTE", "FTTO"] as const)("%s: each address's level is its answer's, and the level filter keeps exactly those", async (technology) => {
    const page = await listZoneAddresses(ZONE_ID, { technology, limit: 50 });
    expect(page.items).toHaveLength(4);
    for (const item of page.items) {
      const answer = (await getAddressAnswer(item.id))!.answers.find((entry) => entry.technology === technology)!;
      expect(item.level, `${item.id} ${technology}`).toBe(answer.level);
    }
    for (const level of ["AVAILABLE", "ON_REQUEST", "PLANNED", "NOT_ANNOUNCED"] as const) {
      const filtered = await listZoneAddresses(ZONE_ID, { technology, level, limit: 50 });
      expect(filtered.items.map((item) => item.id)).toEqual(page.items.filter((item) => item.level === level).map((item) => item.id));
    }
  });
});
