import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import type { UserRole } from "@/lib/db/enums";
import { createOrganisation } from "@/lib/data/organisations";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { lockedAccounts, recordSignInFailure, signInBlock } from "@/lib/auth/throttle";
import { createUser, listUsers, unlockUserSignIn, updateUser } from "./users";

const admin = { id: "admin-id", email: "admin@example.test" };

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
});

const newOrganisation = async () =>
  (await createOrganisation({ name: `Org ${crypto.randomBytes(3).toString("hex")}`, kind: "COLLECTIVITE", inseeCodes: ["01053"] }, admin)).id;
const newUser = (organisationId: string, role: UserRole) =>
  createUser({ email: `${role.toLowerCase()}-${crypto.randomBytes(4).toString("hex")}@example.test`, password: "Password-2026", role, organisationId }, admin);

describe("the last active organisation admin", () => {
  it("can be neither disabled nor demoted", async () => {
    const organisationId = await newOrganisation();
    const only = await newUser(organisationId, "ORG_ADMIN");
    await expect(updateUser(only.id, { isDisabled: true }, admin)).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("dernier administrateur") });
    await expect(updateUser(only.id, { role: "EDITOR" }, admin)).rejects.toMatchObject({ code: "conflict" });
    expect(await db.user.findUnique({ where: { id: only.id } })).toMatchObject({ role: "ORG_ADMIN", disabledAt: null });
  });

  it("can be once another admin is active — a disabled one does not count", async () => {
    const organisationId = await newOrganisation();
    const first = await newUser(organisationId, "ORG_ADMIN");
    const second = await newUser(organisationId, "ORG_ADMIN");
    await updateUser(second.id, { isDisabled: true }, admin);
    await expect(updateUser(first.id, { role: "EDITOR" }, admin)).rejects.toMatchObject({ code: "conflict" });
    await updateUser(second.id, { isDisabled: false }, admin);
    await updateUser(first.id, { role: "EDITOR" }, admin);
    expect(await db.user.findUnique({ where: { id: first.id } })).toMatchObject({ role: "EDITOR" });
  });

  it("does not limit editors", async () => {
    const organisationId = await newOrganisation();
    await newUser(organisationId, "ORG_ADMIN");
    const editor = await newUser(organisationId, "EDITOR");
    await updateUser(editor.id, { isDisabled: true }, admin);
    expect((await db.user.findUnique({ where: { id: editor.id } }))?.disabledAt).toBeInstanceOf(Date);
  });
});

describe("updateUser", () => {
  it("audits a role change with the state before and after", async () => {
    const organisationId = await newOrganisation();
    await newUser(organisationId, "ORG_ADMIN");
    const editor = await newUser(organisationId, "EDITOR");
    await updateUser(editor.id, { role: "ORG_ADMIN" }, admin);
    const entry = await db.auditEntry.findFirst({ where: { entityId: editor.id, action: "user.update" } });
    expect(entry).toMatchObject({ actorId: admin.id, actorEmail: admin.email, organisationId, entityType: "user" });
    expect(JSON.parse(entry!.before!)).toMatchObject({ role: "EDITOR", email: editor.email });
    expect(JSON.parse(entry!.after!)).toMatchObject({ role: "ORG_ADMIN", email: editor.email });
  });

  it("disabling ends the sessions and is audited as user.disable; enabling as user.enable", async () => {
    const organisationId = await newOrganisation();
    await newUser(organisationId, "ORG_ADMIN");
    const editor = await newUser(organisationId, "EDITOR");
    const disabled = await updateUser(editor.id, { isDisabled: true }, admin);
    expect(disabled.sessionVersion).toBe(editor.sessionVersion + 1);
    await updateUser(editor.id, { isDisabled: false }, admin);
    const actions = (await db.auditEntry.findMany({ where: { entityId: editor.id } })).map((entry) => entry.action).sort();
    expect(actions).toEqual(["user.create", "user.disable", "user.enable"]);
  });

  it("answers not_found for an unknown account", async () => {
    await expect(updateUser("nobody", { isDisabled: true }, admin)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("listUsers", () => {
  it("lists one organisation's accounts, or everyone's", async () => {
    const a = await newOrganisation();
    const b = await newOrganisation();
    const inA = await newUser(a, "EDITOR");
    const inB = await newUser(b, "EDITOR");
    expect((await listUsers(a)).map((user) => user.id)).toEqual([inA.id]);
    expect((await listUsers(null)).map((user) => user.id)).toEqual(expect.arrayContaining([inA.id, inB.id]));
  });
});

describe("unlockUserSignIn", () => {
  it("lifts the account's locks from every source and audits who did it, from which address", async () => {
    const organisationId = await newOrganisation();
    const editor = await newUser(organisationId, "EDITOR");
    for (let attempt = 0; attempt < 10; attempt += 1) await recordSignInFailure(editor.email, attempt < 5 ? "203.0.113.5" : `203.0.113.${attempt + 10}`);
    expect(await lockedAccounts([editor.email])).toEqual(new Set([editor.email]));
    const orgAdmin = { id: "org-admin-id", email: "responsable@example.test", ip: "198.51.100.4" };
    expect(await unlockUserSignIn(editor.id, orgAdmin)).toEqual({ email: editor.email, lifted: 7 });
    expect(await signInBlock(editor.email, "203.0.113.5")).toBeNull();
    expect(await signInBlock(editor.email, "203.0.113.77")).toBeNull();
    const entry = await db.auditEntry.findFirst({ where: { entityId: editor.id, action: "user.unlock" } });
    expect(entry).toMatchObject({ actorEmail: orgAdmin.email, actorIp: "198.51.100.4", organisationId });
  });
});
