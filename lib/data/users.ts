import "server-only";
/**
 * Accounts: sign-in lookups, creation (CLI, demo, admin), changes and disabling — each change
 * audited in its transaction. Password hashes leave the database only for the sign-in check.
 */
import { db, type DbTransaction } from "@/lib/db/client";
import type { UserRole } from "@/lib/db/enums";
import type { Actor } from "@/lib/auth/permissions";
import { hashPassword } from "@/lib/auth/password";
import { unlockAccount } from "@/lib/auth/throttle";
import { recordAudit, type AuditActor } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function findUserForSignIn(email: string) {
  return db.user.findUnique({ where: { email: normaliseEmail(email) }, omit: { passwordHash: false } });
}

export function findUserByEmail(email: string) {
  return db.user.findUnique({ where: { email: normaliseEmail(email) } });
}

export function findActiveUser(id: string) {
  return db.user.findFirst({
    where: { id, disabledAt: null },
    include: { organisation: { select: { name: true, communes: { select: { inseeCode: true } } } } },
  });
}

/** An active account as an actor (role, organisation, territory), read again from the database. */
export async function loadActor(id: string): Promise<(Actor & { sessionVersion: number }) | null> {
  const user = await findActiveUser(id);
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    organisationId: user.organisationId,
    organisationName: user.organisation?.name ?? null,
    territory: new Set(user.organisation?.communes.map((commune) => commune.inseeCode) ?? []),
    sessionVersion: user.sessionVersion,
  };
}

/** Whether a session of this user at this version is still good: the account active, the version current. */
export async function isSessionCurrent(id: string, sessionVersion: unknown): Promise<boolean> {
  const user = await db.user.findFirst({ where: { id, disabledAt: null }, select: { sessionVersion: true } });
  return user !== null && user.sessionVersion === sessionVersion;
}

export interface NewUser {
  email: string;
  name?: string | null;
  password: string;
  role: UserRole;
  organisationId: string | null;
}

const userSnapshot = (user: { email: string; name: string | null; role: UserRole; organisationId: string | null; disabledAt: Date | null }) => ({
  email: user.email,
  name: user.name,
  role: user.role,
  organisationId: user.organisationId,
  disabledAt: user.disabledAt,
});

export async function createUser(input: NewUser, actor: AuditActor) {
  if (input.role !== "ADMIN" && !input.organisationId) throw new AppError("bad_request", "Un compte d'organisation doit être rattaché à une organisation.");
  const email = normaliseEmail(input.email);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { email } })) throw new AppError("conflict", `Un compte existe déjà pour ${email}.`);
    if (input.organisationId && !(await tx.organisation.findUnique({ where: { id: input.organisationId } }))) {
      throw new AppError("not_found", `Organisation inconnue : ${input.organisationId}.`);
    }
    const user = await tx.user.create({
      data: { email, name: input.name?.trim() || null, passwordHash, role: input.role, organisationId: input.organisationId },
    });
    await recordAudit(tx, actor, {
      action: "user.create",
      entityType: "user",
      entityId: user.id,
      organisationId: user.organisationId,
      summary: `Compte créé pour ${email}`,
      after: userSnapshot(user),
    });
    return user;
  });
}

export function listUsers(organisationId: string | null) {
  return db.user.findMany({
    where: organisationId !== null ? { organisationId } : {},
    include: { organisation: { select: { name: true } } },
    orderBy: [{ disabledAt: "asc" }, { email: "asc" }],
  });
}

export function getUser(id: string) {
  return db.user.findUnique({ where: { id }, include: { organisation: { select: { name: true } } } });
}

export async function updateUser(
  id: string,
  changes: { name?: string | null; role?: UserRole; isDisabled?: boolean },
  actor: AuditActor,
) {
  return db.$transaction(async (tx) => {
    const before = await tx.user.findUnique({ where: { id } });
    if (!before) throw new AppError("not_found", "Compte introuvable.");
    const disabledAt = changes.isDisabled === undefined ? before.disabledAt : changes.isDisabled ? (before.disabledAt ?? new Date()) : null;
    const losesOrgAdmin = before.role === "ORG_ADMIN" && !before.disabledAt && (disabledAt !== null || (changes.role !== undefined && changes.role !== "ORG_ADMIN"));
    if (losesOrgAdmin && before.organisationId) {
      const others = await tx.user.count({ where: { organisationId: before.organisationId, role: "ORG_ADMIN", disabledAt: null, id: { not: id } } });
      if (others === 0) {
        throw new AppError("conflict", `${before.email} est le dernier administrateur actif de son organisation : nommez d'abord un autre administrateur.`);
      }
    }
    const after = await tx.user.update({
      where: { id },
      data: {
        ...(changes.name !== undefined ? { name: changes.name?.trim() || null } : {}),
        ...(changes.role ? { role: changes.role } : {}),
        disabledAt,
        // A disabled account's open sessions end at once.
        ...(disabledAt && !before.disabledAt ? { sessionVersion: { increment: 1 } } : {}),
      },
    });
    await recordAudit(tx, actor, {
      action: disabledAt && !before.disabledAt ? "user.disable" : !disabledAt && before.disabledAt ? "user.enable" : "user.update",
      entityType: "user",
      entityId: id,
      organisationId: after.organisationId,
      summary: `Compte ${after.email} modifié`,
      before: userSnapshot(before),
      after: userSnapshot(after),
    });
    return after;
  });
}

/** Lets the account sign in again from everywhere (lib/auth/throttle.ts), audited. */
export async function unlockUserSignIn(id: string, actor: AuditActor): Promise<{ email: string; lifted: number }> {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new AppError("not_found", "Compte introuvable.");
    const lifted = await unlockAccount(user.email, tx);
    await recordAudit(tx, actor, {
      action: "user.unlock",
      entityType: "user",
      entityId: id,
      organisationId: user.organisationId,
      summary: `Connexion du compte ${user.email} débloquée`,
      after: { liftedLocks: lifted },
    });
    return { email: user.email, lifted };
  });
}

/** Sets a new password and ends every open session of the account. */
export async function setPassword(id: string, password: string, actor: AuditActor, reason: string): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.$transaction((tx) => writePassword(tx, id, passwordHash, actor, reason));
}

/** setPassword inside a caller's transaction (a reset link is used up in the same one), hash already computed. */
export async function writePassword(tx: DbTransaction, id: string, passwordHash: string, actor: AuditActor, reason: string): Promise<void> {
  const user = await tx.user.update({ where: { id }, data: { passwordHash, sessionVersion: { increment: 1 } } });
  await recordAudit(tx, actor, {
    action: "user.password",
    entityType: "user",
    entityId: id,
    organisationId: user.organisationId,
    summary: `Mot de passe de ${user.email} changé (${reason})`,
  });
}
