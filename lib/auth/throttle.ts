import "server-only";
/**
 * Brute-force protection of the sign-in: failed attempts are counted per account and per IP in a
 * fixed window (LoginThrottle, shared by every server on the database). Past the limit, sign-in is
 * refused — even with the right password — until the window ends. A success clears the account's count.
 * Password reset requests are counted the same way, under their own keys ("reset-email:", "reset-ip:").
 */
import { db } from "@/lib/db/client";

export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_ACCOUNT = 5;
export const MAX_FAILURES_PER_IP = 30;

export function throttleKeys(email: string, ip: string | null): { key: string; max: number }[] {
  const keys = [{ key: `email:${email.trim().toLowerCase()}`, max: MAX_FAILURES_PER_ACCOUNT }];
  if (ip) keys.push({ key: `ip:${ip}`, max: MAX_FAILURES_PER_IP });
  return keys;
}

export const MAX_RESET_REQUESTS_PER_ACCOUNT = 3;
export const MAX_RESET_REQUESTS_PER_IP = 20;

/** Every reset request counts (not only failures): it sends a mail. */
export function resetRequestKeys(email: string, ip: string | null): { key: string; max: number }[] {
  const keys = [{ key: `reset-email:${email.trim().toLowerCase()}`, max: MAX_RESET_REQUESTS_PER_ACCOUNT }];
  if (ip) keys.push({ key: `reset-ip:${ip}`, max: MAX_RESET_REQUESTS_PER_IP });
  return keys;
}

/** Minutes until sign-in is allowed again for these keys, or 0 when it is allowed now. */
export async function lockedForMinutes(keys: { key: string; max: number }[], now = new Date()): Promise<number> {
  const rows = await db.loginThrottle.findMany({ where: { key: { in: keys.map((entry) => entry.key) } } });
  let waitMs = 0;
  for (const row of rows) {
    const max = keys.find((entry) => entry.key === row.key)!.max;
    const endsAt = row.windowStart.getTime() + THROTTLE_WINDOW_MS;
    if (row.failures >= max && endsAt > now.getTime()) waitMs = Math.max(waitMs, endsAt - now.getTime());
  }
  return waitMs === 0 ? 0 : Math.ceil(waitMs / 60_000);
}

/** Counts one failed attempt for each key; a window past its end starts again. */
export async function recordFailure(keys: { key: string }[], now = new Date()): Promise<void> {
  const windowFloor = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  for (const { key } of keys) {
    await db.$transaction(async (tx) => {
      const current = await tx.loginThrottle.findUnique({ where: { key } });
      if (!current || current.windowStart <= windowFloor) {
        await tx.loginThrottle.upsert({ where: { key }, create: { key, windowStart: now, failures: 1 }, update: { windowStart: now, failures: 1 } });
      } else {
        await tx.loginThrottle.update({ where: { key }, data: { failures: { increment: 1 } } });
      }
    });
  }
}

export async function clearFailures(email: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key: `email:${email.trim().toLowerCase()}` } });
}
