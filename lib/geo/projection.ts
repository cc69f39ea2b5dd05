/**
 * Reprojection of the coordinate systems French telecom files use, to WGS84 (lon/lat), with proj4.
 * Definitions are those of the EPSG registry for each system.
 */
import proj4 from "proj4";

export type ProjectionName = "WGS84" | "RGF93" | "RGFG95" | "RGR92" | "RGM04" | "RGSPM06";

const DEFINITIONS: Readonly<Record<Exclude<ProjectionName, "WGS84">, { epsg: string; proj: string }>> = {
  // Lambert-93, mainland France
  RGF93: {
    epsg: "EPSG:2154",
    proj: "+proj=lcc +lat_0=46.5 +lon_0=3 +lat_1=49 +lat_2=44 +x_0=700000 +y_0=6600000 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs",
  },
  // Guyane: RGFG95 / UTM 22N
  RGFG95: { epsg: "EPSG:2972", proj: "+proj=utm +zone=22 +ellps=GRS80 +towgs84=2,2,-2,0,0,0,0 +units=m +no_defs" },
  // La Réunion: RGR92 / UTM 40S
  RGR92: { epsg: "EPSG:2975", proj: "+proj=utm +zone=40 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs" },
  // Mayotte: RGM04 / UTM 38S
  RGM04: { epsg: "EPSG:4471", proj: "+proj=utm +zone=38 +south +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs" },
  // Saint-Pierre-et-Miquelon: RGSPM06 / UTM 21N
  RGSPM06: { epsg: "EPSG:4467", proj: "+proj=utm +zone=21 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs" },
};

for (const { epsg, proj } of Object.values(DEFINITIONS)) proj4.defs(epsg, proj);

const converters = new Map<string, proj4.Converter>();

function converterFor(name: Exclude<ProjectionName, "WGS84">): proj4.Converter {
  let converter = converters.get(name);
  if (!converter) {
    converter = proj4(DEFINITIONS[name].epsg, "EPSG:4326");
    converters.set(name, converter);
  }
  return converter;
}

/** Names as they appear in files (IPE TypeProjectionGeographique, GeoJSON crs), upper-cased. */
const ALIASES: Readonly<Record<string, ProjectionName>> = {
  WGS84: "WGS84",
  "WGS 84": "WGS84",
  "EPSG:4326": "WGS84",
  "EPSG:4171": "WGS84",
  CRS84: "WGS84",
  "OGC:CRS84": "WGS84",
  RGF93: "RGF93",
  "RGF93 LAMBERT 93": "RGF93",
  LAMBERT93: "RGF93",
  "LAMBERT 93": "RGF93",
  L93: "RGF93",
  "EPSG:2154": "RGF93",
  RGFG95: "RGFG95",
  "EPSG:2972": "RGFG95",
  RGR92: "RGR92",
  "EPSG:2975": "RGR92",
  RGM04: "RGM04",
  "EPSG:4471": "RGM04",
  RGSPM06: "RGSPM06",
  "EPSG:4467": "RGSPM06",
};

export function parseProjectionName(value: string): ProjectionName | null {
  // urn:ogc:def:crs:EPSG::2154, urn:ogc:def:crs:EPSG:6.6:2154, urn:ogc:def:crs:OGC:1.3:CRS84
  const key = value
    .trim()
    .toUpperCase()
    .replace(/^URN:OGC:DEF:CRS:EPSG:[^:]*:/, "EPSG:")
    .replace(/^URN:OGC:DEF:CRS:OGC:[^:]*:/, "OGC:");
  return ALIASES[key] ?? null;
}

export interface LonLat {
  lon: number;
  lat: number;
}

/** x/y in the named system → WGS84; null when the result is not a plausible position on Earth. */
export function toWgs84(x: number, y: number, projection: ProjectionName): LonLat | null {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  const [lon, lat] = projection === "WGS84" ? [x, y] : converterFor(projection).forward([x, y]);
  if (lon === undefined || lat === undefined || !Number.isFinite(lon) || !Number.isFinite(lat)) return null;
  if (Math.abs(lat) > 90 || Math.abs(lon) > 180) return null;
  return { lon, lat };
}

/** A number as files write it: decimal comma accepted, spaces ignored; NaN when not a number. */
export function parseDecimal(value: string): number {
  const cleaned = value.trim().replace(/\s/g, "").replace(",", ".");
  return cleaned === "" ? Number.NaN : Number(cleaned);
}
