import "server-only";
/**
 * "Me prévenir": alerts by email when the fibre of an address or a zone changes.
 *
 * - Subscribing queues a confirmation mail (double opt-in); nothing is ever sent to an address
 *   that has not confirmed through its link. Asking again within 10 minutes queues no second mail,
 *   and one address receives at most 5 confirmation mails a day whatever the places (a form
 *   filled with someone else's address cannot flood their mailbox).
 * - Confirming (the link's page, then a button: link scanners open links, they do not press
 *   buttons) stores a snapshot of what the page says (lib/alerts/snapshot.ts).
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
import { AppError, isUniqueViolation } from "@/lib/errors";
import { dateKeyOf, diffSnapshots, parseSnapshot, type Change, type Snapshot } from "@/lib/alerts/snapshot";
import { alertLinks, isValidAlertToken } from "@/lib/alerts/tokens";
import { getAddressAnswer } from "@/lib/data/business-answer";
import { getCoverage } from "@/lib/data/coverage";
import { getZoneSchedule } from "@/lib/data/zones";
import { dateLine, factDateLine, provenanceLine } from "@/lib/eligibility-text";
import type { LevelCount } from "@/lib/levels/coverage";
import { levelOfStatus } from "@/lib/levels/levels";
import { alertConfirmationMail, alertDigestMail, type DigestItem } from "@/lib/mail/alert-templates";
import { enqueueMail } from "@/lib/mail/outbox";
import { formatAddressLabel } from "@/lib/text/address-label";
import type { TAlertForm, TAlertLink } from "@/lib/validation/alerts";

export const CONFIRMATION_RESEND_MINUTES = 10;
export const CONFIRMATIONS_PER_DAY = 5;
/** Changes stamped up to this long before a check (clock skew, commits after their stamp) are looked at again. */
const CHANGE_MARGIN_MS = 10 * 60_000;
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

/**
 * What the public page of the target says now, reduced to what alerts compare: the levels stated by
 * a source or derived from the operator directory (general rules are no news).
 */
export async function takeSnapshot(target: { addressId: string | null; zoneId: string | null }): Promise<Snapshot> {
  const stated: Snapshot["stated"] = {};
  if (target.addressId) {
    const answer = await getAddressAnswer(target.addressId);
    for (const entry of answer?.answers ?? []) {
      const isStated = entry.basis === "SOURCE" || (entry.basis === "DIRECTORY" && entry.level !== "NOT_ANNOUNCED");
      if (!isStated) continue;
      stated[entry.technology] = {
        level: entry.level,
        status: entry.status,
        date: dateLine(entry, entry.source?.kind),
        dateKey: dateKeyOf(entry),
        provenance: entry.source ? provenanceLine(entry.source) : "Annuaire des opérateurs de Fibre Pro",
      };
    }
    return { stated };
  }
  const [schedule, coverage] = await Promise.all([getZoneSchedule(target.zoneId!), getCoverage({ zoneId: target.zoneId! })]);
  for (const fact of schedule) {
    // Newest first per technology: the first one is what the schedule shows on top.
    if (stated[fact.technology]) continue;
    const planned = fact.plannedDate && fact.plannedPrecision ? { date: fact.plannedDate, precision: fact.plannedPrecision } : null;
    stated[fact.technology] = {
      level: levelOfStatus(fact.status),
      status: fact.status,
      date: factDateLine(fact),
      dateKey: dateKeyOf({ since: fact.availableSince, planned, status: fact.status }),
      provenance: provenanceLine({ kind: fact.sourceKind, name: fact.sourceName, date: fact.fileDate ?? fact.recordedAt }),
    };
  }
  const levels: NonNullable<Snapshot["levels"]> = {};
  for (const [technology, entries] of Object.entries(coverage.levels) as [keyof typeof coverage.levels, LevelCount[]][]) {
    for (const entry of entries) {
      if (entry.basis !== "SOURCE" && entry.basis !== "DIRECTORY") continue;
      if (entry.basis === "DIRECTORY" && entry.level === "NOT_ANNOUNCED") continue;
      const counts = (levels[technology] ??= {});
      counts[entry.level] = (counts[entry.level] ?? 0) + entry.count;
    }
  }
  return { stated, levels };
}

