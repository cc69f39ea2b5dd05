import "server-only";
/**
 * Who a business can ask about the fibre of a place: the zone's manager, then the organisations
 * (collectivité, EPCI, RIP…) whose territory holds the commune and that give a public contact.
 * Their contact fields are edited in the admin (canEditPublicContact) and shown as they are.
 */
import { db } from "@/lib/db/client";
import type { OrganisationKind } from "@/lib/db/enums";
import { canEditPublicContact, ensure, type Actor } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/data/audit";
import { AppError } from "@/lib/errors";
import type { PublicContact } from "@/lib/levels/next-steps";
import type { TPublicContact } from "@/lib/validation/operators";

/** Closest to the business first: the commune, its EPCI, then the RIP of the département. */
const KIND_ORDER: Readonly<Record<OrganisationKind, number>> = { COLLECTIVITE: 0, EPCI: 1, RIP: 2, CCI: 3, OTHER: 4 };
const MAX_CONTACTS = 3;

const hasContact = { OR: [{ publicEmail: { not: null } }, { publicPhone: { not: null } }, { publicUrl: { not: null } }] };

/** The public contacts for a commune (and the organisation managing its zone, first). */
export async function publicContactsFor(inseeCode: string, zoneOrganisationId: string | null): Promise<PublicContact[]> {
  const organisations = await db.organisation.findMany({
    where: { AND: [hasContact, { OR: [{ communes: { some: { inseeCode } } }, ...(zoneOrganisationId ? [{ id: zoneOrganisationId }] : [])] }] },
    select: { id: true, name: true, kind: true, publicEmail: true, publicPhone: true, publicUrl: true },
  });
  return organisations
    .sort((a, b) => Number(b.id === zoneOrganisationId) - Number(a.id === zoneOrganisationId) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, "fr"))
    .slice(0, MAX_CONTACTS)
    .map((organisation) => ({ name: organisation.name, email: organisation.publicEmail, phone: organisation.publicPhone, url: organisation.publicUrl }));
}

export async function setPublicContact(actor: Actor, input: TPublicContact): Promise<void> {
  ensure(canEditPublicContact(actor, input.organisationId), "Seuls les administrateurs de cette organisation peuvent changer son contact public.");
  await db.$transaction(async (tx) => {
    const before = await tx.organisation.findUnique({
      where: { id: input.organisationId },
      select: { publicEmail: true, publicPhone: true, publicUrl: true },
    });
    if (!before) throw new AppError("not_found", "Cette organisation n'existe pas.");
    const after = { publicEmail: input.publicEmail, publicPhone: input.publicPhone, publicUrl: input.publicUrl };
    await tx.organisation.update({ where: { id: input.organisationId }, data: after });
    await recordAudit(tx, actor, {
      action: "organisation.contact",
      entityType: "organisation",
      entityId: input.organisationId,
      organisationId: input.organisationId,
      summary: "Contact public modifié",
      before,
      after,
    });
  });
}
