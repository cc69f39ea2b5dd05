"use client";
/**
 * The map of an address page: the address, its buildings coloured by status, the outline of its
 * activity zone. Client-only (Leaflet needs the DOM): load it through LazyAddressMap.
 */
import "leaflet/dist/leaflet.css";
import type { GeoJsonObject } from "geojson";
import { CircleMarker, GeoJSON, MapContainer, TileLayer, Tooltip } from "react-leaflet";
import type { DeploymentStatus } from "@/lib/db/enums";
import { STATUS_LABELS } from "@/lib/status";
import { STATUS_COLORS, UNKNOWN_STATUS_COLOR } from "@/lib/status-colors";

export interface AddressMapProps {
  lat: number;
  lon: number;
  label: string;
  buildings: { id: string; lat: number; lon: number; status: DeploymentStatus | null }[];
  zoneOutline: GeoJsonObject | null;
  tiles: { url: string; attribution: string };
}

export default function AddressMap({ lat, lon, label, buildings, zoneOutline, tiles }: AddressMapProps) {
  return (
    <MapContainer center={[lat, lon]} zoom={17} scrollWheelZoom={false} className="h-80 w-full rounded-lg border border-line">
      <TileLayer url={tiles.url} attribution={tiles.attribution} />
      {zoneOutline && <GeoJSON data={zoneOutline} style={{ color: "#1d4ed8", weight: 2, fillOpacity: 0.08 }} />}
      {buildings.map((building) => (
        <CircleMarker
          key={building.id}
          center={[building.lat, building.lon]}
          radius={8}
          pathOptions={{ color: "#ffffff", weight: 2, fillColor: building.status ? STATUS_COLORS[building.status] : UNKNOWN_STATUS_COLOR, fillOpacity: 1 }}
        >
          <Tooltip>
            Immeuble {building.id} : {building.status ? STATUS_LABELS[building.status] : "statut inconnu"}
          </Tooltip>
        </CircleMarker>
      ))}
      <CircleMarker center={[lat, lon]} radius={6} pathOptions={{ color: "#111827", weight: 3, fillColor: "#ffffff", fillOpacity: 1 }}>
        <Tooltip permanent direction="top" offset={[0, -8]}>
          {label}
        </Tooltip>
      </CircleMarker>
    </MapContainer>
  );
}