export interface SubscribeResult {
  targetLabel: string;
  /** The queued confirmation mail, or null when none was needed (already subscribed, or sent a moment ago). */
  outboxId: string | null;
}


export async function subscribeToAlerts(form: TAlertForm, origin: string, now = new Date()): Promise<SubscribeResult> {
  const target = await findTarget(form.targetType, form.targetId);
  const email = form.email.toLowerCase();
  const none = { targetLabel: target.label, outboxId: null };
  try {
    return await db.$transaction(async (tx) => {
      const existing = await tx.alertSubscription.findUnique({ where: { email_targetKey: { email, targetKey: target.key } } });
      const isActive = existing?.confirmedAt && !existing.unsubscribedAt;
      const isRecent = existing?.confirmationSentAt && now.getTime() - existing.confirmationSentAt.getTime() < CONFIRMATION_RESEND_MINUTES * 60_000;
      if (isActive || (isRecent && !existing?.unsubscribedAt)) return none;
      const sentToday = await tx.outboxMail.count({ where: { kind: "alert.confirm", to: email, createdAt: { gt: new Date(now.getTime() - 86_400_000) } } });
      if (sentToday >= CONFIRMATIONS_PER_DAY) return none;
      const data = { origin, confirmationSentAt: now, confirmedAt: null, unsubscribedAt: null, snapshot: null, checkedAt: null };
      let subscription;
      if (existing) {
        // Guarded by what was read: of two identical requests at once, one queues the mail.
        const { count } = await tx.alertSubscription.updateMany({
          where: { id: existing.id, version: existing.version },
          data: { ...data, version: { increment: 1 } },
        });
        if (count === 0) return none;
        subscription = { ...existing, ...data };
      } else {
        subscription = await tx.alertSubscription.create({ data: { ...data, email, targetKey: target.key, addressId: target.addressId, zoneId: target.zoneId } });
      }
      const outboxId = await enqueueMail("alert.confirm", alertConfirmationMail(email, { targetLabel: target.label, confirmUrl: alertLinks(subscription).confirm }), tx, now);
      return { targetLabel: target.label, outboxId };
    });
  } catch (error) {
    // The same person subscribed to the same place at the same instant: the other request did it.
    if (isUniqueViolation(error)) return none;
    throw error;
  }
}

export type LinkOutcome =
  | { state: "invalid" }
  | { state: "gone" }
  /** Something failed on our side (the page says to try again; the error is logged). */
  | { state: "error" }
  | { state: "pending" | "confirmed"; label: string; path: string }
  | { state: "unsubscribed" | "resubscribed"; count: number; label: string | null; path: string | null; at: string | null };

/** What a confirmation link is about, without changing anything (the page shows a button). */
export async function checkConfirmationLink(id: string, token: string): Promise<LinkOutcome> {
  if (!isValidAlertToken("confirm", id, token)) return { state: "invalid" };
  const subscription = await loadSubscription(id);
  if (!subscription) return { state: "gone" };
  const target = targetOf(subscription);
  const isActive = subscription.confirmedAt && !subscription.unsubscribedAt;
  return { state: isActive ? "confirmed" : "pending", label: target.label, path: target.path };
}

/** The confirmation button: the subscription becomes active, from what the page says now. */
export async function confirmSubscription(id: string, token: string, now = new Date()): Promise<LinkOutcome> {
  const checked = await checkConfirmationLink(id, token);
  if (checked.state !== "pending") return checked;
  const subscription = (await loadSubscription(id))!;
  const snapshot = await takeSnapshot(subscription);
  await db.alertSubscription.updateMany({
    where: { id, version: subscription.version },
    data: { confirmedAt: subscription.confirmedAt ?? now, unsubscribedAt: null, snapshot: JSON.stringify(snapshot), checkedAt: now, version: { increment: 1 } },
  });
  return { ...checked, state: "confirmed" };
}

