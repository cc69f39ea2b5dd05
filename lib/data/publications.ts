import "server-only";
/**
 * Deployment updates published by organisations. A publication is written as a draft, then
 * published: its facts (sourceKind PUBLICATION, the organisation's name as source) replace those
 * of its previous version on the public pages at once, and each publication is kept as a
 * numbered version. Saves carry the version they were made from: a save made from an older
 * version is refused (optimistic locking), so two people editing never overwrite each other.
 */
import crypto from "node:crypto";
import { logFactChanges } from "@/lib/changes/fact-changes";
import { db, type DbTransaction } from "@/lib/db/client";
import type { PublicationScope, PublicationState } from "@/lib/db/enums";
import { canEditPublication, canEditZone, canPublishFor, ensure, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/data/audit";
import { publicationsVisibleTo } from "@/lib/data/admin-scope";
import { AppError } from "@/lib/errors";
import { formatDate, formatPlannedDate } from "@/lib/format";
import { plannedDateInput } from "@/lib/planned-date";
import { STATUS_LABELS } from "@/lib/status";
import { TECHNOLOGY_INFO } from "@/lib/technologies";
import type { TPublicationForm } from "@/lib/validation/publications";

const FACT_BATCH = 500;

export type SaveIntent = "draft" | "publish";

export interface PublicationTarget {
  scope: PublicationScope;
  zoneId: string | null;
  inseeCode: string | null;
  addressIds: string[] | null;
  /** The communes it speaks for (territory check). */
  inseeCodes: string[];
  /** "ZA des Vennes (Bourg-en-Bresse)", "Commune de Viriat", "3 adresses". */
  label: string;
}

async function resolveTarget(tx: DbTransaction, actor: Actor, form: TPublicationForm): Promise<PublicationTarget> {
  if (form.scope === "ZONE") {
    const zone = await tx.activityZone.findUnique({ where: { id: form.zoneId! } });
    if (!zone || zone.archivedAt) throw new AppError("bad_request", "Zone d'activités inconnue ou archivée.", [{ name: "zoneId", reason: "Zone inconnue ou archivée." }]);
    ensure(canEditZone(actor, zone), "Cette zone n'appartient pas à votre organisation ni à votre territoire.");
    return { scope: "ZONE", zoneId: zone.id, inseeCode: null, addressIds: null, inseeCodes: [zone.inseeCode], label: `${zone.name}${zone.communeName ? ` (${zone.communeName})` : ""}` };
  }
  if (form.scope === "COMMUNE") {
    const commune = await tx.commune.findUnique({ where: { inseeCode: form.inseeCode! } });
    if (!commune) throw new AppError("bad_request", "Commune inconnue.", [{ name: "inseeCode", reason: "Commune inconnue." }]);
    return { scope: "COMMUNE", zoneId: null, inseeCode: commune.inseeCode, addressIds: null, inseeCodes: [commune.inseeCode], label: `Commune de ${commune.name}` };
  }
  const ids = form.addressIds!;
  const found = await tx.address.findMany({ where: { id: { in: ids } }, select: { id: true, inseeCode: true } });
  if (found.length !== ids.length) {
    const known = new Set(found.map((address) => address.id));
    const unknown = ids.filter((id) => !known.has(id));
    throw new AppError("bad_request", "Adresses inconnues.", [
      { name: "addressIds", reason: `Identifiant${unknown.length > 1 ? "s" : ""} BAN inconnu${unknown.length > 1 ? "s" : ""} : ${unknown.slice(0, 5).join(", ")}${unknown.length > 5 ? "…" : ""}` },
    ]);
  }
  return {
    scope: "ADDRESSES",
    zoneId: null,
    inseeCode: null,
    addressIds: ids,
    inseeCodes: [...new Set(found.map((address) => address.inseeCode))],
    label: `${ids.length} adresse${ids.length > 1 ? "s" : ""}`,
  };
}

/** What a version says, as kept in PublicationVersion and the audit log. */
export interface PublicationContent {
  target: string;
  technology: string;
  status: string;
  plannedDate: string | null;
  plannedPrecision: string | null;
  availableSince: string | null;
  operatorCodes: string[];
  message: string | null;
}

function contentOf(target: PublicationTarget, form: TPublicationForm, operatorCodes: string[]): PublicationContent {
  return {
    target: target.label,
    technology: form.technology,
    status: form.status,
    plannedDate: form.planned ? form.planned.date.toISOString().slice(0, 10) : null,
    plannedPrecision: form.planned?.precision ?? null,
    availableSince: form.availableSinceDate ? form.availableSinceDate.toISOString().slice(0, 10) : null,
    operatorCodes,
    message: form.message ?? null,
  };
}

/** One French line: "FttE : Déploiement programmé — T3 2027". */
export function describeContent(content: Pick<PublicationContent, "technology" | "status" | "plannedDate" | "plannedPrecision" | "availableSince">): string {
  const technology = TECHNOLOGY_INFO[content.technology as keyof typeof TECHNOLOGY_INFO]?.name ?? content.technology;
  const status = STATUS_LABELS[content.status as keyof typeof STATUS_LABELS] ?? content.status;
  const date = content.plannedDate
    ? ` — ${formatPlannedDate(new Date(`${content.plannedDate}T00:00:00Z`), content.plannedPrecision as never)}`
    : content.availableSince
      ? ` — depuis le ${formatDate(new Date(`${content.availableSince}T00:00:00Z`))}`
      : "";
  return `${technology} : ${status}${date}`;
}

/** The same line for a stored publication row (its dates are Date columns). */
export function describePublication(publication: {
  technology: string;
  status: string;
  plannedDate: Date | null;
  plannedPrecision: string | null;
  availableSince: Date | null;
}): string {
  return describeContent({
    technology: publication.technology,
    status: publication.status,
    plannedDate: publication.plannedDate?.toISOString().slice(0, 10) ?? null,
    plannedPrecision: publication.plannedPrecision,
    availableSince: publication.availableSince?.toISOString().slice(0, 10) ?? null,
  });
}

/**
 * The operators' codes: those ticked (they must exist) and those named in "other operators" —
 * found by name (a code's name, else an operator directory entry's: its code, or a new "PUB-" code
 * attached to the entry), or added as commercial operators with a "PUB-" code.
 */
async function checkedOperators(tx: DbTransaction, codes: readonly string[], otherNames: readonly string[]): Promise<string[]> {
  const unique = new Set(codes);
  if (unique.size) {
    const known = await tx.operator.findMany({ where: { code: { in: [...unique] } }, select: { code: true } });
    if (known.length !== unique.size) throw new AppError("bad_request", "Opérateur inconnu.", [{ name: "operatorCodes", reason: "Un opérateur choisi est inconnu." }]);
  }
  if (otherNames.length) {
    const [all, entries] = await Promise.all([
      tx.operator.findMany({ select: { code: true, name: true } }),
      tx.directoryOperator.findMany({ select: { id: true, name: true, codes: { select: { code: true }, orderBy: { code: "asc" }, take: 1 } } }),
    ]);
    const byName = new Map(all.map((operator) => [foldName(operator.name), operator.code]));
    const entryByName = new Map(entries.map((entry) => [foldName(entry.name), entry]));
    for (const name of otherNames) {
      let code = entryByName.get(foldName(name))?.codes[0]?.code ?? byName.get(foldName(name));
      if (!code) {
        const entry = entryByName.get(foldName(name));
        code = `PUB-${foldName(name).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").toUpperCase().slice(0, 30) || crypto.randomUUID().slice(0, 8)}`;
        await tx.operator.upsert({
          where: { code },
          create: { code, name: entry?.name ?? name, role: "COMMERCIAL", directoryOperatorId: entry?.id ?? null },
          update: entry ? { directoryOperatorId: entry.id } : {},
        });
        byName.set(foldName(name), code);
      }
      unique.add(code);
    }
  }
  return [...unique].sort();
}

const foldName = (name: string) => name.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();

async function organisationFor(tx: DbTransaction, actor: Actor, form: TPublicationForm): Promise<{ id: string; name: string }> {
  const id = actor.role === "ADMIN" ? (form.organisationId ?? actor.organisationId) : actor.organisationId;
  if (!id) throw new AppError("bad_request", "Choisissez l'organisation qui publie.", [{ name: "organisationId", reason: "Choisissez l'organisation qui publie." }]);
  const organisation = await tx.organisation.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!organisation) throw new AppError("bad_request", "Organisation inconnue.", [{ name: "organisationId", reason: "Organisation inconnue." }]);
  return organisation;
}

