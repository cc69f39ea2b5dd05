import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { ZoneArchiveForm } from "@/components/admin/zone-archive-form";
import { ZoneForm } from "@/components/admin/zone-form";
import { canArchiveZone, canEditZone } from "@/lib/auth/permissions";
import { requirePageActor } from "@/lib/auth/session";
import { getZoneForAdmin, listZoneCommunes } from "@/lib/data/admin-zones";
import { formatDate, formatInteger } from "@/lib/format";
import { mapTiles } from "@/lib/map-tiles";
import { ZONE_STATES, ZONE_VOCATIONS } from "@/lib/validation/admin-zones";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export const metadata: Metadata = { title: "Modifier une zone d'activités" };

const addresses = (count: number) => `${formatInteger(count)} adresse${count > 1 ? "s" : ""}`;

/** /admin/zones/[id] — a zone's details and outline, archive and restore for organisation admins. */
export default async function EditZonePage({ params, searchParams }: Props) {
  const id = decodeURIComponent((await params).id);
  const actor = await requirePageActor(`/admin/zones/${encodeURIComponent(id)}`);
  const zone = await getZoneForAdmin(id);
  if (!zone) notFound();
  if (!canEditZone(actor, zone)) forbidden();
  const flags = await searchParams;
  const communes = await listZoneCommunes(actor);
  const publicHref = `/zone/${encodeURIComponent(zone.id)}`;
  const notice = flags.enregistree
    ? `Zone enregistrée : ${addresses(zone.addressCount)} dans le périmètre.`
    : flags.archivee
      ? "Zone archivée : elle n'apparaît plus dans la recherche ni dans les listes publiques, et ses adresses n'y sont plus rattachées."
      : flags.restauree
        ? `Zone restaurée : ${addresses(zone.addressCount)} dans le périmètre.`
        : null;

  return (
    <div className="space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/admin/zones">Zones d&apos;activités</Link> › {zone.name}
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-3xl font-bold">{zone.name}</h1>
          <p className="text-sm text-muted">
            {zone.id} · {zone.communeName ?? zone.inseeCode} · {addresses(zone.addressCount)} dans le périmètre · modifiée le {formatDate(zone.updatedAt)}
            {zone.organisation ? ` · gérée par ${zone.organisation.name}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          <Link href={publicHref} className="button-secondary">
            Voir la page publique
          </Link>
          {zone.archivedAt ? null : (
            <Link href={`/admin/publications/nouvelle?zone=${encodeURIComponent(zone.id)}`} className="button-secondary">
              Publier une mise à jour
            </Link>
          )}
        </div>
      </div>

      {notice ? (
        <p role="status" className="rounded-md border border-green-700 bg-green-50 px-3 py-2 text-green-900">
          {notice} <Link href={publicHref}>Voir la page publique de la zone</Link>
        </p>
      ) : null}
      {zone.archivedAt ? (
        <p className="rounded-md border border-amber-700 bg-amber-50 px-3 py-2">
          Cette zone est archivée depuis le {formatDate(zone.archivedAt)} : elle n&apos;apparaît plus dans la recherche publique.
        </p>
      ) : null}

      <ZoneForm
        key={zone.updatedAt.toISOString()}
        zone={{
          id: zone.id, name: zone.name, inseeCode: zone.inseeCode, state: zone.state, vocation: zone.vocation, contact: zone.contact,
          outline: JSON.stringify(zone.outline), updatedAt: zone.updatedAt.toISOString(),
        }}
        communes={communes}
        states={ZONE_STATES}
        vocations={ZONE_VOCATIONS}
        tiles={mapTiles()}
      />

      {canArchiveZone(actor, zone) ? (
        <section aria-labelledby="zone-archive" className="space-y-2 rounded-lg border border-line p-4">
          <h2 id="zone-archive" className="text-xl font-semibold">
            {zone.archivedAt ? "Restaurer la zone" : "Archiver la zone"}
          </h2>
          <p className="text-sm text-muted">
            {zone.archivedAt
              ? "La zone reparaîtra dans la recherche publique et les adresses de son contour lui seront de nouveau rattachées."
              : "La zone disparaît de la recherche et des listes publiques ; ses adresses ne lui sont plus rattachées. Vous pourrez la restaurer."}
          </p>
          <ZoneArchiveForm zoneId={zone.id} isArchived={zone.archivedAt !== null} />
        </section>
      ) : null}
    </div>
  );
}