/**
 * One-click unsubscription: one subscription (`id`), or every subscription of an email (`e`).
 * The version moves too: a digest being prepared for them is not queued.
 */
export async function unsubscribe(link: TAlertLink, now = new Date()): Promise<LinkOutcome> {
  if ("e" in link) {
    const email = link.e.toLowerCase();
    if (!isValidAlertToken("unsubscribe-all", email, link.t)) return { state: "invalid" };
    const { count } = await db.alertSubscription.updateMany({ where: { email, unsubscribedAt: null }, data: { unsubscribedAt: now, version: { increment: 1 } } });
    return { state: "unsubscribed", count, label: null, path: null, at: now.toISOString() };
  }
  if (!isValidAlertToken("unsubscribe", link.id, link.t)) return { state: "invalid" };
  const subscription = await loadSubscription(link.id);
  if (!subscription) return { state: "gone" };
  const target = targetOf(subscription);
  const { count } = await db.alertSubscription.updateMany({ where: { id: link.id, unsubscribedAt: null }, data: { unsubscribedAt: now, version: { increment: 1 } } });
  return { state: "unsubscribed", count, label: target.label, path: target.path, at: now.toISOString() };
}

/**
 * Undoes an unsubscription made by the same link (a mistaken click, a mail scanner following
 * links): the subscriptions it ended at instant `at` come back — confirmed ones only.
 */
export async function undoUnsubscribe(link: TAlertLink, at: Date): Promise<LinkOutcome> {
  let where;
  if ("e" in link) {
    const email = link.e.toLowerCase();
    if (!isValidAlertToken("unsubscribe-all", email, link.t)) return { state: "invalid" };
    where = { email, unsubscribedAt: at };
  } else {
    if (!isValidAlertToken("unsubscribe", link.id, link.t)) return { state: "invalid" };
    where = { id: link.id, unsubscribedAt: at };
  }
  const { count } = await db.alertSubscription.updateMany({ where: { ...where, confirmedAt: { not: null } }, data: { unsubscribedAt: null, version: { increment: 1 } } });
  return { state: "resubscribed", count, label: null, path: null, at: null };
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
/**
 * `shouldStop` is asked before each person: a worker told to stop (SIGTERM) ends between two
 * people's digests, each queued in its own transaction, never in the middle of one.
 */
export async function sendAlertDigests(now = new Date(), { shouldStop = () => false }: { shouldStop?: () => boolean } = {}): Promise<DigestCounts> {
  const counts: DigestCounts = { checked: 0, digests: 0, skipped: 0 };
  const active = await db.alertSubscription.findMany({
    // An archived zone is no longer kept up to date: its followers hear nothing more of it.
    where: { confirmedAt: { not: null }, unsubscribedAt: null, OR: [{ zoneId: null }, { zone: { archivedAt: null } }] },
    include: { address: { select: addressSelect }, zone: { select: zoneSelect } },
    orderBy: [{ email: "asc" }, { createdAt: "asc" }],
  });
  if (active.length === 0) return counts;
  const oldest = active.reduce<Date | null>((min, row) => (!row.checkedAt ? new Date(0) : !min || row.checkedAt < min ? row.checkedAt : min), null);
  if (oldest && !(await anythingChangedSince(new Date(oldest.getTime() - CHANGE_MARGIN_MS)))) return counts;

  const byEmail = new Map<string, typeof active>();
  for (const row of active) byEmail.set(row.email, [...(byEmail.get(row.email) ?? []), row]);
  for (const [email, subscriptions] of byEmail) {
    if (shouldStop()) break;
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
          // Still the row that was read, still active: not checked by another worker, not unsubscribed meanwhile.
          const { count } = await tx.alertSubscription.updateMany({
            where: { id: subscription.id, version: subscription.version, unsubscribedAt: null },
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