/** Replaces the publication's facts on the public pages by those of its new version. */
async function writeFacts(
  tx: DbTransaction,
  publication: { id: string; organisationId: string },
  organisationName: string,
  target: PublicationTarget,
  form: TPublicationForm,
  operatorCodes: string[],
  now: Date,
): Promise<number> {
  const before = await tx.availability.findMany({
    where: { publicationId: publication.id, withdrawnAt: null },
    select: { addressId: true, zoneId: true, technology: true, status: true },
  });
  await tx.availability.deleteMany({ where: { publicationId: publication.id } });
  // One fact per subject (the address list is deduplicated by the form): the publication is their key.
  const subjects: { addressId: string | null; zoneId: string | null }[] =
    target.scope === "ZONE"
      ? [{ addressId: null, zoneId: target.zoneId }]
      : (target.scope === "COMMUNE"
          ? (await tx.address.findMany({ where: { inseeCode: target.inseeCode! }, select: { id: true } })).map((address) => address.id)
          : target.addressIds!
        ).map((addressId) => ({ addressId, zoneId: null }));
  for (let start = 0; start < subjects.length; start += FACT_BATCH) {
    const batch = subjects.slice(start, start + FACT_BATCH).map((subject) => ({
      id: crypto.randomUUID(),
      addressId: subject.addressId,
      zoneId: subject.zoneId,
      technology: form.technology,
      status: form.status,
      availableSince: form.availableSinceDate,
      plannedDate: form.planned?.date ?? null,
      plannedPrecision: form.planned?.precision ?? null,
      sourceKind: "PUBLICATION" as const,
      sourceName: organisationName,
      recordedAt: now,
      organisationId: publication.organisationId,
      publicationId: publication.id,
    }));
    await tx.availability.createMany({ data: batch });
    if (operatorCodes.length) {
      await tx.availabilityOperator.createMany({
        data: batch.flatMap((fact) => operatorCodes.map((operatorCode) => ({ availabilityId: fact.id, operatorCode, role: "COMMERCIAL" as const }))),
      });
    }
  }
  const after = subjects.map((subject) => ({ addressId: subject.addressId, zoneId: subject.zoneId, technology: form.technology, status: form.status }));
  await logFactChanges(tx, before, after, { kind: "PUBLICATION", name: organisationName }, now);
  return subjects.length;
}

