/**
 * Activity zones, CNIG "sites économiques" (site_eco): a GeoJSON FeatureCollection (streamed
 * feature by feature) or a CSV whose geometry column holds GeoJSON. Outlines in Lambert-93 are
 * reprojected. An outline past the limits (lib/geo/outline-limits.ts) rejects its line, measured
 * without being built; the others are stored with their display copy (lib/geo/outline-display.ts).
 * The addresses inside each new or changed outline are linked to its zone; zones a newer file of
 * the same source no longer lists are archived.
 */
import { containsPoint, OutlineError, OutlineTooLargeError, toOutline, type MultiPolygon } from "@/lib/geo/outline";
import { displayOutline } from "@/lib/geo/outline-display";
import { outlineSizeProblem } from "@/lib/geo/outline-limits";
import { readCsv } from "@/lib/import/csv";
import { readGeoJsonFeatures } from "@/lib/import/geojson-features";
import { parseFileDate } from "@/lib/import/dates";
import { ImportFileError } from "@/lib/import/errors";
import { contentHash } from "@/lib/import/hash";
import { loadCommunes } from "@/lib/import/line-checks";
import { insertRows, runIn, type SqlValue } from "@/lib/import/store/sql-store";
import { outsideTerritory, runInTerritory } from "@/lib/import/territory";
import type { ImportContext, Importer } from "@/lib/import/types";
import { zoneSearchName } from "@/lib/search/address-key";

const LABEL = "de zones d'activités CNIG (site_eco)";
const GEOMETRY_COLUMNS = ["geometry", "geom", "the_geom", "site_geom", "geojson"];

interface ZoneFeature {
  line: number;
  properties: Record<string, unknown>;
  geometry: unknown;
  /** The outline's size when past the limits (then `geometry` was not read). */
  oversized?: { points?: number; bytes: number };
}

const ZONE_COLUMNS = [
  "id", "name", "searchName", "type", "state", "vocation", "inseeCode", "communeName", "epciSiren", "epciName", "grossAreaHa",
  "hasFibreNetwork", "outline", "minLon", "minLat", "maxLon", "maxLat", "sourceUpdatedOn", "displayOutline", "sourceName", "contentHash",
  "lastRunId", "archivedAt", "createdAt", "updatedAt",
] as const;
const ZONE_UPSERT = `ON CONFLICT ("id") DO UPDATE SET ${ZONE_COLUMNS.filter((c) => c !== "id" && c !== "createdAt")
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(", ")}`;

export const zonesImporter: Importer = {
  format: "zones",
  label: LABEL,
  sourceKind: "ZONES",
  reportsUnmatched: false,
  defaultSourceName: (fileName) => `Zones d'activités ${fileName.replace(/\.[^.]+$/, "")}`,

  async run(context) {
    const communes = await loadCommunes(context.store);
    const changed: { id: string; outline: MultiPolygon; bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number } }[] = [];

    for await (const feature of readFeatures(context)) {
      context.tick();
      const text = (key: string) => {
        const value = feature.properties[key];
        return value === null || value === undefined ? "" : String(value).trim();
      };
      const id = text("site_id");
      const reject = (reason: string) => context.report.reject(feature.line, id, reason);
      if (!id) {
        reject("site_id manquant");
        continue;
      }
      const name = text("site_nom");
      if (!name) {
        reject("site_nom manquant");
        continue;
      }
      const inseeCode = text("site_comm_insee").split(/[,;| ]/)[0] ?? "";
      if (!communes.has(inseeCode)) {
        reject(`site_comm_insee inconnu : "${text("site_comm_insee")}"`);
        continue;
      }
      const outside = outsideTerritory(context.territory, inseeCode);
      if (outside) {
        reject(outside);
        continue;
      }
      const tooLarge = feature.oversized && outlineSizeProblem(feature.oversized);
      if (tooLarge) {
        reject(tooLarge);
        continue;
      }
      let outline;
      try {
        outline = toOutline(feature.geometry);
      } catch (error) {
        if (!(error instanceof OutlineError)) throw error;
        reject(error instanceof OutlineTooLargeError ? error.message : `contour invalide : ${error.message}`);
        continue;
      }
      const area = Number(text("site_surf_brute").replace(",", "."));
      const fibre = text("reseau_fibre_optique").toLowerCase();
      const communeName = text("site_comm_nom") || communes.get(inseeCode)!.name;
      const fields: SqlValue[] = [
        name, zoneSearchName(name, communeName), text("site_type") || "zone d'activité économique", text("site_etat") || "existant et actif",
        text("site_vocadomi") || null, inseeCode, communeName, text("site_epci_siren") || null,
        text("site_epci_nom") || null, text("site_surf_brute") && Number.isFinite(area) ? area : null,
        fibre === "oui" ? true : fibre === "non" ? false : null, JSON.stringify(outline.geometry),
        outline.bbox.minLon, outline.bbox.minLat, outline.bbox.maxLon, outline.bbox.maxLat, parseFileDate(text("site_actu_date")),
      ];
      const hash = contentHash([...fields.map((value) => (value instanceof Date ? value.toISOString() : value)), context.sourceName]);
      const [current] = await context.store.all<{ contentHash: string | null; lastRunId: string | null; archivedAt: unknown }>(
        `SELECT "contentHash", "lastRunId", "archivedAt" FROM "ActivityZone" WHERE "id" = ?`,
        [id],
      );
      if (current?.lastRunId === context.runId) {
        reject("doublon : ce site_id figure déjà plus haut dans le fichier");
        continue;
      }
      if (current && current.contentHash === hash && current.archivedAt === null) {
        await context.store.run(`UPDATE "ActivityZone" SET "lastRunId" = ? WHERE "id" = ?`, [context.runId, id]);
        context.report.count("unchanged");
        continue;
      }
      await insertRows(
        context.store,
        "ActivityZone",
        ZONE_COLUMNS,
        [[id, ...fields, JSON.stringify(displayOutline(outline.geometry)), context.sourceName, hash, context.runId, null, context.now, context.now]],
        ZONE_UPSERT,
      );
      context.report.count(current ? "updated" : "created");
      changed.push({ id, outline: outline.geometry, bbox: outline.bbox });
    }

    for (const zone of changed) await linkAddresses(context, zone);
    const archived = await runInTerritory(
      context,
      (inList) =>
        `UPDATE "ActivityZone" SET "archivedAt" = ? WHERE "sourceName" = ? AND "archivedAt" IS NULL AND ("lastRunId" IS NULL OR "lastRunId" <> ?)${
          inList === null ? "" : ` AND "inseeCode" IN ${inList}`
        }`,
      [context.now, context.sourceName, context.runId],
    );
    context.report.withdraw(archived);
  },
};

