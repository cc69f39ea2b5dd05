import "server-only";
/**
 * "Me prévenir": alerts by email when the fibre of an address or a zone changes.
 *
 * - Subscribing queues a confirmation mail (double opt-in); nothing is ever sent to an address
 *   that has not clicked its link. Asking again within 10 minutes queues no second mail.
 * - Confirming stores a snapshot of what the page says (lib/alerts/snapshot.ts).
 * - `sendAlertDigests` (run by the worker) compares each subscription's snapshot with the page as
 *   it is now — whatever changed it: a publication, its withdrawal, an import — and queues ONE
 *   mail per person listing every address and zone of theirs that changed. The snapshots are
 *   replaced in the same transaction as the mail is queued, guarded by a version number: of two
 *   workers checking the same person at once, one queues the digest, the other's transaction
 *   is rolled back.
 * - Every mail links to one-click unsubscription; the link also offers to undo it.
 * - Retention: unconfirmed subscriptions are deleted 7 days after the confirmation mail,
 *   unsubscribed ones 30 days after; `npm run privacy:erase` deletes a person's at once.
 */
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { diffSnapshots, parseSnapshot, type Change, type Snapshot } from "@/lib/alerts/snapshot";
import { alertLinks, isValidAlertToken } from "@/lib/alerts/tokens";
import { getAddressEligibility } from "@/lib/data/eligibility";
import { getCoverage } from "@/lib/data/coverage";
import { getZoneSchedule } from "@/lib/data/zones";
import { dateLine, provenanceLine } from "@/lib/eligibility-text";
import { alertConfirmationMail, alertDigestMail, type DigestItem } from "@/lib/mail/alert-templates";
import { enqueueMail } from "@/lib/mail/outbox";
import { formatAddressLabel } from "@/lib/text/address-label";
import type { TAlertForm } from "@/lib/validation/alerts";

export const CONFIRMATION_RESEND_MINUTES = 10;
export const UNCONFIRMED_RETENTION_DAYS = 7;
export const UNSUBSCRIBED_RETENTION_DAYS = 30;

interface Target {
  key: string;
  addressId: string | null;
  zoneId: string | null;
  label: string;
  path: string;
}

const addressSelect = { id: true, number: true, suffix: true, street: true, postcode: true, communeName: true } as const;
const zoneSelect = { id: true, name: true, communeName: true, archivedAt: true } as const;

function addressTarget(address: { id: string; number: number | null; suffix: string | null; street: string; postcode: string | null; communeName: string }): Target {
  return { key: `a:${address.id}`, addressId: address.id, zoneId: null, label: formatAddressLabel(address), path: `/adresse/${encodeURIComponent(address.id)}` };
}

function zoneTarget(zone: { id: string; name: string; communeName: string | null }): Target {
  return {
    key: `z:${zone.id}`,
    addressId: null,
    zoneId: zone.id,
    label: `Zone d'activités ${zone.name}${zone.communeName ? ` (${zone.communeName})` : ""}`,
    path: `/zone/${encodeURIComponent(zone.id)}`,
  };
}

async function findTarget(type: TAlertForm["targetType"], id: string): Promise<Target> {
  if (type === "address") {
    const address = await db.address.findUnique({ where: { id }, select: addressSelect });
    if (!address) throw new AppError("not_found", "Adresse inconnue.");
    return addressTarget(address);
  }
  const zone = await db.activityZone.findUnique({ where: { id }, select: zoneSelect });
  if (!zone || zone.archivedAt) throw new AppError("not_found", "Zone d'activités inconnue ou archivée.");
  return zoneTarget(zone);
}

type SubscriptionWithTarget = Awaited<ReturnType<typeof loadSubscription>>;

function loadSubscription(id: string) {
  return db.alertSubscription.findUnique({ where: { id }, include: { address: { select: addressSelect }, zone: { select: zoneSelect } } });
}

function targetOf(subscription: NonNullable<SubscriptionWithTarget>): Target {
  if (subscription.address) return addressTarget(subscription.address);
  if (subscription.zone) return zoneTarget(subscription.zone);
  throw new Error(`alert subscription ${subscription.id} has no target`);
}

