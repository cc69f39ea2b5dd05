import "server-only";
/**
 * Brute-force protection of the sign-in, built so that nobody can lock an owner out of their
 * account (LoginThrottle rows, shared by every server on the database; windows of 15 minutes).
 * A source is the client's bucket (lib/http/client-ip.ts: an IPv4 address or an IPv6 /64).
 *
 * - account × source: 5 failures lock that account from that source only ("pair:<email>|<source>");
 * - source: 30 failures, whatever the accounts, lock the source ("ip:<source>");
 * - account, from every source: after 10 failures, one more per 30 s ("email:<email>") — a slow-down
 *   that spares the sources the account signed in from successfully in the last 90 days
 *   ("known:<email>|<source>"), so an attacker elsewhere cannot keep the owner out.
 * A success clears its own pair. An organisation admin can unlock an account (`unlockAccount`).
 * Password reset requests are counted with the generic functions, under "reset-email:" and "reset-ip:".
 */
import { db, type DbTransaction } from "@/lib/db/client";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT_AND_SOURCE = 5;
export const MAX_FAILURES_PER_SOURCE = 30;
export const ACCOUNT_FREE_FAILURES = 10;
export const ACCOUNT_FAILURE_INTERVAL_MS = 30 * 1000;
export const KNOWN_SOURCE_MS = 90 * 24 * 60 * 60 * 1000;
/** At most one "your account was locked" mail per account in this time. */
export const LOCK_MAIL_INTERVAL_MS = 60 * 60 * 1000;

const normalizeEmail = (email: string) => email.trim().toLowerCase();
const pairKey = (email: string, source: string) => `pair:${normalizeEmail(email)}|${source}`;
const accountKey = (email: string) => `email:${normalizeEmail(email)}`;
const sourceKey = (source: string) => `ip:${source}`;
const knownKey = (email: string, source: string) => `known:${normalizeEmail(email)}|${source}`;
const mailedKey = (email: string) => `mailed:${normalizeEmail(email)}`;

export interface ThrottleKey {
  key: string;
  max: number;
}

export const MAX_RESET_REQUESTS_PER_ACCOUNT = 3;
export const MAX_RESET_REQUESTS_PER_IP = 20;

/** Every reset request counts (not only failures): it sends a mail. */
export function resetRequestKeys(email: string, source: string): ThrottleKey[] {
  return [
    { key: `reset-email:${normalizeEmail(email)}`, max: MAX_RESET_REQUESTS_PER_ACCOUNT },
    { key: `reset-ip:${source}`, max: MAX_RESET_REQUESTS_PER_IP },
  ];
}

/** Minutes until these keys allow another attempt, or 0 when they allow it now. */
export async function lockedForMinutes(keys: ThrottleKey[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys.map((entry) => entry.key) } } });
  let waitMs = 0;
  for (const row of rows) {
    const max = keys.find((entry) => entry.key === row.key)!.max;
    const endsAt = row.windowStart.getTime() + THROTTLE_WINDOW_MS;
    if (row.failures >= max && endsAt > now.getTime()) waitMs = Math.max(waitMs, endsAt - now.getTime());
  }
  return waitMs === 0 ? 0 : Math.ceil(waitMs / 60_000);
}

/**
 * Counts one attempt for each key (a window past its end starts again); returns the counts.
 * `account` marks the rows that hold that account back (see unlockAccount).
 */
export async function recordFailure(keys: { key: string; account?: string }[], now = new Date()): Promise<Map<string, number>> {
  const windowFloor = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const counts = new Map<string, number>();
  for (const { key, account = null } of keys) {
    const failures = await db.$transaction(async (tx) => {
      const current = await tx.loginThrottle.findUnique({ where: { key } });
      if (!current || current.windowStart <= windowFloor) {
        const row = { windowStart: now, failures: 1, account };
        await tx.loginThrottle.upsert({ where: { key }, create: { key, ...row }, update: row });
        return 1;
      }
      return (await tx.loginThrottle.update({ where: { key }, data: { failures: { increment: 1 } } })).failures;
    });
    counts.set(key, failures);
  }
  return counts;
}

export type SignInBlock = { reason: "source" | "account-source" | "account"; waitMs: number };

