import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runImportJobStep } from "@/lib/admin/import-job-runner";
import { jobFolder } from "@/lib/admin/import-jobs";
import { claimImportJob } from "@/lib/admin/import-queue";
import { db } from "@/lib/db/client";
import { cancelImportJob, createImportJob, getImportJob, queueImportApply } from "@/lib/data/import-jobs";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, IPE_HEADER, banLine, ipeLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const ipeName = (date: string) => `LIAIN_01_SIEA_PM_IPEZMD_V20_${date}_00_PBOOK.csv`;
const jobIds: string[] = [];
let organisationId: string;
let editor: { id: string; email: string };
let platformAdmin: { id: string; email: string };

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-jobs.csv", [
    BAN_HEADER,
    banLine({ id: "01053_0150_00012", numero: "12", lon: "5.2256", lat: "46.2046" }),
    banLine({ id: "01053_0150_00014", numero: "14", lon: "5.2260", lat: "46.2049" }),
    banLine({ id: "01002_w4ld4h_00006", numero: "6", nom_voie: "Place du Pese Lait", code_postal: "01640", lon: "5.425179", lat: "46.005447" }),
  ]), { triggeredBy: "test" });
  // The whole département's IPE, loaded from the command line: one building in each commune, and one more in Bourg.
  await runImport("ipe", writeImportFile(ipeName("20261115"), [
    IPE_HEADER,
    ipeLine({ id: "IMB/A", etat: "EN COURS DE DEPLOIEMENT", numero: "12", nomVoie: "AVENUE D ALSACE LORRAINE" }),
    ipeLine({ id: "IMB/D", numero: "14", nomVoie: "AVENUE D ALSACE LORRAINE" }),
    ipeLine({ id: "IMB/B", insee: "01002", x: "5.42520", y: "46.00546", projection: "WGS84" }),
  ]), { triggeredBy: "test" });
  const organisation = await db.organisation.create({
    data: { name: "Bourg Agglo", kind: "EPCI", communes: { create: [{ inseeCode: "01053" }] } },
  });
  organisationId = organisation.id;
  editor = await db.user.create({ data: { email: "editeur@bourg.test", passwordHash: "-", role: "EDITOR", organisationId }, select: { id: true, email: true } });
  platformAdmin = await db.user.create({ data: { email: "admin@fibre.test", passwordHash: "-", role: "ADMIN" }, select: { id: true, email: true } });
});

afterAll(() => {
  for (const id of jobIds) fs.rmSync(jobFolder(id), { recursive: true, force: true });
});

async function uploadedJob(fileName: string, lines: string[], format = "ipe", uploader = editor) {
  const filePath = writeImportFile(fileName, lines);
  const id = crypto.randomUUID();
  jobIds.push(id);
  await createImportJob(
    { id, organisationId, format, sourceName: null, fileName, filePath, byteSize: fs.statSync(filePath).size },
    uploader,
  );
  return { id, filePath };
}

const newerIpe = [
  IPE_HEADER,
  ipeLine({ id: "IMB/A", numero: "12", nomVoie: "AVENUE D ALSACE LORRAINE", dateMes: "20261120" }),
  ipeLine({ id: "IMB/C", etat: "SIGNE", numero: "14", nomVoie: "AVENUE D ALSACE LORRAINE" }),
  ipeLine({ id: "IMB/X", insee: "01002", x: "5.42520", y: "46.00546", projection: "WGS84" }),
];

const WORKER = "test-host:1:worker";

/** What a worker does for this job: claims its waiting step and runs it; null when nothing was waiting. */
async function step(id: string) {
  const claim = await claimImportJob(WORKER, { jobId: id });
  if (claim) await runImportJobStep(claim, WORKER, () => {});
  return claim;
}

const building = (externalId: string) =>
  db.building.findUnique({ where: { externalId }, include: { availabilities: { where: { technology: "FTTH" } } } });

