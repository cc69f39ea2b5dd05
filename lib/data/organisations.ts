import "server-only";
/**
 * Organisations and their territory (a set of communes, given by INSEE codes or by an EPCI's
 * SIREN). Every change is audited.
 */
import { db } from "@/lib/db/client";
import type { OrganisationKind } from "@/lib/db/enums";
import { recordAudit, type AuditActor } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";

export interface OrganisationInput {
  name: string;
  kind: OrganisationKind;
  siren?: string | null;
  /** INSEE codes of the communes. */
  inseeCodes: readonly string[];
}

/** The INSEE codes of an EPCI's member communes. */
export async function communesOfEpci(siren: string): Promise<string[]> {
  const rows = await db.commune.findMany({ where: { epciSiren: siren, kind: "COMMUNE" }, select: { inseeCode: true }, orderBy: { inseeCode: "asc" } });
  if (rows.length === 0) throw new AppError("not_found", `Aucune commune connue pour l'EPCI ${siren}.`);
  return rows.map((row) => row.inseeCode);
}

async function checkedCommunes(inseeCodes: readonly string[]): Promise<string[]> {
  const unique = [...new Set(inseeCodes.map((code) => code.trim().toUpperCase()).filter(Boolean))];
  if (unique.length === 0) throw new AppError("bad_request", "Le territoire doit compter au moins une commune.");
  const known = await db.commune.findMany({ where: { inseeCode: { in: unique } }, select: { inseeCode: true } });
  const knownSet = new Set(known.map((row) => row.inseeCode));
  const unknown = unique.filter((code) => !knownSet.has(code));
  if (unknown.length) throw new AppError("bad_request", `Code INSEE inconnu : ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? "…" : ""}.`);
  return unique;
}

export async function createOrganisation(input: OrganisationInput, actor: AuditActor) {
  const inseeCodes = await checkedCommunes(input.inseeCodes);
  return db.$transaction(async (tx) => {
    const organisation = await tx.organisation.create({
      data: {
        name: input.name.trim(),
        kind: input.kind,
        siren: input.siren?.trim() || null,
        communes: { create: inseeCodes.map((inseeCode) => ({ inseeCode })) },
      },
    });
    await recordAudit(tx, actor, {
      action: "organisation.create",
      entityType: "organisation",
      entityId: organisation.id,
      organisationId: organisation.id,
      summary: `Organisation « ${organisation.name} » créée (${inseeCodes.length} commune${inseeCodes.length > 1 ? "s" : ""})`,
      after: { name: organisation.name, kind: organisation.kind, siren: organisation.siren, inseeCodes },
    });
    return organisation;
  });
}

export async function setTerritory(organisationId: string, inseeCodes: readonly string[], actor: AuditActor) {
  const codes = await checkedCommunes(inseeCodes);
  await db.$transaction(async (tx) => {
    const before = await tx.organisationCommune.findMany({ where: { organisationId }, select: { inseeCode: true } });
    await tx.organisationCommune.deleteMany({ where: { organisationId } });
    await tx.organisationCommune.createMany({ data: codes.map((inseeCode) => ({ organisationId, inseeCode })) });
    await recordAudit(tx, actor, {
      action: "organisation.territory",
      entityType: "organisation",
      entityId: organisationId,
      organisationId,
      summary: `Territoire changé : ${codes.length} commune${codes.length > 1 ? "s" : ""}`,
      before: before.map((row) => row.inseeCode),
      after: codes,
    });
  });
}

export function findOrganisation(idOrSiren: string) {
  return db.organisation.findFirst({ where: { OR: [{ id: idOrSiren }, { siren: idOrSiren }] } });
}

export function listOrganisations() {
  return db.organisation.findMany({
    include: { _count: { select: { communes: true, users: true } } },
    orderBy: { name: "asc" },
  });
}

/** The communes of an organisation's territory, by name. */
export function listTerritoryCommunes(organisationId: string) {
  return db.commune.findMany({
    where: { organisations: { some: { organisationId } } },
    select: { inseeCode: true, name: true },
    orderBy: { name: "asc" },
  });
}

export function getOrganisation(id: string) {
  return db.organisation.findUnique({ where: { id }, include: { _count: { select: { communes: true, users: true } } } });
}

export function findOrganisationByName(name: string) {
  return db.organisation.findFirst({ where: { name } });
}

/** The INSEE codes of a département's communes. */
export async function communesOfDepartement(code: string): Promise<string[]> {
  const rows = await db.commune.findMany({ where: { departementCode: code, kind: "COMMUNE" }, select: { inseeCode: true }, orderBy: { inseeCode: "asc" } });
  if (rows.length === 0) throw new AppError("not_found", `Aucune commune connue pour le département ${code}.`);
  return rows.map((row) => row.inseeCode);
}