/** What the public page of the target says now, reduced to what alerts compare. */
export async function takeSnapshot(target: { addressId: string | null; zoneId: string | null }): Promise<Snapshot> {
  const stated: Snapshot["stated"] = {};
  if (target.addressId) {
    const eligibility = await getAddressEligibility(target.addressId);
    for (const entry of eligibility?.technologies ?? []) {
      if (entry.source) stated[entry.technology] = { status: entry.status, date: dateLine(entry), provenance: provenanceLine(entry.source) };
    }
    return { stated };
  }
  const [schedule, coverage] = await Promise.all([getZoneSchedule(target.zoneId!), getCoverage({ zoneId: target.zoneId! })]);
  for (const fact of schedule) {
    // Newest first per technology: the first one is what the schedule shows on top.
    if (stated[fact.technology]) continue;
    stated[fact.technology] = {
      status: fact.status,
      date: dateLine({
        technology: fact.technology,
        status: fact.status,
        since: fact.availableSince,
        planned: fact.plannedDate && fact.plannedPrecision ? { date: fact.plannedDate, precision: fact.plannedPrecision } : null,
      }),
      provenance: provenanceLine({ kind: fact.sourceKind, name: fact.sourceName, date: fact.fileDate ?? fact.recordedAt }),
    };
  }
  return { stated, coverage: coverage.technologies };
}

export interface SubscribeResult {
  targetLabel: string;
  /** The queued confirmation mail, or null when none was needed (already subscribed, or sent a moment ago). */
  outboxId: string | null;
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown } | null)?.code === "P2002";

export async function subscribeToAlerts(form: TAlertForm, origin: string, now = new Date()): Promise<SubscribeResult> {
  const target = await findTarget(form.targetType, form.targetId);
  const email = form.email.toLowerCase();
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.alertSubscription.findUnique({ where: { email_targetKey: { email, targetKey: target.key } } });
      const isActive = existing?.confirmedAt && !existing.unsubscribedAt;
      const isRecent = existing?.confirmationSentAt && now.getTime() - existing.confirmationSentAt.getTime() < CONFIRMATION_RESEND_MINUTES * 60_000;
      if (isActive || (isRecent && !existing?.unsubscribedAt)) return { targetLabel: target.label, outboxId: null };
      const data = { origin, confirmationSentAt: now, confirmedAt: null, unsubscribedAt: null, snapshot: null, checkedAt: null };
      const subscription = existing
        ? await tx.alertSubscription.update({ where: { id: existing.id }, data: { ...data, version: { increment: 1 } } })
        : await tx.alertSubscription.create({ data: { ...data, email, targetKey: target.key, addressId: target.addressId, zoneId: target.zoneId } });
      const outboxId = await enqueueMail("alert.confirm", alertConfirmationMail(email, { targetLabel: target.label, confirmUrl: alertLinks(subscription).confirm }), tx);
      return { targetLabel: target.label, outboxId };
    });
  } catch (error) {
    // The same person subscribed to the same place at the same instant: the other request did it.
    if (isUniqueViolation(error)) return { targetLabel: target.label, outboxId: null };
    throw error;
  }
}

export type LinkOutcome =
  | { state: "invalid" }
  | { state: "gone" }
  | { state: "confirmed" | "unsubscribed" | "resubscribed"; label: string; path: string; count: number };

/** The confirmation link: the subscription becomes active, from what the page says now. */
export async function confirmSubscription(id: string, token: string, now = new Date()): Promise<LinkOutcome> {
  if (!isValidAlertToken("confirm", id, token)) return { state: "invalid" };
  const subscription = await loadSubscription(id);
  if (!subscription) return { state: "gone" };
  const target = targetOf(subscription);
  if (!subscription.confirmedAt || subscription.unsubscribedAt) {
    const snapshot = await takeSnapshot(subscription);
    await db.alertSubscription.update({
      where: { id },
      data: { confirmedAt: subscription.confirmedAt ?? now, unsubscribedAt: null, snapshot: JSON.stringify(snapshot), checkedAt: now, version: { increment: 1 } },
    });
  }
  return { state: "confirmed", label: target.label, path: target.path, count: 1 };
}

/** One-click unsubscription: this subscription, or every subscription of its email (`all`). */
export async function unsubscribe(id: string, token: string, all: boolean, now = new Date()): Promise<LinkOutcome> {
  if (!isValidAlertToken(all ? "unsubscribe-all" : "unsubscribe", id, token)) return { state: "invalid" };
  const subscription = await loadSubscription(id);
  if (!subscription) return { state: "gone" };
  const target = targetOf(subscription);
  const where = all ? { email: subscription.email } : { id };
  const { count } = await db.alertSubscription.updateMany({ where: { ...where, unsubscribedAt: null }, data: { unsubscribedAt: now } });
  return { state: "unsubscribed", label: target.label, path: target.path, count };
}

/** Undoes an unsubscription made by the same link (a mistaken click, a mail scanner following links). */
export async function undoUnsubscribe(id: string, token: string, all: boolean): Promise<LinkOutcome> {
  if (!isValidAlertToken(all ? "unsubscribe-all" : "unsubscribe", id, token)) return { state: "invalid" };
  const subscription = await loadSubscription(id);
  if (!subscription) return { state: "gone" };
  const target = targetOf(subscription);
  if (!subscription.unsubscribedAt) return { state: "resubscribed", label: target.label, path: target.path, count: 0 };
  // The subscriptions that link ended, at that same instant; only confirmed ones come back.
  const where = all ? { email: subscription.email, unsubscribedAt: subscription.unsubscribedAt } : { id };
  const { count } = await db.alertSubscription.updateMany({ where: { ...where, confirmedAt: { not: null } }, data: { unsubscribedAt: null } });
  return { state: "resubscribed", label: target.label, path: target.path, count };
}

