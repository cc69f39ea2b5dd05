/**
 * Activity zones: CNIG "sites économiques" (site_eco) or IGN BD TOPO `zone_d_activite_ou_d_interet`
 * (lib/import/zone-fields.ts tells them apart), as a GeoJSON FeatureCollection or a CSV whose
 * outline column holds GeoJSON (lib/import/zone-features.ts). Outlines are reprojected from the
 * system the file states or their range tells; an unclosed ring is closed and noted. An outline past
 * the limits (lib/geo/outline-limits.ts) rejects its line, measured without being built; the others
 * are stored with their display copy (lib/geo/outline-display.ts). The addresses inside each new or
 * changed outline are linked to its zone; zones a newer file of the same source no longer lists are
 * archived.
 */
import { containsPoint, OutlineError, OutlineTooLargeError, toOutline, type MultiPolygon } from "@/lib/geo/outline";
import { displayOutline } from "@/lib/geo/outline-display";
import { outlineSizeProblem } from "@/lib/geo/outline-limits";
import { contentHash } from "@/lib/import/hash";
import { loadCommunes } from "@/lib/import/line-checks";
import { insertRows, runIn, type SqlValue } from "@/lib/import/store/sql-store";
import { outsideTerritory, runInTerritory } from "@/lib/import/territory";
import type { ImportContext, Importer } from "@/lib/import/types";
import { readZoneFeatures } from "@/lib/import/zone-features";
import { readZoneFields, unnamedZoneName, vocabularyOf, type ZoneVocabulary } from "@/lib/import/zone-fields";
import { zoneSearchName } from "@/lib/search/address-key";

const LABEL = "de zones d'activités (CNIG site_eco ou IGN BD TOPO)";

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
    // A zone file that names no EPCI: the zone is in its commune's (so /api/v1/zones?epci= finds it).
    const communeEpcis = new Map(
      (
        await context.store.all<{ inseeCode: string; siren: string; name: string }>(
          `SELECT c."inseeCode", e."siren", e."name" FROM "Commune" c JOIN "Epci" e ON e."siren" = c."epciSiren"`,
        )
      ).map((row) => [row.inseeCode, row]),
    );
    const changed: { id: string; outline: MultiPolygon; bbox: { minLon: number; minLat: number; maxLon: number; maxLat: number } }[] = [];
    let vocabulary: ZoneVocabulary | null = null;

    for await (const feature of readZoneFeatures(context, LABEL)) {
      context.tick();
      vocabulary ??= vocabularyOf(feature.properties);
      const reading = readZoneFields(feature.properties, vocabulary);
      if ("skipped" in reading) {
        context.report.skip();
        continue;
      }
      if ("reason" in reading) {
        context.report.reject(feature.line, reading.id, reading.reason);
        continue;
      }
      const { zone, notes } = reading;
      const reject = (reason: string) => context.report.reject(feature.line, zone.id, reason);
      const inseeCode = zone.inseeCodes.split(/[,;|/ ]/)[0] ?? "";
      if (!communes.has(inseeCode)) {
        reject(`${vocabulary === "bdtopo" ? "INSEE_COM" : "site_comm_insee"} inconnu : "${zone.inseeCodes}"`);
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
      if (feature.geometryProblem) {
        reject(feature.geometryProblem);
        continue;
      }
      let outline;
      try {
        outline = toOutline(feature.geometry, { projection: feature.projection, closeRings: true });
      } catch (error) {
        if (!(error instanceof OutlineError)) throw error;
        reject(error instanceof OutlineTooLargeError ? error.message : `contour invalide : ${error.message}`);
        continue;
      }
      if (outline.closedRings > 0) {
        notes.push(outline.closedRings > 1 ? `${outline.closedRings} anneaux du contour n'étaient pas fermés : fermés à l'import` : "anneau du contour non fermé : fermé à l'import");
      }
      const communeName = zone.communeName || communes.get(inseeCode)!.name;
      const communeEpci = communeEpcis.get(inseeCode);
      const epciSiren = zone.epciSiren ?? communeEpci?.siren ?? null;
      const epciName = zone.epciName ?? (communeEpci && epciSiren === communeEpci.siren ? communeEpci.name : null);
      const name = zone.name ?? unnamedZoneName(communeName);
      const fields: SqlValue[] = [
        name, zoneSearchName(name, communeName), zone.type, zone.state, zone.vocation, inseeCode, communeName, epciSiren,
        epciName, zone.grossAreaHa, zone.hasFibreNetwork, JSON.stringify(outline.geometry),
        outline.bbox.minLon, outline.bbox.minLat, outline.bbox.maxLon, outline.bbox.maxLat, zone.sourceUpdatedOn,
      ];
      const id = zone.id;
      const hash = contentHash([...fields.map((value) => (value instanceof Date ? value.toISOString() : value)), context.sourceName]);
      const [current] = await context.store.all<{ contentHash: string | null; lastRunId: string | null; archivedAt: unknown }>(
        `SELECT "contentHash", "lastRunId", "archivedAt" FROM "ActivityZone" WHERE "id" = ?`,
        [id],
      );
      if (current?.lastRunId === context.runId) {
        reject(`doublon : ${vocabulary === "bdtopo" ? "cet ID" : "ce site_id"} figure déjà plus haut dans le fichier`);
        continue;
      }
      for (const note of notes) context.report.note(feature.line, id, note);
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