export interface SaveResult {
  id: string;
  state: PublicationState;
  version: number;
  /** Facts now on the public pages (0 for a draft). */
  factCount: number;
}

/**
 * Creates (no id) or changes a publication, as a draft or published. `expectedVersion` is the
 * version the form was loaded with: if someone saved in between, AppError "conflict".
 */
export async function savePublication(
  actor: Actor,
  form: TPublicationForm,
  options: { id?: string; expectedVersion?: number; intent: SaveIntent },
): Promise<SaveResult> {
  return db.$transaction(
    async (tx) => {
      const now = new Date();
      const existing = options.id ? await tx.publication.findUnique({ where: { id: options.id }, include: { organisation: { select: { name: true } } } }) : null;
      if (options.id && !existing) throw new AppError("not_found", "Publication introuvable.");
      if (existing) ensure(canEditPublication(actor, existing), "Cette publication appartient à une autre organisation.");
      if (existing && existing.version !== options.expectedVersion) throw conflictError(existing);
      if (existing && existing.state === "PUBLISHED" && options.intent === "draft") {
        throw new AppError("bad_request", "Une publication en ligne ne redevient pas brouillon : publiez la nouvelle version ou retirez-la.");
      }
      const target = await resolveTarget(tx, actor, form);
      ensure(canPublishFor(actor, target.inseeCodes), "Ces adresses ou cette commune sont hors du territoire de votre organisation.");
      const operatorCodes = await checkedOperators(tx, form.operatorCodes, form.otherOperators ?? []);
      const organisation = existing ? { id: existing.organisationId, name: existing.organisation.name } : await organisationFor(tx, actor, form);
      const isPublishing = options.intent === "publish";
      const fields = {
        scope: target.scope,
        zoneId: target.zoneId,
        inseeCode: target.inseeCode,
        addressIds: target.addressIds ? JSON.stringify(target.addressIds) : null,
        technology: form.technology,
        status: form.status,
        plannedDate: form.planned?.date ?? null,
        plannedPrecision: form.planned?.precision ?? null,
        availableSince: form.availableSinceDate,
        operatorCodes: JSON.stringify(operatorCodes),
        message: form.message ?? null,
        updatedById: actor.id,
        updatedByName: actor.name ?? actor.email,
        ...(isPublishing ? { state: "PUBLISHED" as const, publishedAt: now } : {}),
      };
      let id: string;
      let version: number;
      if (existing) {
        // The version condition makes the check and the write one atomic step.
        const { count } = await tx.publication.updateMany({ where: { id: existing.id, version: existing.version }, data: { ...fields, version: { increment: 1 } } });
        if (count === 0) throw conflictError(existing);
        id = existing.id;
        version = existing.version + 1;
      } else {
        const created = await tx.publication.create({ data: { ...fields, organisationId: organisation.id, createdById: actor.id } });
        id = created.id;
        version = created.version;
      }
      const content = contentOf(target, form, operatorCodes);
      const previous = existing ? await latestVersion(tx, id) : null;
      let factCount = 0;
      if (isPublishing) {
        factCount = await writeFacts(tx, { id, organisationId: organisation.id }, organisation.name, target, form, operatorCodes, now);
        await tx.publicationVersion.create({
          data: { publicationId: id, number: (previous?.number ?? 0) + 1, content: JSON.stringify(content), publishedAt: now, publishedBy: actor.name ?? actor.email },
        });
      }
      await recordAudit(tx, actor, {
        action: isPublishing ? "publication.publish" : existing ? "publication.update" : "publication.create",
        entityType: "publication",
        entityId: id,
        organisationId: organisation.id,
        summary: `${isPublishing ? "Publié" : "Brouillon enregistré"} — ${target.label} — ${describeContent(content)}`,
        before: previous ? JSON.parse(previous.content) : existing ? { state: existing.state } : undefined,
        after: content,
      });
      return { id, state: isPublishing ? "PUBLISHED" : (existing?.state ?? "DRAFT"), version, factCount };
    },
    { timeout: 60_000 },
  );
}