/** The addresses inside the outline belong to the zone; those that left it no longer do. */
async function linkAddresses(
  context: ImportContext,
  zone: { id: string; outline: MultiPolygon; bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number } },
): Promise<void> {
  const { store } = context;
  const candidates = await store.all<{ id: string; lat: number; lon: number }>(
    `SELECT "id", "lat", "lon" FROM "Address" WHERE "lat" BETWEEN ? AND ? AND "lon" BETWEEN ? AND ?`,
    [zone.bbox.minLat, zone.bbox.maxLat, zone.bbox.minLon, zone.bbox.maxLon],
  );
  const inside = candidates.filter((address) => containsPoint(zone.outline, address.lon, address.lat)).map((address) => address.id);
  await store.run(`UPDATE "Address" SET "zoneId" = NULL WHERE "zoneId" = ?`, [zone.id]);
  await runIn(store, (inList) => `UPDATE "Address" SET "zoneId" = ? WHERE "id" IN ${inList}`, inside, [zone.id]);
}

/** Features of a GeoJSON FeatureCollection, streamed, or of a CSV with a GeoJSON geometry column. */
async function* readFeatures(context: ImportContext): AsyncGenerator<ZoneFeature> {
  const iterator = context.source.text[Symbol.asyncIterator]();
  const first = await iterator.next();
  const head = first.done ? "" : first.value;
  async function* replay(): AsyncGenerator<string> {
    if (head) yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  const source = { ...context.source, text: replay() };

  if (head.trimStart().startsWith("{")) {
    let count = 0;
    try {
      for await (const feature of readGeoJsonFeatures(source.text)) {
        count += 1;
        yield { line: feature.index, properties: feature.properties, geometry: feature.geometry, oversized: feature.oversized };
      }
    } catch (error) {
      throw new ImportFileError(`${context.source.fileName} n'est pas un GeoJSON valide (${error instanceof Error ? error.message : "erreur de lecture"}).`);
    }
    if (count === 0) throw new ImportFileError(`${context.source.fileName} n'est pas un fichier ${LABEL} : il n'a pas de "features".`);
    return;
  }

  const delimiter = (head.split(/\r?\n/)[0] ?? "").includes(";") ? ";" : ",";
  let geometryColumn: string | null = null;
  for await (const record of readCsv(source, { label: LABEL, delimiter, required: ["site_id", "site_nom"] })) {
    geometryColumn ??= GEOMETRY_COLUMNS.find((column) => record.has(column)) ?? null;
    if (!geometryColumn) throw new ImportFileError(`${context.source.fileName} n'a pas de colonne de géométrie (${GEOMETRY_COLUMNS.join(", ")}).`);
    const geometryText = record.get(geometryColumn);
    const bytes = Buffer.byteLength(geometryText);
    let geometry: unknown = null;
    if (!outlineSizeProblem({ bytes })) {
      try {
        geometry = JSON.parse(geometryText);
      } catch {
        geometry = null;
      }
    }
    const properties: Record<string, unknown> = {};
    for (const key of ["site_id", "site_nom", "site_type", "site_etat", "site_vocadomi", "site_comm_insee", "site_comm_nom", "site_epci_siren", "site_epci_nom", "site_surf_brute", "site_actu_date", "reseau_fibre_optique"]) {
      properties[key] = record.get(key);
    }
    yield { line: record.line, properties, geometry, ...(outlineSizeProblem({ bytes }) ? { oversized: { bytes } } : {}) };
  }
}
