/**
 * data:sync end to end against a local server that reproduces the official hosts' paths,
 * redirects, validators and ranges (lib/testing/official-mirror.ts).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { ARCEP_BUILDINGS_HEADER, BAN_HEADER, arcepBuildingLine, banLine } from "@/lib/testing/import-files";
import { OfficialMirror } from "@/lib/testing/official-mirror";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { runSync, type FileReport } from "@/lib/sync/run-sync";
import { BDTOPO_WFS, CARTE_FIBRE_DATASET, MCI_BASE, SIRENE_DATASET } from "@/lib/sync/sources";
import { STOCK_ETABLISSEMENT_HEADER, etablissementLine } from "@/lib/testing/sirene-files";
import { zipOf } from "@/lib/testing/zip";

const BAN_URL = "https://adresse.data.gouv.fr/data/ban/adresses/latest/csv/adresses-01.csv.gz";
const BASE_IMB_URL = `${MCI_BASE}/base_imb/last/departement/base_imb_01.csv.gz`;
const BASE_IMB_STORAGE = `${MCI_BASE}/base_imb/2026_T3/departement/base_imb_01.csv.gz`;
const ACTUEL_URL = `${MCI_BASE}/eligibilite/last/departement/actuel_01.csv.gz`;
const ACTUEL_STORAGE = `${MCI_BASE}/eligibilite/2026_T3/departement/actuel_01.csv.gz`;
const CARTE_FIBRE_URL = "https://static.data.gouv.fr/resources/carte-fibre/20261001-120000/2026t3_immeubles_01.csv";
const SIRENE_URL = "https://object.files.data.gouv.fr/data-pipeline-open/siren/stock/StockEtablissement_utf8.zip";
const BDTOPO_URL = `${BDTOPO_WFS}&CQL_FILTER=${encodeURIComponent("code_insee LIKE '01%'")}`;

const BASE_IMB =
  "imb_id;imb_x;imb_y;imb_code;imb_code_insee;imb_nbr_logloc;imb_source;imb_type;addr_code;imb_num;addr_numero;addr_rep;addr_nom_voie;addr_nom_ld;addr_code_insee;addr_nom_commune;addr_id_fantoir;addr_source";
const ACTUEL = "imb_id;addr_code;imb_code;code_operateur;code_techno;classe_debit_montant;classe_debit_descendant;limitation;saturation";

const gz = (lines: string[]) => zlib.gzipSync(Buffer.from(`${lines.join("\n")}\n`));
const banFile = (extra: string[] = []) =>
  gz([
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01053_0150_00014", numero: "14", lon: "5.2260", lat: "46.2049" }),
    ...extra,
  ]);
// Many more lines than one chunk, so that a cut connection leaves a partial file to resume.
const padding = Array.from({ length: 3_000 }, (_, i) => banLine({ id: `01053_0200_${String(i + 1).padStart(5, "0")}`, numero: String(i + 1), nom_voie: "Rue du Stand", lon: "5.23", lat: "46.21" }));
const carteFibre = Buffer.from(
  `${[ARCEP_BUILDINGS_HEADER, arcepBuildingLine({ id: "IMB/01053/X/0001", numero: "12", typeVoie: "AV", nomVoie: "D ALSACE LORRAINE", x: "5.2256", y: "46.2046" })].join("\n")}\n`,
);
const sha1 = (buffer: Buffer) => crypto.createHash("sha1").update(buffer).digest("hex");

const mirror = new OfficialMirror();
let dir: string;

const sync = (only?: ("ban" | "bdtopo" | "arcep-immeubles" | "arcep-mci" | "sirene")[]) =>
  runSync({ departements: ["01"], only, mirror: mirror.url, dir, triggeredBy: "test", headersTimeoutMs: 5_000, idleTimeoutMs: 5_000 });
const outcomes = (reports: FileReport[]) => Object.fromEntries(reports.map((report) => [report.key, report.outcome.status]));
const facts = () => db.availability.findMany({ select: { id: true, status: true, withdrawnAt: true, importRunId: true }, orderBy: { id: "asc" } });

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "fibre-pro-sync-"));
  await mirror.start();
  mirror.put(BAN_URL, { body: banFile() });
  mirror.redirect(BASE_IMB_URL, BASE_IMB_STORAGE);
  mirror.put(BASE_IMB_STORAGE, {
    body: gz([BASE_IMB, ["M1", "581700.1", "5813000.2", "IMB/01053/X/0001", "01053", "4", "ipe", "IMMEUBLE", "01053_0150_00012", "1", "12", "", "Avenue d'Alsace-Lorraine", "", "01053", "Bourg-en-Bresse", "", "ban"].join(";")]),
  });
  mirror.redirect(ACTUEL_URL, ACTUEL_STORAGE);
  mirror.put(ACTUEL_STORAGE, { body: gz([ACTUEL, ["M1", "", "", "FRTE", "FO", "THD1G", "THD1G", "", ""].join(";")]) });
  mirror.putDataset(CARTE_FIBRE_DATASET, [
    { title: "Immeubles du 01 - 2026 T2", url: CARTE_FIBRE_URL.replace("2026t3", "2026t2"), last_modified: "2026-07-01T10:00:00Z" },
    { title: "Immeubles du 01 - 2026 T3", url: CARTE_FIBRE_URL, last_modified: "2026-10-01T10:00:00Z", checksum: { type: "sha1", value: sha1(carteFibre) } },
    { title: "Immeubles du 02 - 2026 T3", url: CARTE_FIBRE_URL.replace("_01.", "_02."), last_modified: "2026-10-01T10:00:00Z" },
  ]);
  mirror.put(CARTE_FIBRE_URL, { body: carteFibre });
  mirror.put(BDTOPO_URL, { body: Buffer.from("{}"), failWith: 503 });
  // The national stock: the asked département's establishments only; the non-diffusible one never stored.
  const stock = [
    STOCK_ETABLISSEMENT_HEADER,
    etablissementLine({ siren: "910000017", nic: "00012", enseigne1Etablissement: "BOULANGERIE", identifiantAdresseEtablissement: "01053_0150_00012" }),
    etablissementLine({ siren: "910000025", nic: "00015", statutDiffusionEtablissement: "P", libelleVoieEtablissement: "[ND]" }),
    etablissementLine({ siren: "910000033", nic: "00019", codeCommuneEtablissement: "42218", codePostalEtablissement: "42000" }),
  ];
  mirror.putDataset(SIRENE_DATASET, [
    { title: "Sirene : Fichier StockEtablissementHistorique du 01 Novembre 2026", url: SIRENE_URL.replace("StockEtablissement_", "StockEtablissementHistorique_"), last_modified: "2026-11-01T06:00:00Z" },
    { title: "Sirene : Fichier StockEtablissement du 01 Novembre 2026", url: SIRENE_URL, last_modified: "2026-11-01T06:00:00Z" },
  ]);
  mirror.put(SIRENE_URL, { body: zipOf("StockEtablissement_utf8.csv", Buffer.from(`${stock.join("\n")}\n`)) });
});

afterAll(async () => {
  await mirror.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("data:sync", () => {
  it("downloads and imports in order through the mirror, follows Arcep's redirect, and goes on past a failing source", async () => {
    const reports = await sync();
    expect(reports.map((report) => report.key)).toEqual(["ban", "bdtopo", "arcep-immeubles", "arcep-mci-base_imb", "arcep-mci-actuel", "sirene"]);
    expect(outcomes(reports)).toEqual({
      ban: "imported",
      bdtopo: "failed",
      "arcep-immeubles": "imported",
      "arcep-mci-base_imb": "imported",
      "arcep-mci-actuel": "imported",
      sirene: "imported",
    });
    expect(reports.find((report) => report.key === "bdtopo")?.outcome).toMatchObject({ error: expect.stringMatching(/HTTP 503/) });
    expect(reports.find((report) => report.key === "sirene")).toMatchObject({
      departement: "01",
      outcome: { counts: { read: 3, created: 1, withheld: 1, skipped: 1 } },
    });
    expect(await db.establishment.findMany({ select: { siret: true, addressId: true, matchMethod: true } })).toEqual([
      { siret: "91000001700012", addressId: "01053_0150_00012", matchMethod: "ban-id" },
    ]);
    // The 302 to the quarter's storage went through the mirror too.
    expect(mirror.requestsTo(BASE_IMB_URL).map((request) => request.status)).toEqual([302]);
    expect(mirror.requestsTo(BASE_IMB_STORAGE).map((request) => request.status)).toEqual([200]);
    // The latest resource of the département was picked from the data.gouv.fr API.
    expect(mirror.requestsTo(CARTE_FIBRE_URL).map((request) => request.status)).toEqual([200]);

    const runs = await db.importRun.findMany({ orderBy: { startedAt: "asc" }, select: { format: true, sourceName: true, triggeredBy: true, fileDate: true } });
    expect(runs.map((run) => run.format)).toEqual(["ban", "arcep-immeubles", "arcep-mci", "arcep-mci", "sirene"]);
    expect(runs[0]).toMatchObject({ sourceName: "Base Adresse Nationale", triggeredBy: "test", fileDate: new Date("2026-10-01T00:00:00Z") });
    expect(await db.address.count()).toBe(2);
    expect(await db.building.findUnique({ where: { externalId: "IMB/01053/X/0001" }, select: { mciId: true, addressId: true } })).toEqual({ mciId: "M1", addressId: "01053_0150_00012" });

    const states = await db.dataSyncSource.findMany({ orderBy: { source: "asc" } });
    expect(states.map((state) => [state.source, state.departement, !!state.lastChangedAt, state.lastError])).toEqual([
      ["arcep-immeubles", "01", true, null],
      ["arcep-mci-actuel", "01", true, null],
      ["arcep-mci-base_imb", "01", true, null],
      ["ban", "01", true, null],
      ["bdtopo", "01", false, expect.stringMatching(/HTTP 503/)],
      ["sirene", "01", true, null],
    ]);
  });

  it("a second run with nothing new downloads nothing and changes nothing", async () => {
    const runsBefore = await db.importRun.count();
    const factsBefore = await facts();
    const changedBefore = await db.dataSyncSource.findMany({ select: { source: true, lastChangedAt: true, lastCheckedAt: true }, orderBy: { source: "asc" } });
    const seen = mirror.requests.length;

    const reports = await sync(["ban", "arcep-immeubles", "arcep-mci", "sirene"]);
    expect(outcomes(reports)).toEqual({ ban: "unchanged", "arcep-immeubles": "unchanged", "arcep-mci-base_imb": "unchanged", "arcep-mci-actuel": "unchanged", sirene: "unchanged" });
    const files = mirror.requests.slice(seen).filter((request) => !request.path.startsWith("/api/"));
    expect(files.map((request) => request.status)).toEqual([304, 304, 302, 304, 302, 304, 304]);
    expect(files.every((request) => request.bytes === 0)).toBe(true);
    expect(files.find((request) => request.status === 304)?.headers["if-none-match"]).toMatch(/^"/);

    expect(await db.importRun.count()).toBe(runsBefore);
    expect(await facts()).toEqual(factsBefore);
    const changedAfter = await db.dataSyncSource.findMany({ select: { source: true, lastChangedAt: true, lastCheckedAt: true }, orderBy: { source: "asc" } });
    changedAfter.forEach((state, index) => {
      expect(state.lastChangedAt).toEqual(changedBefore[index]!.lastChangedAt);
      if (state.source !== "bdtopo") expect(state.lastCheckedAt!.getTime()).toBeGreaterThan(changedBefore[index]!.lastCheckedAt!.getTime());
    });
  });

  it("the same bytes under new validators are not imported again", async () => {
    const runsBefore = await db.importRun.count();
    Object.assign(mirror.get(BAN_URL)!, { lastModified: new Date(Date.UTC(2026, 10, 1)), version: "republished" });
    const reports = await sync(["ban"]);
    expect(reports[0]!.outcome).toEqual({ status: "unchanged", reason: "same-bytes" });
    expect(await db.importRun.count()).toBe(runsBefore);
    // The new validators are remembered: the next check is a 304.
    const seen = mirror.requests.length;
    await sync(["ban"]);
    expect(mirror.requests.slice(seen).map((request) => request.status)).toEqual([304]);
  });

  it("resumes a download cut short with a Range request, then imports the whole file", async () => {
    const newBan = banFile(padding);
    mirror.put(BAN_URL, { body: newBan, lastModified: new Date(Date.UTC(2026, 10, 15)), cutAfterBytes: Math.floor(newBan.length / 2) });
    const cut = await sync(["ban"]);
    expect(cut[0]!.outcome).toMatchObject({ status: "failed", error: expect.stringMatching(/download interrupted after \d+ bytes.*the next run resumes it/) });
    expect(await db.address.count()).toBe(2);
    expect((await db.dataSyncSource.findFirst({ where: { source: "ban" } }))?.lastError).toMatch(/download interrupted/);

    const seen = mirror.requests.length;
    const resumed = await sync(["ban"]);
    expect(resumed[0]!.outcome).toMatchObject({ status: "imported", counts: { read: 3_002, created: 3_000, rejected: 0 } });
    const [request] = mirror.requests.slice(seen);
    expect(request).toMatchObject({ status: 206, headers: { range: expect.stringMatching(/^bytes=\d+-$/), "if-range": expect.stringMatching(/^"/) } });
    expect(Number(/bytes=(\d+)-/.exec(request!.headers.range!)![1])).toBeGreaterThan(0);
    expect(request!.bytes).toBeLessThan(newBan.length);
    expect(await db.address.count()).toBe(3_002);
    expect((await db.dataSyncSource.findFirst({ where: { source: "ban" } }))?.lastError).toBeNull();
    expect(fs.readdirSync(path.join(dir, "ban", "01"))).toEqual(["adresses-01.csv.gz"]);
  });

  it("refuses a file whose checksum differs from the one data.gouv.fr states, and imports nothing", async () => {
    const runsBefore = await db.importRun.count();
    const changed = Buffer.concat([carteFibre, Buffer.from(arcepBuildingLine({ id: "IMB/01053/X/0002", x: "5.2260", y: "46.2049" }) + "\n")]);
    mirror.put(CARTE_FIBRE_URL, { body: changed, lastModified: new Date(Date.UTC(2026, 10, 20)) });
    const reports = await sync(["arcep-immeubles"]);
    expect(reports[0]!.outcome).toMatchObject({ status: "failed", error: expect.stringMatching(/sha1 checksum does not match/) });
    expect(await db.importRun.count()).toBe(runsBefore);
    expect(await db.building.count({ where: { externalId: "IMB/01053/X/0002" } })).toBe(0);
  });

  it("reads BD TOPO through the zones importer once the layer answers: industrial zones imported, other places skipped", async () => {
    const feature = (id: string, nature: string, categorie: string, ring: number[][]) => ({
      type: "Feature",
      properties: { ID: id, CATEGORIE: categorie, NATURE: nature, NAT_DETAIL: null, TOPONYME: `Site ${id}`, ETAT: "En service", INSEE_COM: "01053", NOM_COM: "Bourg-en-Bresse", DATE_MAJ: "2025-03-15" },
      geometry: { type: "MultiPolygon", coordinates: [[ring]] },
    });
    // Lambert-93 around Bourg-en-Bresse, with the legacy crs member as IGN writes it.
    const ring = [[872000, 6571000], [872300, 6571000], [872300, 6571200], [872000, 6571200], [872000, 6571000]];
    const body = Buffer.from(JSON.stringify({
      type: "FeatureCollection",
      crs: { type: "name", properties: { name: "urn:ogc:def:crs:EPSG::2154" } },
      features: [feature("SURFACTI0000000000001", "Zone industrielle", "Industriel et commercial", ring), feature("SURFACTI0000000000002", "Chapelle", "Religieux", ring)],
    }));
    mirror.put(BDTOPO_URL, { body });
    const reports = await sync(["bdtopo"]);
    expect(reports[0]!.outcome).toMatchObject({ status: "imported", counts: { read: 2, created: 1, skipped: 1, rejected: 0 } });
    expect(await db.importRun.findFirst({ where: { format: "zones" }, select: { sourceName: true } })).toEqual({ sourceName: "IGN BD TOPO (01)" });
    expect((await db.dataSyncSource.findFirst({ where: { source: "bdtopo" } }))?.lastError).toBeNull();
  });
});
