import "server-only";
/**
 * Change log entries for facts written through Prisma (publications): what a set of facts stated
 * before and after, compared per subject and technology (lib/changes/change-log.ts).
 */
import { changeRow, CHANGE_COLUMNS, isChange } from "@/lib/changes/change-log";
import type { DbTransaction } from "@/lib/db/client";
import type { DeploymentStatus, SourceKind, Technology } from "@/lib/db/enums";

export interface StatedFact {
  addressId: string | null;
  zoneId: string | null;
  technology: Technology;
  status: DeploymentStatus;
}

const BATCH = 1_000;
const keyOf = (fact: StatedFact) => `${fact.addressId ? `a:${fact.addressId}` : `z:${fact.zoneId}`}|${fact.technology}`;

/**
 * Logs what differs between `before` (the facts in force, withdrawn ones left out) and `after`,
 * stated by one source. Zones are placed in their commune's département (one read per zone).
 */
export async function logFactChanges(
  tx: DbTransaction,
  before: readonly StatedFact[],
  after: readonly StatedFact[],
  source: { kind: SourceKind; name: string },
  now: Date,
): Promise<number> {
  const previous = new Map(before.map((fact) => [keyOf(fact), fact]));
  const current = new Map(after.map((fact) => [keyOf(fact), fact]));
  const changes: { fact: StatedFact; status: DeploymentStatus | null; previousStatus: DeploymentStatus | null }[] = [];
  for (const [key, fact] of current) {
    const was = previous.get(key)?.status ?? null;
    if (isChange(was, fact.status)) changes.push({ fact, status: fact.status, previousStatus: was });
  }
  for (const [key, fact] of previous) {
    if (!current.has(key)) changes.push({ fact, status: null, previousStatus: fact.status });
  }
  if (changes.length === 0) return 0;
  const zoneIds = [...new Set(changes.map((change) => change.fact.zoneId).filter((id): id is string => id !== null))];
  const zones = new Map(
    (await tx.activityZone.findMany({ where: { id: { in: zoneIds } }, select: { id: true, inseeCode: true } })).map((zone) => [zone.id, zone.inseeCode]),
  );
  const rows = changes.map(({ fact, status, previousStatus }) => {
    const values = changeRow({
      kind: fact.addressId ? "address" : "zone",
      subjectId: (fact.addressId ?? fact.zoneId)!,
      // A BAN interoperability key starts with its commune's INSEE code.
      inseeCode: fact.addressId ?? zones.get(fact.zoneId!) ?? "",
      technology: fact.technology,
      status,
      previousStatus,
      sourceKind: source.kind,
      sourceName: source.name,
      changedAt: now,
    });
    return Object.fromEntries(CHANGE_COLUMNS.map((column, index) => [column, values[index]])) as Parameters<typeof tx.changeLogEntry.create>[0]["data"];
  });
  for (let start = 0; start < rows.length; start += BATCH) {
    await tx.changeLogEntry.createMany({ data: rows.slice(start, start + BATCH) });
  }
  return rows.length;
}
