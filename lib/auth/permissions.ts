/**
 * Who may do what in the admin — pure rules, tested as a matrix (permissions.test.ts). Pages,
 * server actions and route handlers all ask these functions, after loading the actor from the
 * session (lib/auth/session.ts): hiding a button is never the protection.
 *
 * - ADMIN (platform): everything, everywhere.
 * - ORG_ADMIN: its organisation's users, and all content of its territory.
 * - EDITOR: publishes, draws zones and loads files for its organisation's territory.
 * A territory is a set of communes (INSEE codes). A zone owned by an organisation belongs to it
 * alone; a zone owned by nobody (e.g. from a CNIG file) belongs to the territories containing its commune.
 */
import { AppError } from "@/lib/errors";
import type { UserRole } from "@/lib/db/enums";

export interface Actor {
  id: string;
  email: string;
  name: string | null;
  role: UserRole;
  organisationId: string | null;
  organisationName: string | null;
  /** INSEE codes of the organisation's communes. */
  territory: ReadonlySet<string>;
  /** The request's client address (lib/http/client-ip.ts), kept in the audit log. */
  ip?: string;
}

export interface ZoneRef {
  inseeCode: string;
  organisationId: string | null;
}

export const ROLE_LABELS: Record<UserRole, string> = {
  ADMIN: "Administrateur de la plateforme",
  ORG_ADMIN: "Administrateur de l'organisation",
  EDITOR: "Éditeur",
};

const isAdmin = (actor: Actor) => actor.role === "ADMIN";
const hasOrganisation = (actor: Actor): actor is Actor & { organisationId: string } => actor.organisationId !== null;

export function isInTerritory(actor: Actor, inseeCode: string): boolean {
  return isAdmin(actor) || (hasOrganisation(actor) && actor.territory.has(inseeCode));
}

/** Create a zone in this commune. */
export function canCreateZone(actor: Actor, inseeCode: string): boolean {
  return isAdmin(actor) || (hasOrganisation(actor) && actor.territory.has(inseeCode));
}

/** Edit a zone's details and outline, publish for it. */
export function canEditZone(actor: Actor, zone: ZoneRef): boolean {
  if (isAdmin(actor)) return true;
  if (!hasOrganisation(actor)) return false;
  if (zone.organisationId !== null) return zone.organisationId === actor.organisationId;
  return actor.territory.has(zone.inseeCode);
}

/** Archive a zone: organisation admins only. */
export function canArchiveZone(actor: Actor, zone: ZoneRef): boolean {
  return canEditZone(actor, zone) && (isAdmin(actor) || actor.role === "ORG_ADMIN");
}

/** Write or change a publication of this organisation. */
export function canEditPublication(actor: Actor, publication: { organisationId: string }): boolean {
  return isAdmin(actor) || actor.organisationId === publication.organisationId;
}

/** Publish for these communes (every address of a selection, the commune of a scope). */
export function canPublishFor(actor: Actor, inseeCodes: readonly string[]): boolean {
  return inseeCodes.length > 0 && inseeCodes.every((inseeCode) => isInTerritory(actor, inseeCode));
}

/** Upload files for an organisation's territory. */
export function canImport(actor: Actor, organisationId: string | null): boolean {
  if (isAdmin(actor)) return true;
  return hasOrganisation(actor) && organisationId === actor.organisationId;
}

/** Load this format: national reference files (the operator reference) are for platform admins only. */
export function canImportFormat(actor: Actor, format: string, nationalFormats: readonly string[]): boolean {
  return isAdmin(actor) || !nationalFormats.includes(format);
}

export function canViewOrganisationData(actor: Actor, organisationId: string | null): boolean {
  return isAdmin(actor) || (organisationId !== null && organisationId === actor.organisationId);
}

/** Create, change and disable the accounts of this organisation. */
export function canManageUsers(actor: Actor, organisationId: string | null): boolean {
  if (isAdmin(actor)) return true;
  return actor.role === "ORG_ADMIN" && organisationId !== null && organisationId === actor.organisationId;
}

/** The roles this actor may give. */
export function assignableRoles(actor: Actor): UserRole[] {
  if (isAdmin(actor)) return ["ADMIN", "ORG_ADMIN", "EDITOR"];
  return actor.role === "ORG_ADMIN" ? ["ORG_ADMIN", "EDITOR"] : [];
}

export function canManageOrganisations(actor: Actor): boolean {
  return isAdmin(actor);
}

/** Change an organisation's public contact (shown to businesses): its own organisation admins, platform admins. */
export function canEditPublicContact(actor: Actor, organisationId: string): boolean {
  return isAdmin(actor) || (actor.role === "ORG_ADMIN" && actor.organisationId === organisationId);
}

/** Keep the operator directory (names, codes, offers, what they sell where): platform admins only. */
export function canManageOperatorDirectory(actor: Actor): boolean {
  return isAdmin(actor);
}

/** Read the audit log of an organisation (null: the whole platform's). */
export function canViewAudit(actor: Actor, organisationId: string | null): boolean {
  if (isAdmin(actor)) return true;
  return actor.role === "ORG_ADMIN" && organisationId !== null && organisationId === actor.organisationId;
}

/** Throws a 403 AppError with this French message unless `allowed`. */
export function ensure(allowed: boolean, message = "Vous n'avez pas les droits pour cette action."): asserts allowed {
  if (!allowed) throw new AppError("forbidden", message);
}