function conflictError(existing: { updatedByName: string | null; updatedAt: Date }): AppError {
  return new AppError(
    "conflict",
    `Cette publication a été modifiée${existing.updatedByName ? ` par ${existing.updatedByName}` : ""} pendant que vous l'éditiez. Vos modifications n'ont pas été enregistrées : elles sont conservées dans le formulaire ci-dessous, à côté de la version enregistrée. Relisez, puis enregistrez à nouveau.`,
  );
}

function latestVersion(tx: DbTransaction, publicationId: string) {
  return tx.publicationVersion.findFirst({ where: { publicationId }, orderBy: { number: "desc" } });
}

/** Takes a publication off the public pages (its facts are marked withdrawn); the history stays. */
export async function withdrawPublication(actor: Actor, id: string, expectedVersion: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const existing = await tx.publication.findUnique({ where: { id } });
    if (!existing) throw new AppError("not_found", "Publication introuvable.");
    ensure(canEditPublication(actor, existing), "Cette publication appartient à une autre organisation.");
    if (existing.state !== "PUBLISHED") throw new AppError("bad_request", "Seule une publication en ligne peut être retirée.");
    const { count } = await tx.publication.updateMany({
      where: { id, version: expectedVersion },
      data: { state: "WITHDRAWN", version: { increment: 1 }, updatedById: actor.id, updatedByName: actor.name ?? actor.email },
    });
    if (count === 0) throw conflictError(existing);
    const now = new Date();
    const before = await tx.availability.findMany({
      where: { publicationId: id, withdrawnAt: null },
      select: { addressId: true, zoneId: true, technology: true, status: true, sourceName: true },
    });
    await tx.availability.updateMany({ where: { publicationId: id, withdrawnAt: null }, data: { withdrawnAt: now } });
    if (before.length) await logFactChanges(tx, before, [], { kind: "PUBLICATION", name: before[0]!.sourceName }, now);
    await recordAudit(tx, actor, {
      action: "publication.withdraw",
      entityType: "publication",
      entityId: id,
      organisationId: existing.organisationId,
      summary: `Publication retirée des pages publiques`,
      before: { state: existing.state },
      after: { state: "WITHDRAWN" },
    });
  });
}

