/**
 * Checks on an outline drawn or uploaded in the admin, beyond what `toOutline` verifies: inside
 * France, enough distinct points, no ring crossing itself or another ring, a plausible area.
 */
import type { MultiPolygon, Outline, Position } from "@/lib/geo/outline";

const EARTH_RADIUS_M = 6_378_137;

/** Metropolitan France and the overseas départements and collectivités, as lon/lat boxes. */
const FRANCE_BOXES: readonly [number, number, number, number][] = [
  [-5.5, 41.2, 10, 51.3], // metropolitan France and Corsica
  [-61.9, 15.8, -60.9, 16.6], // Guadeloupe
  [-63.2, 17.8, -62.7, 18.2], // Saint-Martin, Saint-Barthélemy
  [-61.3, 14.3, -60.7, 14.95], // Martinique
  [-54.7, 2.0, -51.5, 5.9], // Guyane
  [55.1, -21.5, 56, -20.8], // La Réunion
  [44.9, -13.1, 45.4, -12.5], // Mayotte
  [-56.6, 46.7, -56.1, 47.2], // Saint-Pierre-et-Miquelon
];

export function isInFrance(bbox: Outline["bbox"]): boolean {
  return FRANCE_BOXES.some(([west, south, east, north]) => bbox.minLon >= west && bbox.maxLon <= east && bbox.minLat >= south && bbox.maxLat <= north);
}

/** The fewest distinct positions of any ring (a ring repeats its first position at the end). */
export function fewestDistinctPositions(outline: MultiPolygon): number {
  let fewest = Infinity;
  for (const polygon of outline.coordinates) {
    for (const ring of polygon) fewest = Math.min(fewest, new Set(ring.map(([lon, lat]) => `${lon},${lat}`)).size);
  }
  return fewest;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Signed area of a ring on the sphere, in m² (the formula of @turf/area). */
function ringArea(ring: readonly Position[]): number {
  const count = ring.length;
  if (count <= 2) return 0;
  let total = 0;
  for (let index = 0; index < count; index += 1) {
    const lower = ring[index]!;
    const middle = ring[(index + 1) % count]!;
    const upper = ring[(index + 2) % count]!;
    total += (toRadians(upper[0]) - toRadians(lower[0])) * Math.sin(toRadians(middle[1]));
  }
  return (total * EARTH_RADIUS_M * EARTH_RADIUS_M) / 2;
}

/** Area in hectares: outer rings minus holes. */
export function outlineAreaHa(outline: MultiPolygon): number {
  let squareMetres = 0;
  for (const polygon of outline.coordinates) {
    polygon.forEach((ring, index) => {
      const area = Math.abs(ringArea(ring));
      squareMetres += index === 0 ? area : -area;
    });
  }
  return Math.max(0, squareMetres) / 10_000;
}

type Segment = [Position, Position];

function orientation(a: Position, b: Position, c: Position): number {
  const value = (b[1] - a[1]) * (c[0] - b[0]) - (b[0] - a[0]) * (c[1] - b[1]);
  return value === 0 ? 0 : value > 0 ? 1 : 2;
}

function onSegment(a: Position, b: Position, c: Position): boolean {
  return Math.min(a[0], c[0]) <= b[0] && b[0] <= Math.max(a[0], c[0]) && Math.min(a[1], c[1]) <= b[1] && b[1] <= Math.max(a[1], c[1]);
}

function segmentsIntersect([p1, q1]: Segment, [p2, q2]: Segment): boolean {
  const o1 = orientation(p1, q1, p2), o2 = orientation(p1, q1, q2), o3 = orientation(p2, q2, p1), o4 = orientation(p2, q2, q1);
  if (o1 !== o2 && o3 !== o4) return true;
  return (o1 === 0 && onSegment(p1, p2, q1)) || (o2 === 0 && onSegment(p1, q2, q1)) || (o3 === 0 && onSegment(p2, p1, q2)) || (o4 === 0 && onSegment(p2, q1, q2));
}

/**
 * Whether a ring crosses itself or another ring of its polygon. Consecutive segments share a
 * vertex and are not counted. Segments are swept in order of their west end, so only those whose
 * longitude ranges overlap are compared: fast for the 20,000 points an outline may have.
 */
export function hasSelfIntersection(outline: MultiPolygon): boolean {
  for (const polygon of outline.coordinates) {
    const segments: { ring: number; index: number; count: number; segment: Segment; west: number; east: number }[] = [];
    polygon.forEach((ring, ringIndex) => {
      for (let index = 0; index < ring.length - 1; index += 1) {
        const [from, to] = [ring[index]!, ring[index + 1]!];
        segments.push({ ring: ringIndex, index, count: ring.length - 1, segment: [from, to], west: Math.min(from[0], to[0]), east: Math.max(from[0], to[0]) });
      }
    });
    segments.sort((a, b) => a.west - b.west);
    for (let i = 0; i < segments.length; i += 1) {
      const a = segments[i]!;
      for (let j = i + 1; j < segments.length && segments[j]!.west <= a.east; j += 1) {
        const b = segments[j]!;
        if (a.ring === b.ring) {
          const [first, second] = a.index < b.index ? [a, b] : [b, a];
          const adjacent = second.index === first.index + 1 || (first.index === 0 && second.index === first.count - 1);
          if (adjacent) continue;
        }
        if (segmentsIntersect(a.segment, b.segment)) return true;
      }
    }
  }
  return false;
}

export function countPositions(outline: MultiPolygon): number {
  return outline.coordinates.reduce((sum, polygon) => sum + polygon.reduce((inner, ring) => inner + ring.length, 0), 0);
}
