import "server-only";
/**
 * The operator directory (platform admins, /admin/operateurs): companies, the codes files name
 * them by, their offers and what they sell where. Every change is audited. Pages read it through
 * loadOperatorDirectory(), a few hundred rows at most.
 */
import { db, type DbTransaction } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";
import { canManageOperatorDirectory, ensure } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";
import { BUSINESS_TECHNOLOGIES, type BusinessTechnology } from "@/lib/levels/levels";
import { OperatorDirectory, type DirectoryEntry } from "@/lib/operators/directory";
import type { TDirectoryOperatorForm } from "@/lib/validation/operators";

const parseList = (json: string): string[] => {
  try {
    const value = JSON.parse(json) as unknown;
    return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
  } catch {
    return [];
  }
};

type EntryRow = Awaited<ReturnType<typeof entryRows>>[number];

function entryRows() {
  return db.directoryOperator.findMany({ include: { codes: { select: { code: true }, orderBy: { code: "asc" } } }, orderBy: { name: "asc" } });
}

function toEntry(row: EntryRow): DirectoryEntry {
  return {
    id: row.id,
    name: row.name,
    website: row.website,
    offersUrl: row.offersUrl,
    eligibilityUrl: row.eligibilityUrl,
    technologies: parseList(row.technologies).filter((item): item is BusinessTechnology => (BUSINESS_TECHNOLOGIES as readonly string[]).includes(item)),
    isNational: row.isNational,
    departements: parseList(row.departements),
    isDemo: row.isDemo,
    codes: row.codes.map((code) => code.code),
  };
}

/** The directory, the codes the files cite and Arcep's reference names: what pages need to name operators. */
export async function loadOperatorDirectory(): Promise<OperatorDirectory> {
  const [entries, codes, references] = await Promise.all([
    entryRows(),
    db.operator.findMany({ select: { code: true, name: true, directoryOperatorId: true } }),
    db.operatorReference.findMany({ select: { code: true, name: true } }),
  ]);
  return new OperatorDirectory(entries.map(toEntry), codes, new Map(references.map((reference) => [reference.code, reference.name])));
}

export async function listDirectoryOperators(): Promise<DirectoryEntry[]> {
  return (await entryRows()).map(toEntry);
}

export async function getDirectoryOperator(id: string): Promise<DirectoryEntry | null> {
  const row = await db.directoryOperator.findUnique({ where: { id }, include: { codes: { select: { code: true }, orderBy: { code: "asc" } } } });
  return row ? toEntry(row) : null;
}

/**
 * The operators the public API lists: codes the sources cite or the directory holds, with the
 * directory's details (offers, tester, what it sells where) and the name businesses know.
 */
export async function listPublicOperators() {
  const [directory, rows] = await Promise.all([
    loadOperatorDirectory(),
    db.operator.findMany({
      where: { OR: [{ directoryOperatorId: { not: null } }, { availabilities: { some: {} } }] },
      select: { code: true, role: true, website: true },
      orderBy: { code: "asc" },
    }),
  ]);
  return rows.map((row) => {
    const entry = directory.entryOf(row.code);
    return {
      code: row.code,
      name: directory.nameOf(row.code),
      role: row.role,
      website: entry?.website ?? row.website,
      offersUrl: entry?.offersUrl ?? null,
      eligibilityUrl: entry?.eligibilityUrl ?? null,
      technologies: entry?.technologies ?? [],
      territories: entry ? { national: entry.isNational, departements: entry.departements } : null,
      isDemo: entry?.isDemo ?? false,
    };
  });
}

/**
 * Codes the current facts cite (not those only withdrawn facts did) that no directory entry claims
 * yet, with Arcep's name when known, else the name the file or publication gave, and how many
 * current facts cite them.
 */
export async function listUnlistedCodes(): Promise<{ code: string; name: string | null; facts: number }[]> {
  const current = { availability: { withdrawnAt: null } };
  const rows = await db.operator.findMany({
    where: { directoryOperatorId: null, availabilities: { some: current } },
    select: { code: true, name: true, _count: { select: { availabilities: { where: current } } } },
    orderBy: { code: "asc" },
  });
  const references = new Map(
    (await db.operatorReference.findMany({ where: { code: { in: rows.map((row) => row.code) } }, select: { code: true, name: true } })).map((row) => [row.code, row.name]),
  );
  return rows.map((row) => ({ code: row.code, name: references.get(row.code) ?? (row.name !== row.code ? row.name : null), facts: row._count.availabilities }));
}

async function checkedDepartements(tx: DbTransaction, codes: readonly string[]): Promise<void> {
  if (codes.length === 0) return;
  const known = new Set((await tx.departement.findMany({ where: { code: { in: [...codes] } }, select: { code: true } })).map((row) => row.code));
  const unknown = codes.filter((code) => !known.has(code));
  if (unknown.length) throw new AppError("bad_request", "Département inconnu.", [{ name: "departements", reason: `Département inconnu : ${unknown.join(", ")}.` }]);
}

