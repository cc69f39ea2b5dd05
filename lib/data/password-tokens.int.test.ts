import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { createOrganisation } from "@/lib/data/organisations";
import { createUser, findUserForSignIn, updateUser } from "@/lib/data/users";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { INVALID_TOKEN_MESSAGE, checkPasswordToken, createPasswordToken, hashToken, redeemPasswordToken, requestPasswordReset } from "./password-tokens";

const cli = { id: null, email: "cli:test" };
let organisationId: string;

async function newUser() {
  const email = `user-${crypto.randomBytes(4).toString("hex")}@example.test`;
  return createUser({ email, password: "old-Password-2026", role: "EDITOR", organisationId }, cli);
}

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  organisationId = (await createOrganisation({ name: "Bourg", kind: "COLLECTIVITE", inseeCodes: ["01053"] }, cli)).id;
});

describe("requestPasswordReset", () => {
  it("stores only the SHA-256 of a 32-byte token, valid one hour", async () => {
    const user = await newUser();
    const now = new Date("2026-11-29T10:00:00Z");
    const request = await requestPasswordReset(user.email.toUpperCase(), now);
    expect(request?.email).toBe(user.email);
    expect(Buffer.from(request!.token, "base64url")).toHaveLength(32);
    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(crypto.createHash("sha256").update(request!.token).digest("hex"));
    expect(JSON.stringify(rows)).not.toContain(request!.token);
    expect(rows[0]!.expiresAt.toISOString()).toBe("2026-11-29T11:00:00.000Z");
  });

  it("gives nothing for an unknown or disabled account", async () => {
    expect(await requestPasswordReset("nobody@example.test")).toBeNull();
    const user = await newUser();
    await updateUser(user.id, { isDisabled: true }, cli);
    expect(await requestPasswordReset(user.email)).toBeNull();
  });
});

describe("checkPasswordToken", () => {
  it("tells a reset link from an invitation, and refuses unknown and expired ones", async () => {
    const user = await newUser();
    const now = new Date();
    const reset = await createPasswordToken(user.id, "reset", now);
    const invitation = await createPasswordToken(user.id, "invitation", now);
    expect(await checkPasswordToken(reset, now)).toEqual({ isValid: true, kind: "reset", email: user.email });
    expect(await checkPasswordToken(invitation, now)).toEqual({ isValid: true, kind: "invitation", email: user.email });
    expect(await checkPasswordToken(reset, new Date(now.getTime() + 61 * 60_000))).toEqual({ isValid: false });
    expect(await checkPasswordToken(invitation, new Date(now.getTime() + 71 * 3_600_000))).toMatchObject({ isValid: true });
    expect(await checkPasswordToken(invitation, new Date(now.getTime() + 73 * 3_600_000))).toEqual({ isValid: false });
    expect(await checkPasswordToken("not-a-token")).toEqual({ isValid: false });
    expect(await checkPasswordToken("")).toEqual({ isValid: false });
  });
});

describe("redeemPasswordToken", () => {
  it("sets the password, ends the sessions, burns every pending link of the account and is audited", async () => {
    const user = await newUser();
    const token = await createPasswordToken(user.id, "reset");
    const other = await createPasswordToken(user.id, "reset");

    expect(await redeemPasswordToken(token, "new-Password-2026")).toEqual({ email: user.email });

    const after = await findUserForSignIn(user.email);
    expect(await verifyPassword("new-Password-2026", after!.passwordHash)).toBe(true);
    expect(await verifyPassword("old-Password-2026", after!.passwordHash)).toBe(false);
    expect(after!.sessionVersion).toBe(user.sessionVersion + 1);
    const rows = await db.passwordResetToken.findMany({ where: { userId: user.id } });
    expect(rows.map((row) => row.usedAt !== null)).toEqual([true, true]);
    expect(await checkPasswordToken(other)).toEqual({ isValid: false });

    const audit = await db.auditEntry.findMany({ where: { entityId: user.id, action: "user.password" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: user.id, actorEmail: user.email, organisationId, entityType: "user" });
    expect(audit[0]!.summary).toContain("réinitialisation");
    expect(audit[0]!.summary).not.toContain("new-Password");
  });

  it("works once only", async () => {
    const user = await newUser();
    const token = await createPasswordToken(user.id, "reset");
    await redeemPasswordToken(token, "first-Password-2026");
    await expect(redeemPasswordToken(token, "second-Password-2026")).rejects.toMatchObject({ code: "bad_request", message: INVALID_TOKEN_MESSAGE });
    const after = await findUserForSignIn(user.email);
    expect(await verifyPassword("first-Password-2026", after!.passwordHash)).toBe(true);
  });

  it("refuses an expired link, an unknown one, and one of an account disabled since", async () => {
    const user = await newUser();
    const created = new Date(Date.now() - 2 * 3_600_000);
    const expired = await createPasswordToken(user.id, "reset", created);
    await expect(redeemPasswordToken(expired, "new-Password-2026")).rejects.toMatchObject({ code: "bad_request" });
    await expect(redeemPasswordToken(crypto.randomBytes(32).toString("base64url"), "new-Password-2026")).rejects.toMatchObject({ code: "bad_request" });

    const fresh = await createPasswordToken(user.id, "reset");
    await updateUser(user.id, { isDisabled: true }, cli);
    await expect(redeemPasswordToken(fresh, "new-Password-2026")).rejects.toMatchObject({ code: "bad_request" });
    expect(await db.passwordResetToken.findUnique({ where: { tokenHash: hashToken(fresh) } })).toMatchObject({ usedAt: null });
  });

  it("says an invitation was accepted in the audit log", async () => {
    const user = await newUser();
    await redeemPasswordToken(await createPasswordToken(user.id, "invitation"), "chosen-Password-2026");
    const audit = await db.auditEntry.findFirst({ where: { entityId: user.id, action: "user.password" } });
    expect(audit?.summary).toContain("invitation acceptée");
  });
});
