import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { ZFieldReportForm } from "@/lib/validation/field-reports";
import { acceptFieldReport, countPendingReports, createFieldReport, listFieldReports, rejectFieldReport } from "./field-reports";

const ORIGIN = "https://fibre-pro.test";
let local: Actor;
let elsewhere: Actor;
const report = (input: Record<string, unknown>) => ZFieldReportForm.parse({ kind: "ALREADY_AVAILABLE", description: "Orange m'a raccordé la semaine dernière.", ...input });

async function expectAppError(promise: Promise<unknown>, code: string) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
}

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-reports.csv", [
    BAN_HEADER,
    banLine({ id: "01053_rep1_00001", numero: "1", nom_voie: "Rue des Signalements", lon: "5.2105", lat: "46.2105" }),
  ]), { triggeredBy: "test" });
  const organisation = await db.organisation.create({ data: { name: "CA3B", kind: "EPCI", communes: { create: [{ inseeCode: "01053" }] } } });
  const other = await db.organisation.create({ data: { name: "SEM", kind: "EPCI", communes: { create: [{ inseeCode: "42218" }] } } });
  local = { id: "u1", email: "moderatrice@ca3b.test", name: "Modératrice", role: "EDITOR", organisationId: organisation.id, organisationName: "CA3B", territory: new Set(["01053"]) };
  elsewhere = { id: "u2", email: "autre@sem.test", name: null, role: "EDITOR", organisationId: other.id, organisationName: "SEM", territory: new Set(["42218"]) };
});

describe("field reports", () => {
  it("a report is pending on its address and listed for the territory's organisation only", async () => {
    const created = await createFieldReport("01053_rep1_00001", report({ technology: "FTTH", email: "Gerant@Boulangerie.test" }));
    expect(created).toMatchObject({ state: "PENDING", inseeCode: "01053", email: "gerant@boulangerie.test" });
    expect(await countPendingReports("01053_rep1_00001")).toBe(1);
    expect((await listFieldReports(local, "PENDING")).map((entry) => entry.id)).toContain(created.id);
    expect(await listFieldReports(elsewhere, "PENDING")).toEqual([]);
  });

  it("accepting makes a draft publication for the address, once; another territory is refused", async () => {
    const created = await createFieldReport("01053_rep1_00001", report({ technology: "FTTE" }));
    await expectAppError(acceptFieldReport(elsewhere, created.id, ORIGIN), "forbidden");
    const { publicationId } = await acceptFieldReport(local, created.id, ORIGIN);
    const draft = await db.publication.findUnique({ where: { id: publicationId } });
    expect(draft).toMatchObject({ state: "DRAFT", scope: "ADDRESSES", technology: "FTTE", status: "DEPLOYE", organisationId: local.organisationId, addressIds: '["01053_rep1_00001"]' });
    await expectAppError(acceptFieldReport(local, created.id, ORIGIN), "conflict");
    expect(await db.auditEntry.count({ where: { entityId: created.id, action: "report.accept" } })).toBe(1);
  });

  it("rejecting keeps the reason and takes the report off the pending count; the reporter is told why", async () => {
    await db.fieldReport.deleteMany({});
    await db.outboxMail.deleteMany({});
    const created = await createFieldReport("01053_rep1_00001", report({ kind: "WRONG_ADDRESS", email: "gerant@boulangerie.test" }));
    await rejectFieldReport(local, created.id, "L'adresse est correcte selon la BAN.", ORIGIN);
    expect(await db.fieldReport.findUnique({ where: { id: created.id } })).toMatchObject({ state: "REJECTED", rejectionReason: "L'adresse est correcte selon la BAN.", moderatedBy: "moderatrice@ca3b.test" });
    expect(await countPendingReports("01053_rep1_00001")).toBe(0);
    // Queued for the worker in the moderation's transaction.
    const sent = await db.outboxMail.findMany();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ kind: "report.outcome", state: "PENDING", to: "gerant@boulangerie.test", subject: "Fibre Pro : votre signalement n'a pas été retenu" });
    expect(sent[0]!.text).toContain("pour la raison suivante : L'adresse est correcte selon la BAN.");
    expect(sent[0]!.text).toContain("https://fibre-pro.test/adresse/01053_rep1_00001");
    // Kept for that one mail only.
    expect((await db.fieldReport.findUnique({ where: { id: created.id } }))!.email).toBeNull();
  });

  it("refuses an unknown address and a too short or too long description", async () => {
    await expectAppError(createFieldReport("01053_nope_00001", report({})), "not_found");
    expect(ZFieldReportForm.safeParse({ kind: "OTHER", description: "court" }).success).toBe(false);
    expect(ZFieldReportForm.safeParse({ kind: "OTHER", description: "x".repeat(2_001) }).success).toBe(false);
    expect(ZFieldReportForm.safeParse({ kind: "OTHER", description: "assez long pour passer", email: "pas-un-mail" }).success).toBe(false);
  });
});
