/**
 * The outbox: mails are written to the OutboxMail table in the same transaction as what causes
 * them (a subscription, a digest, a moderation), then delivered by `npm run worker`.
 *
 * - A worker claims a row with one conditional UPDATE (PENDING and due, or SENDING with an
 *   expired lock → SENDING, locked by this worker): of two workers, one wins, the other skips it.
 * - A failed send is retried with a growing delay (1 min, 4 min, 16 min… at most 6 h), then
 *   given up (FAILED) after MAX_ATTEMPTS; the error is kept on the row.
 * - A worker that dies while sending leaves a lock that expires after LOCK_SECONDS: the mail is
 *   sent again. The row id is the mail's Message-ID and the .eml file's name, so that second
 *   delivery is the same message (one file in the outbox folder). SMTP timeouts stay well under
 *   LOCK_SECONDS (lib/mail/mailer.ts), so a slow server cannot let a second worker reclaim a mail
 *   still being sent. A mail whose sending keeps killing its worker is given up after
 *   MAX_ATTEMPTS claims like any other.
 * - Sent mails are kept SENT_RETENTION_DAYS for support, then deleted with their content.
 */
import os from "node:os";
import crypto from "node:crypto";
import { db, type DbTransaction } from "@/lib/db/client";
import type { MailMessage, SendMail } from "@/lib/mail/mailer";

export type OutboxKind = "alert.confirm" | "alert.digest" | "report.outcome";

export const MAX_ATTEMPTS = 8;
export const LOCK_SECONDS = 120;
export const SENT_RETENTION_DAYS = 30;
const BATCH = 20;

/** Delay before attempt n+1 after n failed attempts: 1, 4, 16, 64 min, 4 h 16, then 6 h. */
export function retryDelayMs(failedAttempts: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, failedAttempts - 1), 6 * 3600_000);
}

/** Queues a mail, inside the caller's transaction when given one; returns the row id. */
export async function enqueueMail(kind: OutboxKind, message: MailMessage, tx: DbTransaction = db, now = new Date()): Promise<string> {
  const row = await tx.outboxMail.create({
    data: {
      kind,
      createdAt: now,
      nextAttemptAt: now,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers ? JSON.stringify(message.headers) : null,
    },
    select: { id: true },
  });
  return row.id;
}

export interface DeliveryOptions {
  send: SendMail;
  /** Names this worker in the lock; unique per process by default. */
  workerId?: string;
  now?: () => Date;
  /** Checked before each mail: true stops the round (a worker asked to stop finishes the mail in hand only). */
  shouldStop?: () => boolean;
}

export interface DeliveryCounts {
  sent: number;
  retried: number;
  failed: number;
}

export const defaultWorkerId = () => `${os.hostname()}:${process.pid}:${crypto.randomBytes(3).toString("hex")}`;

const dueCondition = (now: Date) => ({
  attempts: { lt: MAX_ATTEMPTS },
  OR: [
    { state: "PENDING", nextAttemptAt: { lte: now } },
    { state: "SENDING", lockedUntil: { lt: now } },
  ],
});

/** Sends one claimed row; true when this worker won the claim. */
async function claimAndSend(id: string, options: Required<DeliveryOptions>, counts: DeliveryCounts): Promise<boolean> {
  const now = options.now();
  const claimed = await db.outboxMail.updateMany({
    where: { id, ...dueCondition(now) },
    data: { state: "SENDING", lockedBy: options.workerId, lockedUntil: new Date(now.getTime() + LOCK_SECONDS * 1000), attempts: { increment: 1 } },
  });
  if (claimed.count === 0) return false;
  const row = await db.outboxMail.findUniqueOrThrow({ where: { id } });
  try {
    await options.send(
      { to: row.to, subject: row.subject, text: row.text, html: row.html, ...(row.headers ? { headers: JSON.parse(row.headers) as Record<string, string> } : {}) },
      { outboxId: row.id },
    );
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const givesUp = row.attempts >= MAX_ATTEMPTS;
    await db.outboxMail.updateMany({
      where: { id, lockedBy: options.workerId },
      data: givesUp
        ? { state: "FAILED", lockedBy: null, lockedUntil: null, lastError: reason }
        : { state: "PENDING", lockedBy: null, lockedUntil: null, lastError: reason, nextAttemptAt: new Date(options.now().getTime() + retryDelayMs(row.attempts)) },
    });
    if (givesUp) counts.failed += 1;
    else counts.retried += 1;
    return true;
  }
  await db.outboxMail.updateMany({ where: { id, lockedBy: options.workerId }, data: { state: "SENT", sentAt: options.now(), lockedBy: null, lockedUntil: null, lastError: null } });
  counts.sent += 1;
  return true;
}

/** Sends every mail that is due, oldest first, until none is left; safe to run in several processes at once. */
export async function deliverDueMails(input: DeliveryOptions): Promise<DeliveryCounts> {
  const options: Required<DeliveryOptions> = { workerId: defaultWorkerId(), now: () => new Date(), shouldStop: () => false, ...input };
  const counts: DeliveryCounts = { sent: 0, retried: 0, failed: 0 };
  // Rows another worker won in between are skipped; this only guards against looping on them.
  const skipped = new Set<string>();
  for (;;) {
    const due = await db.outboxMail.findMany({
      where: { ...dueCondition(options.now()), ...(skipped.size ? { id: { notIn: [...skipped] } } : {}) },
      orderBy: { createdAt: "asc" },
      select: { id: true },
      take: BATCH,
    });
    if (due.length === 0) return counts;
    for (const { id } of due) {
      if (options.shouldStop()) return counts;
      if (!(await claimAndSend(id, options, counts))) skipped.add(id);
    }
  }
}

/** Sends one queued mail now if it is still due (a page queued it and wants it out at once). */
export async function deliverMailNow(id: string, input: DeliveryOptions): Promise<void> {
  const options: Required<DeliveryOptions> = { workerId: defaultWorkerId(), now: () => new Date(), shouldStop: () => false, ...input };
  await claimAndSend(id, options, { sent: 0, retried: 0, failed: 0 });
}

/**
 * Marks as given up the mails whose last claim expired after MAX_ATTEMPTS (their sending killed
 * the worker each time), then deletes sent and given-up mails older than the retention period.
 */
export async function purgeOutbox(now = new Date()): Promise<number> {
  await db.outboxMail.updateMany({
    where: { state: "SENDING", attempts: { gte: MAX_ATTEMPTS }, lockedUntil: { lt: now } },
    data: { state: "FAILED", lockedBy: null, lockedUntil: null, lastError: "abandonné : l'envoi a interrompu le worker à chaque tentative" },
  });
  const before = new Date(now.getTime() - SENT_RETENTION_DAYS * 86_400_000);
  const { count } = await db.outboxMail.deleteMany({
    where: { OR: [{ state: "SENT", sentAt: { lt: before } }, { state: "FAILED", createdAt: { lt: before } }] },
  });
  return count;
}
