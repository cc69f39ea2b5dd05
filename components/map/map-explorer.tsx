"use client";
/**
 * /carte: filters (technology, levels), the map loaded on demand, and a text summary of the
 * view for keyboard and screen-reader users (the zones it contains are links). The URL keeps the
 * view and the filters, so a view can be shared.
 */
import dynamic from "next/dynamic";
import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { MapLegend } from "@/components/map/map-legend";
import type { ExplorerMapProps, ExplorerView } from "@/components/map/explorer-map";
import type { MapView } from "@/lib/data/map";
import type { Technology } from "@/lib/db/enums";
import { LEVELS, LEVEL_SHORT_LABELS, type Level } from "@/lib/levels/levels";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";

const ExplorerMap = dynamic<ExplorerMapProps>(() => import("@/components/map/explorer-map"), {
  ssr: false,
  loading: () => <div className="h-[60vh] min-h-96 w-full animate-pulse rounded-lg border border-line bg-brand-50" aria-hidden="true" />,
});

export interface MapExplorerProps {
  initial: ExplorerView;
  technology: Technology;
  levels: Level[];
  tiles: { url: string; attribution: string };
  buildingsFromZoom: number;
}

export function MapExplorer({ initial, technology: initialTechnology, levels: initialLevels, tiles, buildingsFromZoom }: MapExplorerProps) {
  const [technology, setTechnology] = useState(initialTechnology);
  const [levels, setLevels] = useState(initialLevels);
  const [view, setView] = useState(initial);
  const [data, setData] = useState<MapView | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const params = new URLSearchParams({ lat: view.lat.toFixed(5), lon: view.lon.toFixed(5), z: String(view.zoom), technology });
    if (levels.length > 0) params.set("level", levels.join(","));
    window.history.replaceState(null, "", `?${params.toString()}`);
  }, [view, technology, levels]);

  const onData = useCallback((next: MapView | null, error: boolean) => {
    setFailed(error);
    if (next) setData(next);
  }, []);

  const toggle = (level: Level) => setLevels((current) => (current.includes(level) ? current.filter((entry) => entry !== level) : [...current, level]));
  const buildingCount = data?.clusters?.reduce((sum, cluster) => sum + cluster.count, 0) ?? data?.buildings?.length ?? 0;

  return (
    <div className="space-y-4">
      <fieldset className="flex flex-wrap items-start gap-6 rounded-lg border border-line p-4">
        <legend className="px-1 font-semibold">Filtres</legend>
        <label className="flex flex-col text-sm font-medium">
          Technologie
          <select
            value={technology}
            onChange={(event) => setTechnology(event.target.value as Technology)}
            className="mt-1 rounded-md border-2 border-muted bg-white px-2 py-2 text-base"
          >
            {TECHNOLOGIES.map((entry) => (
              <option key={entry} value={entry}>
                {TECHNOLOGY_INFO[entry].name}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend className="text-sm font-medium">Niveaux affichés (aucun coché : tous)</legend>
          <div className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2">
            {LEVELS.map((level) => (
              <label key={level} className="flex items-center gap-2 text-sm">
                <input type="checkbox" checked={levels.includes(level)} onChange={() => toggle(level)} className="h-4 w-4" />
                {LEVEL_SHORT_LABELS[level]}
              </label>
            ))}
          </div>
        </fieldset>
      </fieldset>

      <ExplorerMap initial={initial} technology={technology} levels={levels} tiles={tiles} data={data} onView={setView} onData={onData} />
      <MapLegend withZone />

      <section aria-labelledby="view-summary" className="space-y-2">
        <h2 id="view-summary" className="text-xl font-semibold">
          Dans cette vue
        </h2>
        <p role="status" aria-live="polite">
          {failed
            ? "Les données de la carte n'ont pas pu être chargées. Réessayez en déplaçant la carte."
            : !data
              ? "Chargement…"
              : view.zoom < buildingsFromZoom
                ? `${data.zones.length} zone${data.zones.length > 1 ? "s" : ""} d'activités. Zoomez pour afficher les immeubles.`
                : `${data.zones.length} zone${data.zones.length > 1 ? "s" : ""} d'activités, ${buildingCount} immeuble${buildingCount > 1 ? "s" : ""}${data.truncated ? " (les premiers seulement : zoomez pour tout voir)" : ""}.`}
        </p>
        {data && data.zones.length > 0 && (
          <ul className="list-disc space-y-1 pl-6">
            {data.zones.slice(0, 20).map((zone) => (
              <li key={zone.id}>
                <Link href={`/zone/${encodeURIComponent(zone.id)}`}>{zone.name}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
