/**
 * Outlines with many points for the size-limit tests: a closed ring around a centre whose radius
 * wavers with the angle (a simple polygon: it never crosses itself), as GeoJSON coordinates.
 */
export function wavyRing(points: number, centre: [number, number] = [5.2125, 46.2125], radius = 0.004): number[][] {
  const ring: number[][] = [];
  for (let index = 0; index < points - 1; index += 1) {
    const angle = (2 * Math.PI * index) / (points - 1);
    const wobble = radius * (1 + 0.08 * Math.sin(angle * 24) + 0.002 * Math.sin(angle * 3001));
    ring.push([Math.round((centre[0] + wobble * Math.cos(angle) * 1.45) * 1e7) / 1e7, Math.round((centre[1] + wobble * Math.sin(angle)) * 1e7) / 1e7]);
  }
  ring.push(ring[0]!);
  return ring;
}

/** A GeoJSON Polygon of `points` positions (the closing one included). */
export function wavyPolygon(points: number, centre?: [number, number], radius?: number) {
  return { type: "Polygon" as const, coordinates: [wavyRing(points, centre, radius)] };
}
