import "server-only";
/** What has been loaded, source by source: the latest file and when it was imported (the data's freshness). */
import { db } from "@/lib/db/client";
import type { SourceKind } from "@/lib/db/enums";
import { rawSelect, readDate } from "@/lib/db/raw";
import type { Actor } from "@/lib/auth/permissions";

export async function getSourceFreshness() {
  const groups = await db.importRun.groupBy({
    by: ["format", "sourceName"],
    where: { status: "SUCCEEDED", isDryRun: false },
    _max: { fileDate: true, finishedAt: true },
    orderBy: { _max: { finishedAt: "desc" } },
  });
  return groups.map((group) => ({
    format: group.format,
    sourceName: group.sourceName,
    fileDate: group._max.fileDate,
    importedAt: group._max.finishedAt,
  }));
}

/** The imported sources that state availability facts (publications have their own dates). */
const FACT_SOURCE_KINDS = ["IPE", "ARCEP_IMMEUBLES", "ARCEP_MCI"] as const satisfies readonly SourceKind[];

export interface SourceAge {
  kind: SourceKind;
  name: string;
  /** The date of its latest file (else when that file was loaded). */
  date: Date;
  /** `date` is the file's own date, not the day it was loaded. */
  isFileDate: boolean;
}

const key = (kind: string, name: string) => `${kind}|${name}`;

/** Sources of the current facts about the organisation's communes, with the latest date of their facts. */
async function territorySources(organisationId: string): Promise<{ kind: SourceKind; name: string; date: Date | null }[]> {
  const rows = await rawSelect<{ kind: SourceKind; name: string; date: Date | string | null }>(
    `SELECT CAST(f."sourceKind" AS TEXT) AS "kind", f."sourceName" AS "name", MAX(COALESCE(f."fileDate", f."recordedAt")) AS "date"
       FROM "Availability" f JOIN "Address" a ON a."id" = f."addressId"
      WHERE f."withdrawnAt" IS NULL AND CAST(f."sourceKind" AS TEXT) <> 'PUBLICATION'
        AND a."inseeCode" IN (SELECT t."inseeCode" FROM "OrganisationCommune" t WHERE t."organisationId" = ?)
      GROUP BY f."sourceKind", f."sourceName"`,
    [organisationId],
  );
  return rows.map((row) => ({ kind: row.kind, name: row.name, date: readDate(row.date) }));
}

/**
 * The age of each imported source the actor's facts come from: for an organisation, the sources of
 * the current facts about its communes; for platform admins, every source of facts. A source's
 * age is its latest successful import's file date (else that import's day): a newer file that
 * restates the same facts leaves them untouched but does make the source fresh. Oldest first.
 */
export async function listSourceAges(actor: Actor): Promise<SourceAge[]> {
  const isPlatform = actor.role === "ADMIN";
  if (!isPlatform && !actor.organisationId) return [];
  const sources = isPlatform ? null : await territorySources(actor.organisationId!);
  if (sources?.length === 0) return [];
  const runs = await db.importRun.groupBy({
    by: ["sourceKind", "sourceName"],
    where: {
      status: "SUCCEEDED",
      isDryRun: false,
      sourceKind: { in: [...FACT_SOURCE_KINDS] },
      ...(sources ? { sourceName: { in: [...new Set(sources.map((source) => source.name))] } } : {}),
    },
    _max: { fileDate: true, startedAt: true },
  });
  const latestRun = new Map(runs.map((run) => [key(run.sourceKind, run.sourceName), run._max]));
  const ages: SourceAge[] = [];
  for (const source of sources ?? runs.map((run) => ({ kind: run.sourceKind, name: run.sourceName, date: null }))) {
    const run = latestRun.get(key(source.kind, source.name));
    const date = run?.fileDate ?? run?.startedAt ?? source.date;
    if (date) ages.push({ kind: source.kind, name: source.name, date, isFileDate: !!run?.fileDate });
  }
  return ages.sort((a, b) => a.date.getTime() - b.date.getTime() || a.name.localeCompare(b.name, "fr"));
}
