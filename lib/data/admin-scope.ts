import "server-only";
/**
 * What an actor sees in the admin, as Prisma filters — the same rules as lib/auth/permissions.ts
 * (a zone owned by the organisation, or owned by nobody in its territory; platform admins see all).
 */
import type { Prisma } from "@/lib/db/client";
import type { Actor } from "@/lib/auth/permissions";

export function zonesVisibleTo(actor: Actor): Prisma.ActivityZoneWhereInput {
  if (actor.role === "ADMIN") return {};
  if (!actor.organisationId) return { id: { in: [] } };
  return {
    OR: [
      { organisationId: actor.organisationId },
      { organisationId: null, inseeCode: { in: [...actor.territory] } },
    ],
  };
}

export function publicationsVisibleTo(actor: Actor): Prisma.PublicationWhereInput {
  if (actor.role === "ADMIN") return {};
  return { organisationId: actor.organisationId ?? "" };
}

export function importJobsVisibleTo(actor: Actor): Prisma.ImportJobWhereInput {
  if (actor.role === "ADMIN") return {};
  return { organisationId: actor.organisationId ?? "" };
}
