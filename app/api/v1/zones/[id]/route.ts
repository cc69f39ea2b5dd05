/**
 * GET /api/v1/zones/{id}[?outline=full] — the JSON twin of /zone/{id}: the zone, its outline (the
 * display copy; every point with outline=full), coverage and schedule.
 */
import { coverageJson } from "@/lib/api/coverage-json";
import { withApi } from "@/lib/api/handler";
import { isoDay } from "@/lib/api/serialize";
import { getCoverage } from "@/lib/data/coverage";
import { loadOperatorDirectory } from "@/lib/data/operator-directory";
import { getOriginalOutline } from "@/lib/data/zone-outlines";
import { getZone, getZoneSchedule } from "@/lib/data/zones";
import { statusLabel } from "@/lib/eligibility-text";
import { AppError } from "@/lib/errors";
import { levelText } from "@/lib/levels/answer";
import { levelOfStatus } from "@/lib/levels/levels";
import { ZZoneQuery } from "@/lib/validation/zones";

export const GET = withApi<typeof ZZoneQuery, { id: string }>({ query: ZZoneQuery }, async ({ params, query }) => {
  const zone = await getZone(params.id);
  if (!zone) throw new AppError("not_found", `Aucune zone d'activités ne porte l'identifiant « ${params.id} ».`);
  const directory = await loadOperatorDirectory();
  const [coverage, schedule, original] = await Promise.all([
    getCoverage({ zoneId: zone.id }, directory),
    getZoneSchedule(zone.id),
    query.outline === "full" ? getOriginalOutline(zone.id) : null,
  ]);
  return Response.json(
    {
      zone: {
        id: zone.id,
        name: zone.name,
        type: zone.type,
        state: zone.state,
        vocation: zone.vocation,
        inseeCode: zone.inseeCode,
        commune: zone.communeName,
        epci: zone.epciSiren ? { siren: zone.epciSiren, name: zone.epciName } : null,
        areaHa: zone.grossAreaHa,
        contact: zone.contact,
        archived: zone.archivedAt !== null,
        updatedAt: zone.updatedAt.toISOString(),
        bbox: [zone.minLon, zone.minLat, zone.maxLon, zone.maxLat],
        outline: original ?? zone.outline,
      },
      coverage: coverageJson(coverage),
      schedule: schedule.map((fact) => ({
        technology: fact.technology,
        level: levelOfStatus(fact.status),
        levelLabel: levelText({
          technology: fact.technology,
          level: levelOfStatus(fact.status),
          basis: "SOURCE",
          planned: fact.plannedDate && fact.plannedPrecision ? { date: fact.plannedDate, precision: fact.plannedPrecision } : null,
          source: { kind: fact.sourceKind, name: fact.sourceName, date: fact.fileDate ?? fact.recordedAt },
        }),
        status: fact.status,
        statusLabel: statusLabel(fact.status),
        ...(fact.availableSince ? { since: isoDay(fact.availableSince) } : {}),
        ...(fact.plannedDate && fact.plannedPrecision ? { planned: { date: isoDay(fact.plannedDate), precision: fact.plannedPrecision } } : {}),
        operators: fact.operators.map((operator) => ({ code: operator.operatorCode, name: directory.nameOf(operator.operatorCode), role: operator.role })),
        source: { kind: fact.sourceKind, name: fact.sourceName, date: isoDay(fact.fileDate ?? fact.recordedAt) },
        ...(fact.publication?.message ? { message: fact.publication.message } : {}),
      })),
    },
    { headers: { "Cache-Control": "public, max-age=300" } },
  );
});
