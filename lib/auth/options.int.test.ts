import crypto from "node:crypto";
import { createRequire } from "node:module";
import path from "node:path";
import type { NextAuthOptions } from "next-auth";
import { encode } from "next-auth/jwt";
import { beforeAll, describe, expect, it, vi } from "vitest";

/** next-auth's request handler without the Next.js request scope its route wrapper needs (not in its package exports). */
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: (params: { req: Request; options: NextAuthOptions }) => Promise<{ body?: unknown; redirect?: string }>;
};

const SECRET = "options-test-secret-0123456789";
const failure = vi.hoisted(() => ({ error: null as Error | null, successWrite: null as Error | null, successHold: null as Promise<void> | null, successDone: false }));
const mails = vi.hoisted(() => [] as { to: string; subject: string; text: string }[]);
vi.mock("@/lib/mail/mailer", () => ({ sendMail: async (message: { to: string; subject: string; text: string }) => void mails.push(message) }));
vi.mock("@/lib/auth/secret", () => ({ authSecret: () => SECRET }));
vi.mock("@/lib/data/users", async (original) => {
  const actual = await original<typeof import("@/lib/data/users")>();
  return {
    ...actual,
    findUserForSignIn: async (email: string) => {
      if (failure.error) throw failure.error;
      return actual.findUserForSignIn(email);
    },
  };
});

vi.mock("@/lib/auth/throttle", async (original) => {
  const actual = await original<typeof import("@/lib/auth/throttle")>();
  return {
    ...actual,
    recordSignInSuccess: async (...args: Parameters<typeof actual.recordSignInSuccess>) => {
      if (failure.successWrite) throw failure.successWrite;
      if (failure.successHold) await failure.successHold;
      await actual.recordSignInSuccess(...args);
      failure.successDone = true;
    },
  };
});

const { authOptions } = await import("@/lib/auth/options");
const { DatabaseBusyError } = await import("@/lib/db/write-gate");
const { CLIENT_IP_HEADER, markClientIpHookInstalled } = await import("@/lib/http/client-ip");
const { db } = await import("@/lib/db/client");
const { createUser, setPassword, updateUser } = await import("@/lib/data/users");
const { createOrganisation } = await import("@/lib/data/organisations");
const { loadReferenceData } = await import("@/lib/reference/load-reference-data");
const { toReferenceData } = await import("@/lib/reference/decoupage");
const { referenceFixture } = await import("@/lib/testing/reference-fixture");

const cli = { id: null, email: "cli:test" };
let organisationId: string;

beforeAll(async () => {
  markClientIpHookInstalled();
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  organisationId = (await createOrganisation({ name: "Org options", kind: "COLLECTIVITE", inseeCodes: ["01053"] }, cli)).id;
});

const newUser = async () => {
  const email = `agent-${crypto.randomBytes(4).toString("hex")}@example.test`;
  const user = await createUser({ email, name: "Agent", password: "Password-2026", role: "EDITOR", organisationId }, cli);
  const cookie = `next-auth.session-token=${await encode({ secret: SECRET, token: { name: user.name, email, sub: user.id, uid: user.id, sv: user.sessionVersion } })}`;
  return { user, cookie };
};

async function session(cookie: string): Promise<Record<string, unknown>> {
  const response = await AuthHandler({ req: new Request("http://localhost/api/auth/session", { headers: { cookie } }), options: authOptions });
  return response.body as Record<string, unknown>;
}

/** A sign-in from `ip`, stamped as the server's hook stamps requests (the spoofable header says the same). */
async function signIn(email: string, password: string, ip = "198.51.100.1"): Promise<string> {
  const csrfToken = crypto.randomBytes(16).toString("hex");
  const hash = crypto.createHash("sha256").update(`${csrfToken}${SECRET}`).digest("hex");
  const response = await AuthHandler({
    req: new Request("http://localhost/api/auth/callback/credentials", {
      method: "POST",
      headers: {
        "content-type": "application/json", cookie: `next-auth.csrf-token=${csrfToken}|${hash}`, host: "fibre-pro.test",
        [CLIENT_IP_HEADER]: ip, "x-forwarded-for": ip,
      },
      body: JSON.stringify({ email, password, csrfToken, json: "true" }),
    }),
    options: authOptions,
  });
  return String(response.redirect ?? (response.body as { url?: string } | undefined)?.url ?? "");
}

describe("GET /api/auth/session", () => {
  it("answers the session of an active account", async () => {
    const { user, cookie } = await newUser();
    expect(await session(cookie)).toMatchObject({ user: { id: user.id, email: user.email, name: "Agent" } });
  });

  it("answers nothing for a disabled account's cookie", async () => {
    const { user, cookie } = await newUser();
    await updateUser(user.id, { isDisabled: true }, cli);
    expect(await session(cookie)).toEqual({});
  });

  it("answers nothing for a cookie older than a password change", async () => {
    const { user, cookie } = await newUser();
    await setPassword(user.id, "New-Password-2026", cli, "test");
    expect(await session(cookie)).toEqual({});
  });
});

describe("POST /api/auth/callback/credentials", () => {
  it("never passes an internal error's text to the browser", async () => {
    const { user } = await newUser();
    failure.error = new Error("disk I/O error");
    const errorSpy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const redirect = await signIn(user.email, "Password-2026");
      expect(redirect).toContain("error=unavailable");
      expect(redirect).not.toMatch(/disk|I%2FO/i);
    } finally {
      failure.error = null;
      errorSpy.mockRestore();
    }
    expect(await signIn(user.email, "wrong-password")).toContain("error=CredentialsSignin");
  });

  it("signs in with the right password even when the success bookkeeping cannot be written (an import holds SQLite's lock)", async () => {
    const { user } = await newUser();
    failure.successWrite = new DatabaseBusyError();
    const errorSpy = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const redirect = await signIn(user.email, "Password-2026");
      expect(redirect).not.toContain("error=");
      expect(errorSpy).toHaveBeenCalledWith("sign-in success bookkeeping", failure.successWrite);
    } finally {
      failure.successWrite = null;
      errorSpy.mockRestore();
    }
  });

  it("answers a right password while that write still waits behind the lock, and finishes it afterwards", async () => {
    const { user } = await newUser();
    let release = () => {};
    failure.successHold = new Promise<void>((resolve) => (release = resolve));
    failure.successDone = false;
    try {
      const redirect = await signIn(user.email, "Password-2026");
      expect(redirect).not.toContain("error=");
      expect(failure.successDone).toBe(false);
    } finally {
      failure.successHold = null;
      release();
    }
    await vi.waitFor(() => expect(failure.successDone).toBe(true));
  });
});

describe("sign-in throttle", () => {
  it("five wrong passwords from one source neither lock the owner out elsewhere nor go unnoticed", async () => {
    const { user } = await newUser();
    for (let attempt = 0; attempt < 5; attempt += 1) expect(await signIn(user.email, `wrong ${attempt}`, "203.0.113.66")).toContain("error=CredentialsSignin");
    expect(await signIn(user.email, "Password-2026", "203.0.113.66")).toMatch(/error=throttled%3A1[45]%3Aaccount-source/);
    const fromOwner = await signIn(user.email, "Password-2026", "198.51.100.1");
    expect(fromOwner).not.toContain("error=");
    const mail = mails.find((message) => message.to === user.email);
    expect(mail?.subject).toBe("Fibre Pro : connexions à votre compte bloquées");
    expect(mail?.text).toContain("203.0.113.66");
    expect(mail?.text).toContain("http://fibre-pro.test/mot-de-passe-oublie");
  });
});