/** Has anything a page shows changed since `since`? (publications, imports, zones: small tables.) */
async function anythingChangedSince(since: Date): Promise<boolean> {
  const [publication, run, zone] = await Promise.all([
    db.publication.findFirst({ where: { updatedAt: { gt: since } }, select: { id: true } }),
    db.importRun.findFirst({ where: { OR: [{ finishedAt: { gt: since } }, { startedAt: { gt: since } }] }, select: { id: true } }),
    db.activityZone.findFirst({ where: { updatedAt: { gt: since } }, select: { id: true } }),
  ]);
  return Boolean(publication || run || zone);
}

class StaleCheck extends Error {}

export interface DigestCounts {
  checked: number;
  digests: number;
  /** People another worker was checking at the same time (their turn is skipped). */
  skipped: number;
}

/**
 * Queues one digest per person whose followed places changed since their last check. Cheap when
 * nothing changed: a look at the publications, import runs and zones touched since the oldest check.
 */
export async function sendAlertDigests(now = new Date()): Promise<DigestCounts> {
  const counts: DigestCounts = { checked: 0, digests: 0, skipped: 0 };
  const active = await db.alertSubscription.findMany({
    where: { confirmedAt: { not: null }, unsubscribedAt: null },
    include: { address: { select: addressSelect }, zone: { select: zoneSelect } },
    orderBy: [{ email: "asc" }, { createdAt: "asc" }],
  });
  if (active.length === 0) return counts;
  const oldest = active.reduce<Date | null>((min, row) => (!row.checkedAt ? new Date(0) : !min || row.checkedAt < min ? row.checkedAt : min), null);
  if (oldest && !(await anythingChangedSince(oldest))) return counts;

  const byEmail = new Map<string, typeof active>();
  for (const row of active) byEmail.set(row.email, [...(byEmail.get(row.email) ?? []), row]);
  for (const [email, subscriptions] of byEmail) {
    const checks = await Promise.all(
      subscriptions.map(async (subscription) => {
        const snapshot = await takeSnapshot(subscription);
        const previous = parseSnapshot(subscription.snapshot);
        const changes: Change[] = previous ? diffSnapshots(previous, snapshot) : [];
        return { subscription, snapshot, changes };
      }),
    );
    const changed = checks.filter((check) => check.changes.length > 0);
    try {
      await db.$transaction(async (tx) => {
        for (const { subscription, snapshot, changes } of checks) {
          const { count } = await tx.alertSubscription.updateMany({
            where: { id: subscription.id, version: subscription.version },
            data: { snapshot: JSON.stringify(snapshot), checkedAt: now, version: { increment: 1 }, ...(changes.length ? { lastDigestAt: now } : {}) },
          });
          if (count === 0) throw new StaleCheck();
        }
        if (changed.length === 0) return;
        const first = changed[0]!.subscription;
        const items: DigestItem[] = changed.map(({ subscription, changes }) => {
          const target = targetOf(subscription);
          return {
            label: target.label,
            pageUrl: `${subscription.origin.replace(/\/$/, "")}${target.path}`,
            unsubscribeUrl: alertLinks(subscription).unsubscribe,
            changes: changes.map((change) => ({ text: change.text, provenance: change.provenance })),
          };
        });
        const links = alertLinks(first);
        await enqueueMail("alert.digest", alertDigestMail(email, { items, unsubscribeAllUrl: links.unsubscribeAll, oneClickUrl: links.oneClick }), tx);
      });
    } catch (error) {
      if (error instanceof StaleCheck) {
        counts.skipped += 1;
        continue;
      }
      throw error;
    }
    counts.checked += subscriptions.length;
    if (changed.length) counts.digests += 1;
  }
  return counts;
}

/** Deletes what the retention rules say is no longer needed; returns how many subscriptions. */
export async function purgeAlertSubscriptions(now = new Date()): Promise<number> {
  const day = 86_400_000;
  const { count } = await db.alertSubscription.deleteMany({
    where: {
      OR: [
        { confirmedAt: null, confirmationSentAt: { lt: new Date(now.getTime() - UNCONFIRMED_RETENTION_DAYS * day) } },
        { unsubscribedAt: { lt: new Date(now.getTime() - UNSUBSCRIBED_RETENTION_DAYS * day) } },
      ],
    },
  });
  return count;
}
