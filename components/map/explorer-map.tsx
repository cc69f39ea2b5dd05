"use client";
/**
 * The Leaflet part of the map explorer: loads what the view shows from GET /api/v1/map on every
 * move (stale requests cancelled), draws zones, clusters and buildings, and reports the view and
 * what it loaded to MapExplorer, which keeps the URL and the text summary.
 */
import "leaflet/dist/leaflet.css";
import type { GeoJsonObject } from "geojson";
import { useCallback, useEffect, useRef } from "react";
import { CircleMarker, GeoJSON, MapContainer, Popup, TileLayer, Tooltip, useMap, useMapEvents } from "react-leaflet";
import { FrenchControls, WITHOUT_DEFAULT_CONTROLS } from "@/components/map/map-controls";
import type { MapView } from "@/lib/data/map";
import type { Technology } from "@/lib/db/enums";
import { LEVEL_COLORS, LEVEL_SHORT_LABELS, type Level } from "@/lib/levels/levels";
import { STATUS_LABELS } from "@/lib/status";

export interface ExplorerView {
  lat: number;
  lon: number;
  zoom: number;
}

export interface ExplorerMapProps {
  initial: ExplorerView;
  technology: Technology;
  levels: Level[];
  tiles: { url: string; attribution: string };
  data: MapView | null;
  onView: (view: ExplorerView) => void;
  onData: (data: MapView | null, error: boolean) => void;
}

function dominant(levels: Partial<Record<Level, number>>): Level {
  return (Object.entries(levels) as [Level, number][]).sort((a, b) => b[1] - a[1])[0]?.[0] ?? "NOT_ANNOUNCED";
}

function Loader({ technology, levels, onView, onData }: Pick<ExplorerMapProps, "technology" | "levels" | "onView" | "onData">) {
  const map = useMap();
  const pending = useRef<AbortController | null>(null);
  const load = useCallback(() => {
    const bounds = map.getBounds();
    const center = map.getCenter();
    onView({ lat: center.lat, lon: center.lng, zoom: map.getZoom() });
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    const params = new URLSearchParams({
      bbox: [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()].map((value) => value.toFixed(5)).join(","),
      zoom: String(map.getZoom()),
      technology,
    });
    if (levels.length > 0) params.set("level", levels.join(","));
    fetch(`/api/v1/map?${params.toString()}`, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<MapView>) : Promise.reject(new Error(String(response.status)))))
      .then((data) => onData(data, false))
      .catch((error: unknown) => {
        if ((error as { name?: string }).name !== "AbortError") onData(null, true);
      });
  }, [map, technology, levels, onView, onData]);

  useMapEvents({ moveend: load });
  useEffect(() => {
    load();
    return () => pending.current?.abort();
  }, [load]);
  return null;
}

type Cluster = NonNullable<MapView["clusters"]>[number];

/** A group of buildings: its size and colour say how many and which level dominates; a click zooms in. */
function ClusterMarker({ cluster }: { cluster: Cluster }) {
  const map = useMap();
  return (
    <CircleMarker
      center={[cluster.lat, cluster.lon]}
      radius={Math.min(28, 8 + Math.log2(cluster.count) * 2.5)}
      pathOptions={{ color: "#ffffff", weight: 2, fillColor: LEVEL_COLORS[dominant(cluster.levels)], fillOpacity: 0.85 }}
      eventHandlers={{ click: () => map.setView([cluster.lat, cluster.lon], Math.min(map.getZoom() + 2, 18)) }}
    >
      <Tooltip>
        {cluster.count} immeuble{cluster.count > 1 ? "s" : ""} :{" "}
        {(Object.entries(cluster.levels) as [Level, number][]).map(([level, n]) => `${n} ${LEVEL_SHORT_LABELS[level].toLowerCase()}`).join(", ")}
      </Tooltip>
    </CircleMarker>
  );
}

export default function ExplorerMap({ initial, technology, levels, tiles, data, onView, onData }: ExplorerMapProps) {
  return (
    <MapContainer center={[initial.lat, initial.lon]} zoom={initial.zoom} {...WITHOUT_DEFAULT_CONTROLS} className="h-[60vh] min-h-96 w-full rounded-lg border border-line">
      <FrenchControls />
      <TileLayer url={tiles.url} attribution={tiles.attribution} />
      <Loader technology={technology} levels={levels} onView={onView} onData={onData} />
      {data?.zones.map((zone) =>
        zone.outline ? (
          <GeoJSON key={`${zone.id}-outline`} data={zone.outline as GeoJsonObject} style={{ color: "#1d4ed8", weight: 2, fillOpacity: 0.06 }}>
            <Tooltip>{zone.name}</Tooltip>
          </GeoJSON>
        ) : (
          <CircleMarker key={`${zone.id}-point`} center={[zone.lat, zone.lon]} radius={6} pathOptions={{ color: "#1d4ed8", weight: 3, fillOpacity: 0.2 }}>
            <Tooltip>Zone d&apos;activités : {zone.name}</Tooltip>
          </CircleMarker>
        ),
      )}
      {data?.clusters?.map((cluster) => (
        <ClusterMarker key={`${cluster.lat}-${cluster.lon}`} cluster={cluster} />
      ))}
      {data?.buildings?.map((building) => (
        <CircleMarker
          key={building.id}
          center={[building.lat, building.lon]}
          radius={7}
          pathOptions={{ color: "#ffffff", weight: 2, fillColor: LEVEL_COLORS[building.level], fillOpacity: 1 }}
        >
          <Popup>
            Immeuble {building.id} : {LEVEL_SHORT_LABELS[building.level]}
            {building.status !== "NON_PREVU" ? ` (${STATUS_LABELS[building.status]})` : ""}
            {building.addressId && (
              <>
                <br />
                <a href={`/adresse/${encodeURIComponent(building.addressId)}`}>Voir l&apos;adresse</a>
              </>
            )}
          </Popup>
        </CircleMarker>
      ))}
    </MapContainer>
  );
}
