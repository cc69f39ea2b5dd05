"use client";
/**
 * Draw and edit a zone's outline (Leaflet + Geoman): draw a polygon, move its vertices, remove
 * it. Every change is written back as GeoJSON through `onChange`; a new `value` from outside (an
 * uploaded file, the text field) is drawn again. Client-only: load it with next/dynamic.
 * The text field of the form stays the keyboard users' way to give an outline.
 */
import "leaflet/dist/leaflet.css";
import "@/components/map/leaflet-global";
import "@geoman-io/leaflet-geoman-free";
import "@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css";
import L from "leaflet";
import { useEffect, useRef } from "react";
import { MapContainer, TileLayer, useMap } from "react-leaflet";
import { FrenchControls, WITHOUT_DEFAULT_CONTROLS } from "@/components/map/map-controls";

export interface ZoneOutlineEditorProps {
  /** GeoJSON text (Polygon, MultiPolygon, Feature or FeatureCollection), or "". */
  value: string;
  onChange: (value: string) => void;
  /** Where to look when there is no outline yet (the commune's centre). */
  center: [number, number];
  zoom: number;
  tiles: { url: string; attribution: string };
  label: string;
}

const OUTLINE_STYLE = { color: "#1d4ed8", weight: 3, fillOpacity: 0.12 };

/** The polygons of a GeoJSON text, or null when it cannot be read (the form reports why). */
function polygonsOf(text: string): GeoJSON.Geometry[] | null {
  if (!text.trim()) return [];
  try {
    const value = JSON.parse(text) as { type?: string; geometry?: GeoJSON.Geometry; features?: { geometry?: GeoJSON.Geometry }[] };
    const geometries =
      value.type === "FeatureCollection" ? (value.features ?? []).map((feature) => feature.geometry) : value.type === "Feature" ? [value.geometry] : [value as GeoJSON.Geometry];
    return geometries.filter((geometry): geometry is GeoJSON.Geometry => geometry?.type === "Polygon" || geometry?.type === "MultiPolygon");
  } catch {
    return null;
  }
}

function toText(layers: Iterable<L.Polygon>): string {
  const polygons = [...layers].flatMap((layer) => {
    const geometry = layer.toGeoJSON().geometry;
    return geometry.type === "MultiPolygon" ? geometry.coordinates : geometry.type === "Polygon" ? [geometry.coordinates] : [];
  });
  if (polygons.length === 0) return "";
  return JSON.stringify(polygons.length === 1 ? { type: "Polygon", coordinates: polygons[0] } : { type: "MultiPolygon", coordinates: polygons });
}

function OutlineLayer({ value, onChange, center, zoom }: Pick<ZoneOutlineEditorProps, "value" | "onChange" | "center" | "zoom">) {
  const map = useMap();
  const layers = useRef(new Set<L.Polygon>());
  const lastEmitted = useRef<string | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  const emit = () => {
    const text = toText(layers.current);
    lastEmitted.current = text;
    onChangeRef.current(text);
  };
  const track = (layer: L.Polygon) => {
    layers.current.add(layer);
    layer.on("pm:edit", emit);
  };

  useEffect(() => {
    map.pm.setLang("fr");
    map.pm.addControls({
      position: "topleft",
      drawMarker: false, drawCircleMarker: false, drawPolyline: false, drawRectangle: true, drawPolygon: true, drawCircle: false, drawText: false,
      editMode: true, dragMode: false, cutPolygon: false, removalMode: true, rotateMode: false,
    });
    map.pm.setGlobalOptions({ allowSelfIntersection: false, pathOptions: OUTLINE_STYLE });
    // Geoman titles the wrapper, not the focusable link: give the link its name.
    map.getContainer().querySelectorAll<HTMLElement>("a.leaflet-buttons-control-button").forEach((link) => {
      const title = link.parentElement?.getAttribute("title");
      if (title) link.setAttribute("aria-label", title);
    });
    const onCreate = (event: { layer: L.Layer }) => {
      if (event.layer instanceof L.Polygon) track(event.layer);
      emit();
    };
    const onRemove = (event: { layer: L.Layer }) => {
      layers.current.delete(event.layer as L.Polygon);
      emit();
    };
    map.on("pm:create", onCreate);
    map.on("pm:remove", onRemove);
    return () => {
      map.off("pm:create", onCreate);
      map.off("pm:remove", onRemove);
      map.pm.removeControls();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- set up once per map
  }, [map]);

  // Draw `value` again when it comes from outside (file, text field), not from this map.
  useEffect(() => {
    if (value === lastEmitted.current) return;
    const polygons = polygonsOf(value);
    if (polygons === null) return;
    lastEmitted.current = value;
    for (const layer of layers.current) layer.remove();
    layers.current.clear();
    const group = L.geoJSON(polygons as unknown as GeoJSON.GeoJsonObject, { style: OUTLINE_STYLE });
    group.eachLayer((layer) => {
      if (layer instanceof L.Polygon) {
        layer.addTo(map);
        track(layer);
      }
    });
    if (layers.current.size > 0) map.fitBounds(group.getBounds(), { padding: [24, 24], maxZoom: 18 });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- track and emit only touch refs
  }, [map, value]);

  // A new commune: look there, unless an outline is drawn.
  const [lat, lon] = center;
  useEffect(() => {
    if (layers.current.size === 0) map.setView([lat, lon], zoom);
  }, [map, lat, lon, zoom]);

  return null;
}

export default function ZoneOutlineEditor({ value, onChange, center, zoom, tiles, label }: ZoneOutlineEditorProps) {
  return (
    <div role="region" aria-label={label}>
      <MapContainer center={center} zoom={zoom} scrollWheelZoom={false} {...WITHOUT_DEFAULT_CONTROLS} className="h-[28rem] w-full rounded-lg border border-line">
        <FrenchControls />
        <TileLayer url={tiles.url} attribution={tiles.attribution} />
        <OutlineLayer value={value} onChange={onChange} center={center} zoom={zoom} />
      </MapContainer>
    </div>
  );
}
