"use client";
/**
 * A small read-only map: an outline (activity zone) and points coloured by status, one of them
 * possibly labelled (the address). Client-only (Leaflet needs the DOM): load it through
 * LazyFeatureMap. Every point also appears in the page's text, the map only places them.
 */
import "leaflet/dist/leaflet.css";
import type { GeoJsonObject } from "geojson";
import { CircleMarker, GeoJSON, MapContainer, TileLayer, Tooltip } from "react-leaflet";
import { FrenchControls, WITHOUT_DEFAULT_CONTROLS } from "@/components/map/map-controls";

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  color: string;
  label: string;
  /** Drawn on top, labelled permanently: the address of an address page. */
  isFocus?: boolean;
}

export interface FeatureMapProps {
  /** Where to look: a point and zoom, or the outline's extent when `fitOutline`. */
  center: [number, number];
  zoom: number;
  outline: GeoJsonObject | null;
  fitOutline?: boolean;
  points: MapPoint[];
  tiles: { url: string; attribution: string };
  /** For the map's accessible name. */
  label: string;
}

export default function FeatureMap({ center, zoom, outline, fitOutline = false, points, tiles, label }: FeatureMapProps) {
  const bounds = fitOutline && outline ? outlineBounds(outline) : undefined;
  return (
    <div role="region" aria-label={label}>
      <MapContainer
        center={bounds ? undefined : center}
        zoom={bounds ? undefined : zoom}
        bounds={bounds}
        scrollWheelZoom={false}
        {...WITHOUT_DEFAULT_CONTROLS}
        className="h-80 w-full rounded-lg border border-line"
      >
        <FrenchControls />
        <TileLayer url={tiles.url} attribution={tiles.attribution} />
        {outline && <GeoJSON data={outline} style={{ color: "#1d4ed8", weight: 2, fillOpacity: 0.08 }} />}
        {points
          .filter((point) => !point.isFocus)
          .map((point) => (
            <CircleMarker
              key={point.id}
              center={[point.lat, point.lon]}
              radius={7}
              pathOptions={{ color: "#ffffff", weight: 2, fillColor: point.color, fillOpacity: 1 }}
            >
              <Tooltip>{point.label}</Tooltip>
            </CircleMarker>
          ))}
        {points
          .filter((point) => point.isFocus)
          .map((point) => (
            <CircleMarker key={point.id} center={[point.lat, point.lon]} radius={6} pathOptions={{ color: "#111827", weight: 3, fillColor: "#ffffff", fillOpacity: 1 }}>
              <Tooltip permanent direction="top" offset={[0, -8]}>
                {point.label}
              </Tooltip>
            </CircleMarker>
          ))}
      </MapContainer>
    </div>
  );
}

/** [[south, west], [north, east]] of a GeoJSON geometry's coordinates. */
function outlineBounds(geometry: GeoJsonObject): [[number, number], [number, number]] | undefined {
  let south = 90, west = 180, north = -90, east = -180;
  const visit = (value: unknown) => {
    if (Array.isArray(value) && typeof value[0] === "number" && typeof value[1] === "number") {
      const [lon, lat] = value as [number, number];
      south = Math.min(south, lat); north = Math.max(north, lat); west = Math.min(west, lon); east = Math.max(east, lon);
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    }
  };
  visit((geometry as { coordinates?: unknown }).coordinates);
  return south <= north ? [[south, west], [north, east]] : undefined;
}
