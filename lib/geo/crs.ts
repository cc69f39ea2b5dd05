/**
 * The coordinate system of GeoJSON as GIS tools and publishers write it: the legacy `crs` member
 * (GeoJSON 2008: `{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::2154"}}`, also
 * `EPSG:2154`, or `{"type":"EPSG","properties":{"code":2154}}`), and, when nothing is stated, the
 * system told by the coordinates' range (WGS84 degrees or Lambert-93 metres, the two systems
 * French zone files use).
 */
import { parseProjectionName, type ProjectionName } from "@/lib/geo/projection";

/** The system a `crs` member names, or the name it gives when we do not know it. */
export function projectionOfCrsMember(crs: unknown): { projection: ProjectionName } | { unknown: string } {
  const { type, properties } = (crs ?? {}) as { type?: unknown; properties?: { name?: unknown; code?: unknown } | null };
  const name =
    type === "EPSG" && properties?.code !== undefined
      ? `EPSG:${String(properties.code)}`
      : typeof properties?.name === "string"
        ? properties.name
        : JSON.stringify(crs);
  const projection = parseProjectionName(name);
  return projection ? { projection } : { unknown: name };
}

/** EPSG:2154's area of use, in metres, with a margin. */
const LAMBERT_93 = { minX: -400_000, maxX: 1_400_000, minY: 6_000_000, maxY: 7_300_000 };

/** WGS84 when every position is in degrees, Lambert-93 when every one is in its area; else null. */
export function projectionOfPositions(positions: Iterable<readonly number[]>): ProjectionName | null {
  let isWgs84 = true;
  let isLambert93 = true;
  for (const [x, y] of positions) {
    if (x === undefined || y === undefined) return null;
    if (Math.abs(x) > 180 || Math.abs(y) > 90) isWgs84 = false;
    if (x < LAMBERT_93.minX || x > LAMBERT_93.maxX || y < LAMBERT_93.minY || y > LAMBERT_93.maxY) isLambert93 = false;
    if (!isWgs84 && !isLambert93) return null;
  }
  return isWgs84 ? "WGS84" : isLambert93 ? "RGF93" : null;
}

/**
 * The `crs` member of a GeoJSON FeatureCollection, read from the text before its "features" (where
 * GIS tools write it): undefined when there is none there, null when it cannot be read.
 */
export function crsMemberInHead(head: string): unknown {
  const features = head.search(/"features"\s*:/);
  const before = features < 0 ? head : head.slice(0, features);
  const key = /"crs"\s*:\s*\{/.exec(before);
  if (!key) return undefined;
  const start = key.index + key[0].length - 1;
  let depth = 0;
  let inString = false;
  for (let at = start; at < head.length; at += 1) {
    const character = head[at];
    if (inString) {
      if (character === "\\") at += 1;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === "{") depth += 1;
    else if (character === "}" && --depth === 0) {
      try {
        return JSON.parse(head.slice(start, at + 1));
      } catch {
        return null;
      }
    }
  }
  return null;
}