/** Why and how long a sign-in to `email` from `source` must wait, or null when it may be tried now. */
export async function signInBlock(email: string, source: string, now = new Date()): Promise<SignInBlock | null> {
  const keys = [sourceKey(source), pairKey(email, source), accountKey(email), knownKey(email, source)];
  const rows = new Map((await db.loginThrottle.findMany({ where: { key: { in: keys } } })).map((row) => [row.key, row]));
  const time = now.getTime();
  const windowLeft = (key: string, max: number) => {
    const row = rows.get(key);
    const endsAt = row ? row.windowStart.getTime() + THROTTLE_WINDOW_MS : 0;
    return row && row.failures >= max && endsAt > time ? endsAt - time : 0;
  };
  const sourceWait = windowLeft(sourceKey(source), MAX_FAILURES_PER_SOURCE);
  if (sourceWait > 0) return { reason: "source", waitMs: sourceWait };
  const pairWait = windowLeft(pairKey(email, source), MAX_FAILURES_PER_ACCOUNT_AND_SOURCE);
  if (pairWait > 0) return { reason: "account-source", waitMs: pairWait };

  const known = rows.get(knownKey(email, source));
  if (known && known.windowStart.getTime() > time - KNOWN_SOURCE_MS) return null;
  const account = rows.get(accountKey(email));
  if (!account || account.windowStart.getTime() + THROTTLE_WINDOW_MS <= time) return null;
  const nextAllowedAt = account.windowStart.getTime() + (account.failures - ACCOUNT_FREE_FAILURES + 1) * ACCOUNT_FAILURE_INTERVAL_MS;
  return account.failures >= ACCOUNT_FREE_FAILURES && nextAllowedAt > time ? { reason: "account", waitMs: nextAllowedAt - time } : null;
}

export type LockStarted = "account-source" | "account";

/**
 * Counts a failed sign-in. `mailOwner` says which lock this failure started — the account from
 * this source, or the account's slow-down — when the owner has not been told in the last hour.
 */
export async function recordSignInFailure(email: string, source: string, now = new Date()): Promise<{ mailOwner: LockStarted | null }> {
  const account = normalizeEmail(email);
  const counts = await recordFailure([{ key: sourceKey(source) }, { key: pairKey(email, source), account }, { key: accountKey(email), account }], now);
  const started: LockStarted | null =
    counts.get(pairKey(email, source)) === MAX_FAILURES_PER_ACCOUNT_AND_SOURCE
      ? "account-source"
      : counts.get(accountKey(email)) === ACCOUNT_FREE_FAILURES
        ? "account"
        : null;
  if (!started) return { mailOwner: null };
  const key = mailedKey(email);
  const mailed = await db.loginThrottle.findUnique({ where: { key } });
  if (mailed && mailed.windowStart.getTime() > now.getTime() - LOCK_MAIL_INTERVAL_MS) return { mailOwner: null };
  await db.loginThrottle.upsert({ where: { key }, create: { key, windowStart: now, failures: 0 }, update: { windowStart: now } });
  return { mailOwner: started };
}

/** A success: this source's failures on the account are forgotten and the source becomes known. */
export async function recordSignInSuccess(email: string, source: string, now = new Date()): Promise<void> {
  const key = knownKey(email, source);
  await db.loginThrottle.deleteMany({ where: { key: pairKey(email, source) } });
  await db.loginThrottle.upsert({ where: { key }, create: { key, windowStart: now, failures: 0 }, update: { windowStart: now } });
}

/** Lifts every lock and the slow-down of an account (the sources' own limits stay); how many rows were lifted. */
export async function unlockAccount(email: string, tx: DbTransaction = db): Promise<number> {
  return (await tx.loginThrottle.deleteMany({ where: { account: normalizeEmail(email) } })).count;
}

/** Of these accounts, those that some source cannot sign in to now, or that are slowed down. */
export async function lockedAccounts(emails: string[], now = new Date()): Promise<Set<string>> {
  if (emails.length === 0) return new Set();
  const rows = await db.loginThrottle.findMany({
    where: { account: { in: emails.map(normalizeEmail) }, windowStart: { gt: new Date(now.getTime() - THROTTLE_WINDOW_MS) } },
  });
  const locked = new Set<string>();
  for (const row of rows) {
    const max = row.key.startsWith("pair:") ? MAX_FAILURES_PER_ACCOUNT_AND_SOURCE : ACCOUNT_FREE_FAILURES;
    if (row.failures >= max) locked.add(row.account!);
  }
  return new Set(emails.filter((email) => locked.has(normalizeEmail(email))));
}
