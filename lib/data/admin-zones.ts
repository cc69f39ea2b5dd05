import "server-only";
/**
 * Activity zones in the admin: list, create, update (refused when the zone changed since the
 * form was loaded), archive and restore. Each change is one transaction with its audit entry
 * and the recomputed membership of the addresses inside the outline.
 */
import crypto from "node:crypto";
import { db, type DbTransaction, type Prisma } from "@/lib/db/client";
import { canArchiveZone, canCreateZone, canEditZone, ensure, type Actor } from "@/lib/auth/permissions";
import { zonesVisibleTo } from "@/lib/data/admin-scope";
import { recordAudit } from "@/lib/data/audit";
import { relinkZoneAddresses } from "@/lib/data/zone-membership";
import { AppError, isUniqueViolation } from "@/lib/errors";
import type { MultiPolygon } from "@/lib/geo/outline";
import { displayOutline } from "@/lib/geo/outline-display";
import { zoneSearchName } from "@/lib/search/address-key";
import { normalizeText } from "@/lib/text/normalize";
import type { CheckedOutline } from "@/lib/validation/admin-zones";

export const ADMIN_ZONES_PAGE_SIZE = 25;
/** Numbers given by the admin start here, far above those of CNIG files (00001…), so a later import cannot reuse one. */
export const ADMIN_ZONE_NUMBER_START = 90_001;
const TRANSACTION = { timeout: 60_000, maxWait: 10_000 } as const;

export interface ZoneInput {
  name: string;
  inseeCode: string;
  state: string;
  vocation: string | null;
  contact: string | null;
  outline: CheckedOutline;
}

export interface ZoneListFilter {
  query?: string;
  includeArchived?: boolean;
  page: number;
}

export async function listZonesForAdmin(actor: Actor, filter: ZoneListFilter) {
  const words = normalizeText(filter.query ?? "").split(" ").filter(Boolean);
  const where: Prisma.ActivityZoneWhereInput = {
    AND: [
      zonesVisibleTo(actor),
      filter.includeArchived ? {} : { archivedAt: null },
      ...words.map((word) => ({ OR: [{ searchName: { contains: word } }, { id: { contains: word.toUpperCase() } }] })),
    ],
  };
  const [zones, total] = await Promise.all([
    db.activityZone.findMany({
      where,
      select: {
        id: true, name: true, inseeCode: true, communeName: true, state: true, archivedAt: true, organisationId: true,
        organisation: { select: { name: true } }, _count: { select: { addresses: true } },
      },
      orderBy: [{ archivedAt: "asc" }, { name: "asc" }, { id: "asc" }],
      skip: (filter.page - 1) * ADMIN_ZONES_PAGE_SIZE,
      take: ADMIN_ZONES_PAGE_SIZE,
    }),
    db.activityZone.count({ where }),
  ]);
  return { zones, total, pageCount: Math.max(1, Math.ceil(total / ADMIN_ZONES_PAGE_SIZE)) };
}

export type AdminZone = NonNullable<Awaited<ReturnType<typeof getZoneForAdmin>>>;

export async function getZoneForAdmin(id: string) {
  const zone = await db.activityZone.findUnique({
    where: { id },
    include: { organisation: { select: { name: true } }, _count: { select: { addresses: true } } },
  });
  if (!zone) return null;
  const { outline, _count, ...rest } = zone;
  return { ...rest, outline: JSON.parse(outline) as MultiPolygon, addressCount: _count.addresses };
}

/** The communes a zone can be drawn in: the actor's territory (all communes for platform admins: typed by code). */
export function listZoneCommunes(actor: Actor) {
  if (actor.territory.size === 0) return Promise.resolve([]);
  return db.commune.findMany({
    where: { inseeCode: { in: [...actor.territory] } },
    select: { inseeCode: true, name: true, lat: true, lon: true },
    orderBy: { name: "asc" },
  });
}

const outlineHash = (geometry: MultiPolygon) => crypto.createHash("sha256").update(JSON.stringify(geometry)).digest("hex").slice(0, 16);

type ZoneRow = Awaited<ReturnType<DbTransaction["activityZone"]["findUniqueOrThrow"]>>;

/** What the audit log keeps of a zone: its details, and the outline as a hash and an area. */
function snapshot(zone: ZoneRow, addressCount?: number) {
  return {
    name: zone.name, inseeCode: zone.inseeCode, communeName: zone.communeName, state: zone.state, vocation: zone.vocation,
    contact: zone.contact, organisationId: zone.organisationId, archivedAt: zone.archivedAt, grossAreaHa: zone.grossAreaHa,
    outlineHash: outlineHash(JSON.parse(zone.outline) as MultiPolygon), ...(addressCount !== undefined ? { addressCount } : {}),
  };
}

async function communeFields(tx: DbTransaction, inseeCode: string) {
  const commune = await tx.commune.findUnique({ where: { inseeCode }, select: { name: true, epci: { select: { siren: true, name: true } } } });
  if (!commune) throw new AppError("bad_request", `Commune inconnue : ${inseeCode}.`, [{ name: "inseeCode", reason: "Commune inconnue." }]);
  return { communeName: commune.name, epciSiren: commune.epci?.siren ?? null, epciName: commune.epci?.name ?? null };
}

function zoneFields(input: ZoneInput, commune: { communeName: string }) {
  return {
    name: input.name,
    searchName: zoneSearchName(input.name, commune.communeName),
    state: input.state,
    vocation: input.vocation,
    contact: input.contact,
    inseeCode: input.inseeCode,
    grossAreaHa: Math.round(input.outline.areaHa * 100) / 100,
    outline: JSON.stringify(input.outline.geometry),
    displayOutline: JSON.stringify(displayOutline(input.outline.geometry)),
    ...input.outline.bbox,
  };
}

