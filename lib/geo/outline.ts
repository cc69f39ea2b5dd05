/**
 * Activity-zone outlines: GeoJSON Polygon or MultiPolygon, checked, reprojected to WGS84 when given
 * in Lambert-93, always stored as a MultiPolygon with its bounding box.
 */
import booleanPointInPolygon from "@turf/boolean-point-in-polygon";
import { outlineSizeProblem } from "@/lib/geo/outline-limits";
import { projectionOfPositions } from "@/lib/geo/crs";
import { toWgs84, type ProjectionName } from "@/lib/geo/projection";

export type Position = [number, number];
export interface MultiPolygon {
  type: "MultiPolygon";
  coordinates: Position[][][];
}

export interface Outline {
  geometry: MultiPolygon;
  bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number };
  /** Rings whose last position was not their first, closed by toOutline (with `closeRings`). */
  closedRings: number;
}

export interface OutlineOptions {
  /** The system the coordinates are in; default: told by their range (WGS84 or Lambert-93). */
  projection?: ProjectionName;
  /** Close an unclosed ring by repeating its first position, instead of refusing it. */
  closeRings?: boolean;
}

export class OutlineError extends Error {}

/** An outline over the size limits (lib/geo/outline-limits.ts); the message is the French reason. */
export class OutlineTooLargeError extends OutlineError {}

function isPosition(value: unknown): value is number[] {
  return Array.isArray(value) && value.length >= 2 && value.every((n) => typeof n === "number" && Number.isFinite(n));
}

function polygonsOf(geometry: unknown): unknown[][] {
  const { type, coordinates } = (geometry ?? {}) as { type?: unknown; coordinates?: unknown };
  if (type === "Polygon" && Array.isArray(coordinates)) return [coordinates];
  if (type === "MultiPolygon" && Array.isArray(coordinates)) return coordinates as unknown[][];
  if (!geometry) throw new OutlineError("géométrie absente");
  if (typeof type !== "string" || type === "") throw new OutlineError("la géométrie n'a pas de type : Polygon ou MultiPolygon attendu");
  if (type === "Polygon" || type === "MultiPolygon") throw new OutlineError(`la géométrie ${type} n'a pas de coordonnées (une liste attendue)`);
  throw new OutlineError(`la géométrie de type ${type.slice(0, 40)} n'est ni un Polygon ni un MultiPolygon`);
}

/** Positions of polygons not checked yet (what is not a ring counts nothing). */
function rawPositionCount(polygons: unknown[][]): number {
  let count = 0;
  for (const rings of polygons) {
    if (!Array.isArray(rings)) continue;
    for (const ring of rings) if (Array.isArray(ring)) count += ring.length;
  }
  return count;
}

/**
 * A checked WGS84 MultiPolygon from a GeoJSON geometry. Without a stated projection the
 * coordinates' range tells WGS84 from Lambert-93 (the CNIG standard's system). More than
 * OUTLINE_POINTS_MAX points: OutlineTooLargeError, before any reprojection.
 */
export function toOutline(geometry: unknown, options: OutlineOptions = {}): Outline {
  const polygons = polygonsOf(geometry);
  if (polygons.length === 0) throw new OutlineError("géométrie vide");
  const tooLarge = outlineSizeProblem({ points: rawPositionCount(polygons) });
  if (tooLarge) throw new OutlineTooLargeError(tooLarge);
  const positions = polygons.flat(2);
  if (!positions.every(isPosition)) throw new OutlineError("les coordonnées ne sont pas des nombres [x, y]");
  const system = options.projection ?? projectionOfPositions(positions as number[][]);
  if (!system) throw new OutlineError("coordonnées ni en WGS84 (degrés) ni en Lambert-93 (mètres) : système de coordonnées inconnu");

  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  let closedRings = 0;
  const coordinates = polygons.map((rings) => {
    if (!Array.isArray(rings) || rings.length === 0) throw new OutlineError("un polygone n'a aucun anneau");
    return (rings as number[][][]).map((given) => {
      if (!Array.isArray(given)) throw new OutlineError("un anneau a moins de 4 positions");
      const isClosed = given.length > 0 && given[0]![0] === given[given.length - 1]![0] && given[0]![1] === given[given.length - 1]![1];
      const ring = !isClosed && options.closeRings && given.length >= 3 ? [...given, given[0]!] : given;
      if (ring !== given) closedRings += 1;
      if (ring.length < 4) throw new OutlineError("un anneau a moins de 4 positions");
      if (!isClosed && ring === given) throw new OutlineError("un anneau n'est pas fermé");
      return ring.map(([x, y]) => {
        const point = toWgs84(x!, y!, system);
        if (!point) throw new OutlineError("une position est hors du monde");
        minLon = Math.min(minLon, point.lon);
        maxLon = Math.max(maxLon, point.lon);
        minLat = Math.min(minLat, point.lat);
        maxLat = Math.max(maxLat, point.lat);
        return [Math.round(point.lon * 1e7) / 1e7, Math.round(point.lat * 1e7) / 1e7] as Position;
      });
    });
  });
  return { geometry: { type: "MultiPolygon", coordinates }, bbox: { minLon, minLat, maxLon, maxLat }, closedRings };
}

export function containsPoint(outline: MultiPolygon, lon: number, lat: number): boolean {
  return booleanPointInPolygon([lon, lat], outline);
}
