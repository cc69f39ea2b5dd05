import { describe, expect, it } from "vitest";
import {
  ACCOUNT_FAILURE_INTERVAL_MS,
  lockedAccounts,
  lockedForMinutes,
  recordFailure,
  recordSignInFailure,
  recordSignInSuccess,
  resetRequestKeys,
  signInBlock,
  unlockAccount,
} from "./throttle";

const at = (start: Date, seconds: number) => new Date(start.getTime() + seconds * 1000);

describe("password reset requests", () => {
  it("are limited to 3 per address in 15 minutes, counted apart from sign-in failures", async () => {
    const now = new Date("2026-11-29T10:00:00Z");
    const keys = resetRequestKeys("Someone@Example.test", "unknown");
    for (let request = 0; request < 3; request += 1) {
      expect(await lockedForMinutes(keys, now)).toBe(0);
      await recordFailure(keys, now);
    }
    expect(await lockedForMinutes(keys, new Date(now.getTime() + 60_000))).toBe(14);
    expect(await lockedForMinutes(resetRequestKeys("someone@example.test", "10.0.0.1"), now)).toBe(15);
    expect(await signInBlock("someone@example.test", "unknown", now)).toBeNull();
    expect(await lockedForMinutes(keys, new Date(now.getTime() + 15 * 60_000))).toBe(0);
  });

  it("are limited per IP too", async () => {
    const now = new Date("2026-11-29T10:00:00Z");
    for (let request = 0; request < 20; request += 1) await recordFailure(resetRequestKeys(`user${request}@example.test`, "10.0.0.2"), now);
    expect(await lockedForMinutes(resetRequestKeys("fresh@example.test", "10.0.0.2"), now)).toBe(15);
    expect(await lockedForMinutes(resetRequestKeys("fresh@example.test", "10.0.0.3"), now)).toBe(0);
  });
});

describe("sign-in throttle", () => {
  it("locks an account from the source of five failures only: its owner elsewhere still signs in", async () => {
    const start = new Date("2026-11-29T11:00:00Z");
    const owner = "owner@example.test";
    const mails = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      expect(await signInBlock(owner, "203.0.113.66", at(start, attempt))).toBeNull();
      mails.push((await recordSignInFailure(owner, "203.0.113.66", at(start, attempt))).mailOwner);
    }
    expect(mails).toEqual([null, null, null, null, "account-source"]);
    expect(await signInBlock(owner, "203.0.113.66", at(start, 10))).toEqual({ reason: "account-source", waitMs: (15 * 60 - 10) * 1000 });
    expect(await signInBlock(owner, "198.51.100.1", at(start, 10))).toBeNull();
    expect(await lockedAccounts([owner, "other@example.test"], at(start, 10))).toEqual(new Set([owner]));
    expect(await signInBlock(owner, "203.0.113.66", at(start, 15 * 60))).toBeNull();
  });

  it("slows an account down after ten failures from anywhere, but not from where its owner signed in before", async () => {
    const start = new Date("2026-11-29T12:00:00Z");
    const owner = "target@example.test";
    await recordSignInSuccess(owner, "198.51.100.7", at(start, -3600));
    const mails = [];
    for (let attempt = 0; attempt < 10; attempt += 1) mails.push((await recordSignInFailure(owner, `203.0.113.${attempt}`, at(start, attempt))).mailOwner);
    // Tenth failure starts the slow-down: one mail, not one per source.
    expect(mails.filter(Boolean)).toHaveLength(1);
    expect(mails[9]).toBe("account");
    expect(await signInBlock(owner, "203.0.113.200", at(start, 10))).toEqual({ reason: "account", waitMs: ACCOUNT_FAILURE_INTERVAL_MS - 10_000 });
    expect(await signInBlock(owner, "198.51.100.7", at(start, 10))).toBeNull();
    // One more attempt per 30 seconds from the others.
    expect(await signInBlock(owner, "203.0.113.200", at(start, 30))).toBeNull();
    await recordSignInFailure(owner, "203.0.113.200", at(start, 30));
    expect(await signInBlock(owner, "203.0.113.201", at(start, 31))).toMatchObject({ reason: "account" });
    expect(await signInBlock(owner, "203.0.113.201", at(start, 60))).toBeNull();
  });

  it("locks a source that fails on thirty accounts", async () => {
    const start = new Date("2026-11-29T13:00:00Z");
    for (let attempt = 0; attempt < 30; attempt += 1) await recordSignInFailure(`user${attempt}@spray.test`, "203.0.113.99", start);
    expect(await signInBlock("anyone@spray.test", "203.0.113.99", start)).toMatchObject({ reason: "source" });
    expect(await signInBlock("anyone@spray.test", "203.0.113.98", start)).toBeNull();
  });

  it("is lifted by an unlock, for that account only (addresses with _ and % included)", async () => {
    const start = new Date("2026-11-29T14:00:00Z");
    for (const email of ["jean_martin@example.test", "jeanXmartin@example.test", "a%b@example.test"]) {
      for (let attempt = 0; attempt < 10; attempt += 1) await recordSignInFailure(email, attempt < 5 ? "203.0.113.1" : `203.0.113.${attempt}`, start);
    }
    expect(await unlockAccount("jean_martin@example.test")).toBe(7);
    expect(await signInBlock("jean_martin@example.test", "203.0.113.1", start)).toBeNull();
    expect(await signInBlock("jean_martin@example.test", "203.0.113.250", start)).toBeNull();
    expect(await signInBlock("jeanXmartin@example.test", "203.0.113.1", start)).toMatchObject({ reason: "account-source" });
    expect(await lockedAccounts(["jean_martin@example.test", "jeanXmartin@example.test", "a%b@example.test"], start)).toEqual(
      new Set(["jeanXmartin@example.test", "a%b@example.test"]),
    );
  });

  it("a success clears its own source's failures", async () => {
    const start = new Date("2026-11-29T15:00:00Z");
    for (let attempt = 0; attempt < 4; attempt += 1) await recordSignInFailure("forgetful@example.test", "198.51.100.3", start);
    await recordSignInSuccess("forgetful@example.test", "198.51.100.3", start);
    for (let attempt = 0; attempt < 4; attempt += 1) await recordSignInFailure("forgetful@example.test", "198.51.100.3", start);
    expect(await signInBlock("forgetful@example.test", "198.51.100.3", start)).toBeNull();
  });
});