/** `<INSEE>_SITE-ECO_<n>`: the next free number of the commune, from ADMIN_ZONE_NUMBER_START. */
async function nextZoneId(tx: DbTransaction, inseeCode: string): Promise<string> {
  const prefix = `${inseeCode}_SITE-ECO_`;
  const rows = await tx.activityZone.findMany({ where: { id: { startsWith: prefix } }, select: { id: true } });
  const numbers = rows.map((row) => Number(row.id.slice(prefix.length))).filter(Number.isInteger);
  const next = Math.max(ADMIN_ZONE_NUMBER_START - 1, ...numbers) + 1;
  return `${prefix}${String(next).padStart(5, "0")}`;
}


export async function createZone(input: ZoneInput, actor: Actor): Promise<{ id: string; addressCount: number }> {
  ensure(canCreateZone(actor, input.inseeCode), "Cette commune n'est pas dans le territoire de votre organisation.");
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.$transaction(async (tx) => {
        const commune = await communeFields(tx, input.inseeCode);
        const zone = await tx.activityZone.create({
          data: {
            id: await nextZoneId(tx, input.inseeCode),
            ...zoneFields(input, commune),
            ...commune,
            type: "zone d'activité économique",
            sourceName: actor.organisationName ?? "Fibre Pro",
            organisationId: actor.organisationId,
          },
        });
        const addressCount = await relinkZoneAddresses(tx, zone.id, input.outline);
        await recordAudit(tx, actor, {
          action: "zone.create", entityType: "zone", entityId: zone.id, organisationId: zone.organisationId,
          summary: `Zone « ${zone.name} » créée (${addressCount} adresses)`, after: snapshot(zone, addressCount),
        });
        return { id: zone.id, addressCount };
      }, TRANSACTION);
    } catch (error) {
      // Two zones created at once in one commune may pick the same number: take the next one.
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}

async function loadZone(tx: DbTransaction, id: string): Promise<ZoneRow> {
  const zone = await tx.activityZone.findUnique({ where: { id } });
  if (!zone) throw new AppError("not_found", "Cette zone n'existe pas ou plus.");
  return zone;
}

const conflict = (zone: ZoneRow) =>
  new AppError(
    "conflict",
    `Cette zone a été modifiée par quelqu'un d'autre depuis l'ouverture du formulaire (le ${zone.updatedAt.toLocaleString("fr-FR", { timeZone: "Europe/Paris" })}). ` +
      "Vos saisies n'ont pas été enregistrées mais restent dans le formulaire : ouvrez la zone dans un autre onglet pour voir la version actuelle, puis enregistrez à nouveau.",
  );

export async function updateZone(id: string, input: ZoneInput, actor: Actor, expectedUpdatedAt: Date): Promise<{ id: string; addressCount: number }> {
  return db.$transaction(async (tx) => {
    const before = await loadZone(tx, id);
    ensure(canEditZone(actor, before), "Vous n'avez pas les droits pour modifier cette zone.");
    if (input.inseeCode !== before.inseeCode) ensure(canCreateZone(actor, input.inseeCode), "Cette commune n'est pas dans le territoire de votre organisation.");
    if (before.updatedAt.getTime() !== expectedUpdatedAt.getTime()) throw conflict(before);
    const previousCount = await tx.address.count({ where: { zoneId: id } });
    const commune = await communeFields(tx, input.inseeCode);
    // Guarded by updatedAt: a concurrent save between the read and this write changes nothing.
    const { count } = await tx.activityZone.updateMany({
      where: { id, updatedAt: expectedUpdatedAt },
      data: { ...zoneFields(input, commune), ...commune, updatedAt: new Date() },
    });
    if (count !== 1) throw conflict(await loadZone(tx, id));
    const after = await loadZone(tx, id);
    const addressCount = await relinkZoneAddresses(tx, id, after.archivedAt ? null : input.outline);
    await recordAudit(tx, actor, {
      action: "zone.update", entityType: "zone", entityId: id, organisationId: after.organisationId,
      summary: `Zone « ${after.name} » modifiée (${addressCount} adresses)`,
      before: snapshot(before, previousCount), after: snapshot(after, addressCount),
    });
    return { id, addressCount };
  }, TRANSACTION);
}

async function setArchived(id: string, actor: Actor, archived: boolean): Promise<{ id: string; addressCount: number }> {
  return db.$transaction(async (tx) => {
    const before = await loadZone(tx, id);
    ensure(canArchiveZone(actor, before), "Seuls les administrateurs de l'organisation peuvent archiver ou restaurer une zone.");
    if ((before.archivedAt !== null) === archived) return { id, addressCount: await tx.address.count({ where: { zoneId: id } }) };
    const previousCount = await tx.address.count({ where: { zoneId: id } });
    const after = await tx.activityZone.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
    const outline = archived ? null : { geometry: JSON.parse(after.outline) as MultiPolygon, bbox: after };
    const addressCount = await relinkZoneAddresses(tx, id, outline);
    await recordAudit(tx, actor, {
      action: archived ? "zone.archive" : "zone.restore", entityType: "zone", entityId: id, organisationId: after.organisationId,
      summary: archived ? `Zone « ${after.name} » archivée` : `Zone « ${after.name} » restaurée (${addressCount} adresses)`,
      before: snapshot(before, previousCount), after: snapshot(after, addressCount),
    });
    return { id, addressCount };
  }, TRANSACTION);
}

/** Hides the zone from the public pages and detaches its addresses. */
export function archiveZone(id: string, actor: Actor) {
  return setArchived(id, actor, true);
}

export function restoreZone(id: string, actor: Actor) {
  return setArchived(id, actor, false);
}