/** Deletes a draft that was never published. */
export async function deleteDraft(actor: Actor, id: string, expectedVersion: number): Promise<void> {
  await db.$transaction(async (tx) => {
    const existing = await tx.publication.findUnique({ where: { id } });
    if (!existing) throw new AppError("not_found", "Publication introuvable.");
    ensure(canEditPublication(actor, existing), "Cette publication appartient à une autre organisation.");
    if (existing.state !== "DRAFT") throw new AppError("bad_request", "Seul un brouillon jamais publié peut être supprimé.");
    const { count } = await tx.publication.deleteMany({ where: { id, version: expectedVersion } });
    if (count === 0) throw conflictError(existing);
    await recordAudit(tx, actor, {
      action: "publication.delete",
      entityType: "publication",
      entityId: id,
      organisationId: existing.organisationId,
      summary: "Brouillon supprimé",
      before: { technology: existing.technology, status: existing.status, message: existing.message },
    });
  });
}

export function getPublication(id: string) {
  return db.publication.findUnique({
    where: { id },
    include: {
      organisation: { select: { name: true } },
      zone: { select: { id: true, name: true, communeName: true } },
      versions: { orderBy: { number: "desc" } },
    },
  });
}

export type AdminPublication = NonNullable<Awaited<ReturnType<typeof getPublication>>>;

export function listPublications(actor: Actor, filter: { state?: PublicationState }) {
  return db.publication.findMany({
    where: { ...publicationsVisibleTo(actor), ...(filter.state ? { state: filter.state } : {}) },
    include: { organisation: { select: { name: true } }, zone: { select: { name: true } }, _count: { select: { versions: true } } },
    orderBy: { updatedAt: "desc" },
    take: 200,
  });
}

/** The zones and communes an actor may publish for, for the form's lists. */
export async function publicationChoices(actor: Actor) {
  const territory = actor.role === "ADMIN" ? undefined : [...actor.territory];
  const [zones, communes, operators, organisations] = await Promise.all([
    db.activityZone.findMany({
      where: {
        archivedAt: null,
        ...(actor.role === "ADMIN"
          ? {}
          : { OR: [{ organisationId: actor.organisationId ?? "" }, { organisationId: null, inseeCode: { in: territory } }] }),
      },
      select: { id: true, name: true, communeName: true },
      orderBy: [{ communeName: "asc" }, { name: "asc" }],
      take: 2_000,
    }),
    db.commune.findMany({
      where: territory ? { inseeCode: { in: territory } } : { kind: "COMMUNE", addresses: { some: {} } },
      select: { inseeCode: true, name: true },
      orderBy: { name: "asc" },
      take: 2_000,
    }),
    db.operator.findMany({ where: { role: { in: ["COMMERCIAL", "BOTH"] } }, select: { code: true, name: true }, orderBy: { name: "asc" } }),
    actor.role === "ADMIN" ? db.organisation.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } }) : Promise.resolve([]),
  ]);
  return { zones, communes, operators, organisations };
}

/** The form's defaults for a stored publication (edit page). */
export function publicationFormValues(publication: AdminPublication): Record<string, string | string[]> {
  return {
    scope: publication.scope,
    zoneId: publication.zoneId ?? "",
    inseeCode: publication.inseeCode ?? "",
    addressIds: publication.addressIds ? (JSON.parse(publication.addressIds) as string[]).join("\n") : "",
    technology: publication.technology,
    status: publication.status,
    plannedDate: plannedDateInput(publication.plannedDate, publication.plannedPrecision),
    availableSince: publication.availableSince?.toISOString().slice(0, 10) ?? "",
    operatorCodes: JSON.parse(publication.operatorCodes) as string[],
    message: publication.message ?? "",
  };
}