describe("import jobs", () => {
  it("checks, then applies once, only inside the organisation's territory", async () => {
    const { id, filePath } = await uploadedJob(ipeName("20261201"), newerIpe);

    expect(await step(id)).toEqual({ jobId: id, step: "check" });
    const checked = await getImportJob(id);
    expect(checked?.state).toBe("CHECKED");
    const check = JSON.parse(checked!.checkReport!);
    expect(check.counts).toMatchObject({ read: 3, created: 1, updated: 1, rejected: 1, withdrawn: 1 });
    expect(check.rejected).toEqual([{ line: 4, id: "IMB/X", reason: "commune 01002 hors du territoire de l'organisation" }]);
    // A dry run: nothing written.
    expect(await building("IMB/C")).toBeNull();
    expect((await building("IMB/A"))?.availabilities[0]?.status).toBe("EN_COURS");

    // A double click: one state change, one apply.
    expect(await queueImportApply(id, editor.id)).toBe(true);
    expect(await queueImportApply(id, editor.id)).toBe(false);
    expect(await step(id)).toEqual({ jobId: id, step: "apply" });
    expect(await step(id)).toBeNull();
    await expect(runImportJobStep({ jobId: id, step: "apply" }, WORKER)).rejects.toThrow(/not claimed|not applied/);

    const applied = await getImportJob(id);
    expect(applied?.state).toBe("APPLIED");
    expect(applied?.importRunId).not.toBeNull();
    expect(JSON.parse(applied!.applyReport!).counts).toMatchObject({ created: 1, updated: 1, rejected: 1, withdrawn: 1 });
    expect(fs.existsSync(filePath)).toBe(false);
    const run = await db.importRun.findUnique({ where: { id: applied!.importRunId! } });
    expect(run).toMatchObject({ organisationId, triggeredBy: editor.id, isDryRun: false, sourceName: "IPE LIAIN" });

    expect((await building("IMB/A"))?.availabilities[0]?.status).toBe("DEPLOYE");
    expect((await building("IMB/C"))?.availabilities[0]?.status).toBe("SIGNE");
    expect(await building("IMB/X")).toBeNull();
    // Absent from the newer file: withdrawn in the territory (Bourg), left alone elsewhere.
    expect((await building("IMB/D"))?.withdrawnAt).not.toBeNull();
    expect((await building("IMB/D"))?.availabilities[0]?.withdrawnAt).not.toBeNull();
    expect((await building("IMB/B"))?.withdrawnAt).toBeNull();
    expect((await building("IMB/B"))?.availabilities[0]?.withdrawnAt).toBeNull();

    const audit = await db.auditEntry.findMany({ where: { action: "import.apply", entityId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: editor.id, actorEmail: editor.email, organisationId, entityType: "import" });
    expect(JSON.parse(audit[0]!.after!).counts).toMatchObject({ created: 1, rejected: 1 });
  });

  it("applies nothing unless the job was checked", async () => {
    const { id } = await uploadedJob(ipeName("20261202"), newerIpe);
    expect(await queueImportApply(id, editor.id)).toBe(false);
    await expect(runImportJobStep({ jobId: id, step: "apply" }, WORKER)).rejects.toThrow(/not claimed/);
    expect((await getImportJob(id))?.state).toBe("UPLOADED");
  });

  it("abandons a checked job once, with an audit entry; never an applied one", async () => {
    const { id } = await uploadedJob(ipeName("20261204"), newerIpe);
    await step(id);
    const job = (await getImportJob(id))!;
    expect(await cancelImportJob(job, ["CHECKED", "REFUSED", "FAILED"], editor)).toBe(true);
    expect(await cancelImportJob(job, ["CHECKED", "REFUSED", "FAILED"], editor)).toBe(false);
    expect((await getImportJob(id))?.state).toBe("CANCELLED");
    expect(await queueImportApply(id, editor.id)).toBe(false);
    expect(await db.auditEntry.count({ where: { action: "import.cancel", entityId: id, actorId: editor.id } })).toBe(1);
  });

  it("refuses a file of another format as a whole, in French", async () => {
    const { id } = await uploadedJob("adresses.csv", [BAN_HEADER, banLine({ id: "01053_0150_00016", numero: "16", lon: "5.2264", lat: "46.2052" })]);
    await step(id);
    const job = await getImportJob(id);
    expect(job?.state).toBe("REFUSED");
    expect(job?.message).toMatch(/n'est pas un fichier IPE \(Interop'Fibre\) : colonnes manquantes .* Il ressemble à un fichier BAN/);
  });

  it("refuses, in French, a file whose every line is rejected and a BAN file without position columns", async () => {
    const outside = await uploadedJob(ipeName("20261205"), [IPE_HEADER, ipeLine({ id: "IMB/Z", insee: "99999" }), ipeLine({ id: "IMB/Y", etat: "BIENTOT" })]);
    await step(outside.id);
    expect(await getImportJob(outside.id)).toMatchObject({ state: "REFUSED", message: "Les 2 lignes du fichier ont été rejetées : rien n'a été importé." });

    const header = BAN_HEADER.replace(";x;y;lon;lat", "");
    const noPosition = await uploadedJob("adresses-sans-position.csv", [header, "01053_0150_00020;;20;;Rue A;01000;01053;Bourg-en-Bresse;;;;;;;;;;;;"], "ban");
    await step(noPosition.id);
    expect(await getImportJob(noPosition.id)).toMatchObject({
      state: "REFUSED",
      message: "adresses-sans-position.csv n'a pas de colonnes de position : il faut lon et lat ou x et y ; rien n'a été importé.",
    });
  });

  it("puts no territory limit on a platform admin's upload", async () => {
    const { id } = await uploadedJob(ipeName("20261203"), newerIpe, "ipe", platformAdmin);
    await step(id);
    const check = JSON.parse((await getImportJob(id))!.checkReport!);
    expect(check.counts).toMatchObject({ read: 3, rejected: 0 });
  });
});
