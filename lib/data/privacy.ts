import "server-only";
/**
 * Personal data of the public (not of admin accounts): the email a business may leave with a
 * field report (kept until it is told the outcome). `npm run privacy:erase -- <email>` removes it
 * wherever it is; the audit entry it writes does not hold the address.
 */
import crypto from "node:crypto";
import { db } from "@/lib/db/client";
import { recordAudit, type AuditActor } from "@/lib/data/audit";

export interface ErasureCounts {
  fieldReports: number;
}

export async function erasePersonalData(email: string, actor: AuditActor): Promise<ErasureCounts> {
  const address = email.trim().toLowerCase();
  return db.$transaction(async (tx) => {
    const { count } = await tx.fieldReport.updateMany({ where: { email: address }, data: { email: null } });
    await recordAudit(tx, actor, {
      action: "privacy.erase",
      entityType: "report",
      entityId: `sha256:${crypto.createHash("sha256").update(address).digest("hex").slice(0, 16)}`,
      organisationId: null,
      summary: `Données personnelles effacées sur demande : adresse e-mail retirée de ${count} signalement${count > 1 ? "s" : ""}`,
    });
    return { fieldReports: count };
  });
}
