import "server-only";
/**
 * One-time links to set a password: a forgotten-password reset (valid 1 hour) or the invitation
 * of a new account (valid 72 hours). The link carries 32 random bytes; only their SHA-256 is
 * stored, so a copy of the database gives no usable link. Using a link sets the password, ends
 * the account's open sessions, burns every other pending link of the account and is audited —
 * all in one transaction.
 */
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { normaliseEmail, writePassword } from "@/lib/data/users";
import { AppError } from "@/lib/errors";

export type PasswordTokenKind = "reset" | "invitation";

export const TOKEN_VALIDITY_MS: Record<PasswordTokenKind, number> = {
  reset: 60 * 60 * 1000,
  invitation: 72 * 60 * 60 * 1000,
};

export function hashToken(token: string): string {
  return crypto.createHash("sha256").update(token, "utf8").digest("hex");
}

/** The schema keeps no kind: a link living longer than a reset link is an invitation. */
const kindOf = (token: { createdAt: Date; expiresAt: Date }): PasswordTokenKind =>
  token.expiresAt.getTime() - token.createdAt.getTime() > TOKEN_VALIDITY_MS.reset ? "invitation" : "reset";

/** Creates a link for this account and returns its token (to put in the mail, never stored). */
export async function createPasswordToken(userId: string, kind: PasswordTokenKind, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await db.passwordResetToken.create({
    data: { tokenHash: hashToken(token), userId, createdAt: now, expiresAt: new Date(now.getTime() + TOKEN_VALIDITY_MS[kind]) },
  });
  return token;
}

/**
 * A reset link for the active account with this address, or null when there is none (the
 * caller answers the same either way).
 */
export async function requestPasswordReset(email: string, now = new Date()): Promise<{ email: string; token: string } | null> {
  const user = await db.user.findUnique({ where: { email: normaliseEmail(email) }, select: { id: true, email: true, disabledAt: true } });
  if (!user || user.disabledAt) return null;
  return { email: user.email, token: await createPasswordToken(user.id, "reset", now) };
}

export type PasswordTokenCheck = { isValid: true; kind: PasswordTokenKind; email: string } | { isValid: false };

const INVALID: PasswordTokenCheck = { isValid: false };

/** Whether a link can still be used (unknown, used, expired and disabled accounts all say no). */
export async function checkPasswordToken(token: string, now = new Date()): Promise<PasswordTokenCheck> {
  if (!token || token.length > 200) return INVALID;
  const row = await db.passwordResetToken.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { user: { select: { email: true, disabledAt: true } } },
  });
  if (!row || row.usedAt || row.expiresAt <= now || row.user.disabledAt) return INVALID;
  return { isValid: true, kind: kindOf(row), email: row.user.email };
}

export const INVALID_TOKEN_MESSAGE = "Ce lien n'est plus valable : il a déjà servi, il a expiré ou il est incomplet.";

/** Sets the password through a link and uses the link up; AppError("bad_request") when the link is not valid. */
export async function redeemPasswordToken(token: string, password: string, now = new Date()): Promise<{ email: string }> {
  const check = await checkPasswordToken(token, now);
  if (!check.isValid) throw new AppError("bad_request", INVALID_TOKEN_MESSAGE);
  const passwordHash = await hashPassword(password);
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    // Claimed with a condition, so two concurrent uses cannot both succeed.
    const claimed = await tx.passwordResetToken.updateMany({ where: { tokenHash, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count !== 1) throw new AppError("bad_request", INVALID_TOKEN_MESSAGE);
    const row = await tx.passwordResetToken.findUniqueOrThrow({ where: { tokenHash }, include: { user: { select: { id: true, email: true } } } });
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: now } });
    const kind = kindOf(row);
    await writePassword(tx, row.user.id, passwordHash, row.user, kind === "invitation" ? "invitation acceptée" : "lien de réinitialisation reçu par e-mail");
    return { email: row.user.email };
  });
}
