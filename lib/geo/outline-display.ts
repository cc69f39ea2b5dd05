/**
 * The outline pages and the map draw: the stored original, simplified with @turf/simplify
 * (Douglas-Peucker, highQuality) until it has DISPLAY_POINTS_MAX points or fewer. The tolerance
 * grows from 10 cm; a simplification whose rings cross (itself or each other) is not kept: the
 * first one that is both small and clean wins, else the smallest clean one. Simplification only
 * drops vertices, so what remains lies on the original.
 */
import simplify from "@turf/simplify";
import type { MultiPolygon } from "@/lib/geo/outline";
import { countPositions, hasSelfIntersection } from "@/lib/geo/outline-checks";

/** A few hundred points draw any activity zone sharply at the scale of a page's map. */
export const DISPLAY_POINTS_MAX = 400;
const FIRST_TOLERANCE_DEGREES = 1e-6;
const LAST_TOLERANCE_DEGREES = 1e-2;

export function displayOutline(geometry: MultiPolygon): MultiPolygon {
  if (countPositions(geometry) <= DISPLAY_POINTS_MAX) return geometry;
  let smallestClean: MultiPolygon | null = null;
  let smallest = geometry;
  for (let tolerance = FIRST_TOLERANCE_DEGREES; tolerance <= LAST_TOLERANCE_DEGREES; tolerance *= 2) {
    // From the original each time: simplifying a simplification would add up the errors.
    const simplified = simplify(geometry, { tolerance, highQuality: true, mutate: false }) as MultiPolygon;
    const points = countPositions(simplified);
    if (points < countPositions(smallest)) smallest = simplified;
    if (points > DISPLAY_POINTS_MAX && tolerance * 2 <= LAST_TOLERANCE_DEGREES) continue;
    if (hasSelfIntersection(simplified)) continue;
    if (points <= DISPLAY_POINTS_MAX) return simplified;
    if (!smallestClean || points < countPositions(smallestClean)) smallestClean = simplified;
  }
  return smallestClean ?? smallest;
}
