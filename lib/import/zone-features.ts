/**
 * The features of a zones file: a GeoJSON FeatureCollection (streamed feature by feature, its
 * legacy `crs` member honoured — an unknown one refuses the file before any line), or a CSV whose
 * geometry column holds GeoJSON (the CNIG standard's `site_geomsurf`, with its point in
 * `site_geompoint`).
 */
import { outlineSizeProblem } from "@/lib/geo/outline-limits";
import { crsMemberInHead, projectionOfCrsMember } from "@/lib/geo/crs";
import type { ProjectionName } from "@/lib/geo/projection";
import { readCsv } from "@/lib/import/csv";
import { ImportFileError } from "@/lib/import/errors";
import { readGeoJsonFeatures } from "@/lib/import/geojson-features";
import type { ImportContext } from "@/lib/import/types";

export interface ZoneFeature {
  line: number;
  /** Property names in lower case (CNIG files write them so, BD TOPO in upper case). */
  properties: ReadonlyMap<string, unknown>;
  geometry: unknown;
  /** The outline's size when past the limits (then `geometry` was not read). */
  oversized?: { points?: number; bytes: number };
  /** The system the file states for its coordinates (GeoJSON `crs`); else told by their range. */
  projection?: ProjectionName;
  /** Why the geometry could not be read as GeoJSON, when it could not. */
  geometryProblem?: string;
}

/** Outline columns, by preference; `site_geomsurf` is the CNIG standard's. */
export const GEOMETRY_COLUMNS = ["site_geomsurf", "geometry", "geom", "the_geom", "site_geom", "geojson"];
const POINT_COLUMN = "site_geompoint";

export async function* readZoneFeatures(context: ImportContext, label: string): AsyncGenerator<ZoneFeature> {
  const iterator = context.source.text[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? "" : first.value;
  async function* replay(): AsyncGenerator<string> {
    if (head) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const source = { ...context.source, text: replay() };
  const { fileName } = context.source;

  if (head.trimStart().startsWith("{")) {
    const projection = statedProjection(head, fileName);
    let count = 0;
    try {
      for await (const feature of readGeoJsonFeatures(source.text)) {
        count += 1;
        yield { line: feature.index, properties: lowerCaseKeys(feature.properties), geometry: feature.geometry, oversized: feature.oversized, projection };
      }
    } catch (error) {
      throw new ImportFileError(`${fileName} n'est pas un GeoJSON valide (${error instanceof Error ? error.message : "erreur de lecture"}).`);
    }
    if (count === 0) throw new ImportFileError(`${fileName} n'est pas un fichier ${label} : il n'a pas de "features".`);
    return;
  }

  let geometryColumn: string | null = null;
  for await (const record of readCsv(source, { label, delimiter: "auto", required: ["site_id", "site_nom"] })) {
    geometryColumn ??= GEOMETRY_COLUMNS.find((column) => record.has(column)) ?? (record.has(POINT_COLUMN) ? POINT_COLUMN : null);
    if (!geometryColumn) throw new ImportFileError(`${fileName} n'a pas de colonne de contour (${GEOMETRY_COLUMNS.join(", ")}).`);
    const outlineText = record.get(geometryColumn);
    const properties = new Map<string, unknown>();
    for (const key of CNIG_COLUMNS) properties.set(key, record.get(key));
    const bytes = Buffer.byteLength(outlineText);
    if (outlineSizeProblem({ bytes })) {
      yield { line: record.line, properties, geometry: null, oversized: { bytes } };
      continue;
    }
    if (!outlineText) {
      const point = record.get(POINT_COLUMN);
      yield { line: record.line, properties, geometry: null, geometryProblem: point ? "contour absent : site_geompoint ne donne qu'un point, il faut le contour (site_geomsurf)" : "contour absent" };
      continue;
    }
    const geometry = parseGeometryText(outlineText);
    yield { line: record.line, properties, geometry, ...(geometry === null ? { geometryProblem: `${geometryColumn} n'est pas une géométrie GeoJSON lisible` } : {}) };
  }
}

/** The CNIG columns the importer reads from a CSV. */
const CNIG_COLUMNS = [
  "site_id", "site_nom", "site_type", "site_etat", "site_vocadomi", "site_comm_insee", "site_comm_nom", "site_epci_siren",
  "site_epci_nom", "site_surf_brute", "site_actu_date", "reseau_fibre_optique",
];

/**
 * GeoJSON text of a CSV cell. Some exports (the CNIG standard's own example among them) escape the
 * quotes with backslashes inside CSV quoting (`{\"type\": \"Polygon\"…}`): read those too.
 */
export function parseGeometryText(text: string): unknown {
  for (const candidate of [text, text.replace(/\\"/g, '"')]) {
    try {
      return JSON.parse(candidate);
    } catch {
      // try the next reading
    }
  }
  return null;
}

/** The projection a FeatureCollection's `crs` member states; an unknown one refuses the file. */
function statedProjection(head: string, fileName: string): ProjectionName | undefined {
  const crs = crsMemberInHead(head);
  if (crs === undefined) return undefined;
  if (crs === null) throw new ImportFileError(`${fileName} : le membre "crs" du GeoJSON est illisible.`);
  const stated = projectionOfCrsMember(crs);
  if ("projection" in stated) return stated.projection;
  throw new ImportFileError(
    `${fileName} est en coordonnées « ${stated.unknown} », un système que Fibre Pro ne sait pas convertir : exportez-le en WGS84 (EPSG:4326) ou en Lambert-93 (EPSG:2154).`,
  );
}

function lowerCaseKeys(properties: Record<string, unknown>): Map<string, unknown> {
  const map = new Map<string, unknown>();
  for (const [key, value] of Object.entries(properties)) {
    const name = key.toLowerCase();
    if (!map.has(name)) map.set(name, value);
  }
  return map;
}