/** Attaches the codes to the entry (creating the codes not cited yet); a code of another entry is refused. */
async function attachCodes(tx: DbTransaction, entryId: string, name: string, codes: readonly string[]): Promise<void> {
  const existing = await tx.operator.findMany({ where: { code: { in: [...codes] } }, include: { directoryOperator: { select: { id: true, name: true } } } });
  const taken = existing.find((operator) => operator.directoryOperator && operator.directoryOperator.id !== entryId);
  if (taken) {
    throw new AppError("conflict", "Code déjà attribué.", [{ name: "codes", reason: `Le code ${taken.code} appartient déjà à « ${taken.directoryOperator!.name} ».` }]);
  }
  await tx.operator.updateMany({ where: { directoryOperatorId: entryId, code: { notIn: [...codes] } }, data: { directoryOperatorId: null } });
  const known = new Set(existing.map((operator) => operator.code));
  for (const code of codes) {
    if (known.has(code)) await tx.operator.update({ where: { code }, data: { directoryOperatorId: entryId } });
    else await tx.operator.create({ data: { code, name, role: "BOTH", directoryOperatorId: entryId } });
  }
}

function snapshotOf(form: TDirectoryOperatorForm) {
  return {
    name: form.name,
    codes: form.codes,
    website: form.website,
    offersUrl: form.offersUrl,
    eligibilityUrl: form.eligibilityUrl,
    technologies: form.technologies,
    territories: form.coverage === "national" ? "national" : form.departements,
    isDemo: form.isDemo,
  };
}

/** Creates (no id) or replaces a directory entry; returns its id. */
export async function saveDirectoryOperator(actor: Pick<Actor, "id" | "email" | "role">, form: TDirectoryOperatorForm, id?: string): Promise<string> {
  ensure(canManageOperatorDirectory(actor as Actor), "Seuls les administrateurs de la plateforme tiennent l'annuaire des opérateurs.");
  const departements = form.coverage === "national" ? [] : form.departements;
  return db.$transaction(async (tx) => {
    await checkedDepartements(tx, departements);
    const clash = await tx.directoryOperator.findUnique({ where: { name: form.name }, select: { id: true } });
    if (clash && clash.id !== id) throw new AppError("conflict", "Nom déjà pris.", [{ name: "name", reason: `« ${form.name} » est déjà dans l'annuaire.` }]);
    const data = {
      name: form.name,
      website: form.website,
      offersUrl: form.offersUrl,
      eligibilityUrl: form.eligibilityUrl,
      technologies: JSON.stringify(form.technologies),
      isNational: form.coverage === "national",
      departements: JSON.stringify(departements),
      isDemo: form.isDemo,
    };
    let before: unknown = undefined;
    let entryId: string;
    if (id) {
      const current = await tx.directoryOperator.findUnique({ where: { id }, include: { codes: { select: { code: true } } } });
      if (!current) throw new AppError("not_found", "Cet opérateur n'est plus dans l'annuaire.");
      before = { ...current, codes: current.codes.map((code) => code.code) };
      entryId = (await tx.directoryOperator.update({ where: { id }, data })).id;
    } else {
      entryId = (await tx.directoryOperator.create({ data })).id;
    }
    await attachCodes(tx, entryId, form.name, form.codes);
    await recordAudit(tx, actor, {
      action: id ? "operator.update" : "operator.create",
      entityType: "operator",
      entityId: entryId,
      organisationId: null,
      summary: `${id ? "Fiche modifiée" : "Fiche créée"} dans l'annuaire des opérateurs : « ${form.name} »`,
      before,
      after: snapshotOf(form),
    });
    return entryId;
  });
}

export async function deleteDirectoryOperator(actor: Pick<Actor, "id" | "email" | "role">, id: string): Promise<void> {
  ensure(canManageOperatorDirectory(actor as Actor), "Seuls les administrateurs de la plateforme tiennent l'annuaire des opérateurs.");
  await db.$transaction(async (tx) => {
    const current = await tx.directoryOperator.findUnique({ where: { id }, include: { codes: { select: { code: true } } } });
    if (!current) throw new AppError("not_found", "Cet opérateur n'est plus dans l'annuaire.");
    await tx.operator.updateMany({ where: { directoryOperatorId: id }, data: { directoryOperatorId: null } });
    await tx.directoryOperator.delete({ where: { id } });
    await recordAudit(tx, actor, {
      action: "operator.delete",
      entityType: "operator",
      entityId: id,
      organisationId: null,
      summary: `Fiche retirée de l'annuaire des opérateurs : « ${current.name} »`,
      before: { ...current, codes: current.codes.map((code) => code.code) },
    });
  });
}
