import type { Metadata } from "next";
import { MapExplorer } from "@/components/map/map-explorer";
import { db } from "@/lib/db/client";
import type { Technology } from "@/lib/db/enums";
import { BUILDINGS_FROM_ZOOM } from "@/lib/data/map";
import { mapTiles } from "@/lib/map-tiles";
import { LEVELS, type Level } from "@/lib/levels/levels";
import { TECHNOLOGIES } from "@/lib/technologies";

export const metadata: Metadata = { title: "Carte de la fibre" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const FRANCE = { lat: 46.6, lon: 2.4, zoom: 6 };

/** Where the map opens without a view in the URL: the centre of the loaded addresses, else France. */
async function defaultView(): Promise<{ lat: number; lon: number; zoom: number }> {
  const centre = await db.commune.aggregate({ _avg: { lat: true, lon: true }, where: { lat: { not: null } } });
  return centre._avg.lat !== null && centre._avg.lon !== null ? { lat: centre._avg.lat, lon: centre._avg.lon, zoom: 9 } : FRANCE;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** /carte — zones and buildings coloured by level, loaded by view; the URL keeps the view. */
export default async function MapPage({ searchParams }: Props) {
  const params = await searchParams;
  const lat = Number(first(params.lat));
  const lon = Number(first(params.lon));
  const zoom = Number(first(params.z));
  const hasView = Math.abs(lat) <= 90 && Math.abs(lon) <= 180 && Number.isInteger(zoom) && zoom >= 3 && zoom <= 19 && first(params.lat) && first(params.lon);
  const initial = hasView ? { lat, lon, zoom } : await defaultView();
  const technology = TECHNOLOGIES.find((entry) => entry === first(params.technology)) ?? ("FTTH" as Technology);
  const levels = (first(params.level) ?? "").split(",").filter((entry): entry is Level => (LEVELS as readonly string[]).includes(entry));

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Carte de la fibre</h1>
      <p className="max-w-prose">
        Les zones d&apos;activités et les immeubles, colorés selon le niveau de la technologie choisie (disponible, sur demande, prévu, pas d&apos;annonce). Zoomez sur
        une commune pour voir les immeubles ; cliquez sur un immeuble pour ouvrir sa fiche. Pour une adresse précise, la{" "}
        <a href="/recherche">recherche</a> est plus rapide.
      </p>
      <noscript>
        <p className="rounded-md border border-amber-700 bg-amber-50 p-3">
          La carte a besoin de JavaScript. Sans lui, utilisez la recherche par adresse, zone ou commune.
        </p>
      </noscript>
      <MapExplorer initial={initial} technology={technology} levels={levels} tiles={mapTiles()} buildingsFromZoom={BUILDINGS_FROM_ZOOM} />
    </div>
  );
}
