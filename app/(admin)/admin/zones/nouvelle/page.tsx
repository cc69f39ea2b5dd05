import type { Metadata } from "next";
import Link from "next/link";
import { forbidden } from "next/navigation";
import { ZoneForm } from "@/components/admin/zone-form";
import { requirePageActor } from "@/lib/auth/session";
import { listZoneCommunes } from "@/lib/data/admin-zones";
import { mapTiles } from "@/lib/map-tiles";
import { ZONE_STATES, ZONE_VOCATIONS } from "@/lib/validation/admin-zones";

export const metadata: Metadata = { title: "Nouvelle zone d'activités" };

/** /admin/zones/nouvelle — a zone drawn or uploaded in one of the organisation's communes. */
export default async function NewZonePage() {
  const actor = await requirePageActor("/admin/zones/nouvelle");
  if (actor.role !== "ADMIN" && actor.territory.size === 0) forbidden();
  const communes = await listZoneCommunes(actor);
  return (
    <div className="space-y-6">
      <nav aria-label="Fil d'Ariane" className="text-sm">
        <Link href="/admin/zones">Zones d&apos;activités</Link> › Nouvelle zone
      </nav>
      <h1 className="text-3xl font-bold">Nouvelle zone d&apos;activités</h1>
      <ZoneForm zone={null} communes={communes} states={ZONE_STATES} vocations={ZONE_VOCATIONS} tiles={mapTiles()} />
    </div>
  );
}
