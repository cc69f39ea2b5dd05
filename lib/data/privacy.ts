import "server-only";
/**
 * Personal data of the public (not of admin accounts): the email a business may leave with a
 * field report (kept until it is told the outcome), the email of its alert subscriptions, and the
 * mails queued or kept in the outbox for it. `npm run privacy:erase -- <email>` removes it
 * wherever it is, in one transaction; the audit entry it writes does not hold the address.
 */
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/data/audit";

export interface ErasureCounts {
  fieldReports: number;
  alertSubscriptions: number;
  mails: number;
}

const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? "s" : ""}`;

export async function erasePersonalData(email: string, actor: AuditActor): Promise<ErasureCounts> {
  const address = email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const { count } = await tx.fieldReport.updateMany({ where: { email: address }, data: { email: null } });
    const subscriptions = await tx.alertSubscription.deleteMany({ where: { email: address } });
    const mails = await tx.outboxMail.deleteMany({ where: { to: address } });
    await recordAudit(tx, actor, {
      action: "privacy.erase",
      entityType: "report",
      entityId: `sha256:${crypto.createHash("sha256").update(address).digest("hex").slice(0, 16)}`,
      organisationId: null,
      summary: `Données personnelles effacées sur demande : adresse e-mail retirée de ${plural(count, "signalement")}, ${plural(subscriptions.count, "alerte")} supprimée${subscriptions.count > 1 ? "s" : ""}, ${plural(mails.count, "e-mail")} de la file d'envoi supprimé${mails.count > 1 ? "s" : ""}`,
    });
    return { fieldReports: count, alertSubscriptions: subscriptions.count, mails: mails.count };
  });
}
