/**
 * The operator directory's writes and the codes without an entry, on both databases: codes claimed
 * once, refusals named by field for the form, audit entries, and only current facts' codes listed.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { savePublication, withdrawPublication } from "@/lib/data/publications";
import { runImport } from "@/lib/import/run-import";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { BAN_HEADER, banLine, writeImportFile } from "@/lib/testing/import-files";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { ZDirectoryOperatorForm } from "@/lib/validation/operators";
import { ZPublicationForm } from "@/lib/validation/publications";
import { deleteDirectoryOperator, getDirectoryOperator, listUnlistedCodes, saveDirectoryOperator } from "./operator-directory";

const admin = { id: "u-admin", email: "admin@test", name: null, role: "ADMIN", organisationId: null, organisationName: null, territory: new Set<string>() } satisfies Actor;
let editor: Actor;
const ADDRESS = "01053_dir1_00001";
const form = (input: Record<string, unknown>) => ZDirectoryOperatorForm.parse({ coverage: "national", isDemo: false, ...input });

async function caught(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await runImport("ban", writeImportFile("adresses-dir.csv", [BAN_HEADER, banLine({ id: ADDRESS, numero: "1", nom_voie: "Rue de l'Annuaire", lon: "5.2300", lat: "46.2100" })]), { triggeredBy: "test" });
  const organisation = await db.organisation.create({ data: { name: "Agglo", kind: "EPCI", communes: { create: [{ inseeCode: "01053" }] } } });
  editor = { id: "u-ed", email: "ed@agglo.test", name: null, role: "EDITOR", organisationId: organisation.id, organisationName: "Agglo", territory: new Set(["01053"]) };
});

describe("the operator directory", () => {
  it("lists the codes current facts cite without an entry, with the name they were cited with; a withdrawn publication's code goes", async () => {
    const publish = (otherOperators: string) =>
      savePublication(
        editor,
        ZPublicationForm.parse({ scope: "ADDRESSES", addressIds: ADDRESS, technology: "FTTH", status: "DEPLOYE", availableSince: "2026-06-01", otherOperators }),
        { intent: "publish" },
      );
    await publish("Fibre du Bassin");
    const withdrawn = await publish("Réseau Disparu");
    expect((await listUnlistedCodes()).map((entry) => entry.code)).toEqual(["PUB-FIBRE-DU-BASSIN", "PUB-RESEAU-DISPARU"]);
    await withdrawPublication(editor, withdrawn.id, withdrawn.version);
    expect(await listUnlistedCodes()).toEqual([{ code: "PUB-FIBRE-DU-BASSIN", name: "Fibre du Bassin", facts: 1 }]);
  });

  it("an entry claims the code; a code already claimed or a name already taken is refused on its field", async () => {
    const id = await saveDirectoryOperator(admin, form({ name: "Fibre du Bassin", codes: "pub-fibre-du-bassin, FDB1", offersUrl: "https://pro.fdb.example", technologies: ["FTTH_PRO"] }));
    expect(await listUnlistedCodes()).toEqual([]);
    expect(await getDirectoryOperator(id)).toMatchObject({ name: "Fibre du Bassin", codes: ["FDB1", "PUB-FIBRE-DU-BASSIN"], isNational: true, technologies: ["FTTH_PRO"] });

    const taken = await caught(saveDirectoryOperator(admin, form({ name: "Autre", codes: "FDB1" })));
    expect(taken).toMatchObject({ code: "conflict", invalidParams: [{ name: "codes", reason: "Le code FDB1 appartient déjà à « Fibre du Bassin »." }] });
    const sameName = await caught(saveDirectoryOperator(admin, form({ name: "Fibre du Bassin" })));
    expect(sameName.invalidParams[0]).toMatchObject({ name: "name" });
    const badDepartement = await caught(saveDirectoryOperator(admin, form({ name: "Local", coverage: "departements", departements: "01, 99" })));
    expect(badDepartement.invalidParams[0]).toMatchObject({ name: "departements", reason: "Département inconnu : 99." });
    expect(await db.directoryOperator.count({ where: { name: { in: ["Autre", "Local"] } } })).toBe(0);

    // Editing drops a code: it is unlisted again.
    await saveDirectoryOperator(admin, form({ name: "Fibre du Bassin", codes: "FDB1", technologies: ["FTTH_PRO", "FTTO"] }), id);
    expect((await listUnlistedCodes()).map((entry) => entry.code)).toEqual(["PUB-FIBRE-DU-BASSIN"]);
    const actions = (await db.auditEntry.findMany({ where: { entityId: id }, orderBy: { at: "asc" } })).map((entry) => entry.action);
    expect(actions).toEqual(["operator.create", "operator.update"]);
  });

  it("only platform admins keep it; removing an entry frees its codes and is audited", async () => {
    const entry = (await db.directoryOperator.findUnique({ where: { name: "Fibre du Bassin" } }))!;
    expect((await caught(saveDirectoryOperator(editor, form({ name: "Intrus" })))).code).toBe("forbidden");
    expect((await caught(deleteDirectoryOperator(editor, entry.id))).code).toBe("forbidden");
    await deleteDirectoryOperator(admin, entry.id);
    expect(await getDirectoryOperator(entry.id)).toBeNull();
    expect(await db.operator.findUnique({ where: { code: "FDB1" } })).toMatchObject({ directoryOperatorId: null });
    expect(await db.auditEntry.findFirst({ where: { entityId: entry.id, action: "operator.delete" } })).toMatchObject({ summary: "Fiche retirée de l'annuaire des opérateurs : « Fibre du Bassin »" });
    expect((await caught(deleteDirectoryOperator(admin, entry.id))).code).toBe("not_found");
  });
});
