/**
 * Writes buildings and their availability facts (one per building × technology × source) in
 * batches, each written while the next lines are read (lib/import/write-pipeline.ts). New rows are created, changed ones updated, the others only marked as seen by this
 * run; a building listed twice in a file is refused the second time. At the end, what this source
 * stated before and no longer states is marked withdrawn, never left stale.
 */
import { changeRow, CHANGE_COLUMNS, isChange, withdrawalLogSql } from "@/lib/changes/change-log";
import { orderedId } from "@/lib/import/ids";
import type { DatePrecision, DeploymentStatus, OperatorRole, SourceKind, Technology } from "@/lib/db/enums";
import { contentHash } from "@/lib/import/hash";
import { knownOperatorName } from "@/lib/import/operators";
import { insertRows, runIn, selectIn, SentWrites, type SqlValue } from "@/lib/import/store/sql-store";
import { addressInCommunes, runInTerritory } from "@/lib/import/territory";
import type { ImportContext } from "@/lib/import/types";
import { WritePipeline } from "@/lib/import/write-pipeline";

export interface FactInput {
  technology: Technology;
  status: DeploymentStatus;
  availableSince: Date | null;
  plannedDate: Date | null;
  plannedPrecision: DatePrecision | null;
  operators: { code: string; role: OperatorRole }[];
}

export interface BuildingInput {
  externalId: string;
  addressId: string | null;
  addressMatch: "KEY" | "NEAREST" | "FILE" | null;
  lat: number | null;
  lon: number | null;
  dwellings: number | null;
  type: string | null;
  operatorCode: string | null;
  pmReference: string | null;
  /** For a line matched to no address: its INSEE code and its address as written, so pages can list it. */
  unmatched?: { inseeCode: string; statedAddress: string };
  facts: FactInput[];
}

const BUILDING_COLUMNS = [
  "id", "externalId", "addressId", "lat", "lon", "dwellings", "type", "source", "sourceName", "addressMatch",
  "operatorCode", "pmReference", "inseeCode", "statedAddress", "contentHash", "lastRunId", "withdrawnAt", "createdAt", "updatedAt",
] as const;
/** Upserts only for rows that exist: SQLite (with foreign keys on) runs a plain INSERT in about 2/3 of the time. */
const BUILDING_UPSERT = `ON CONFLICT ("id") DO UPDATE SET ${BUILDING_COLUMNS.filter((c) => c !== "id" && c !== "createdAt")
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(", ")}`;

const FACT_COLUMNS = [
  "id", "addressId", "buildingId", "technology", "status", "availableSince", "plannedDate", "plannedPrecision",
  "sourceKind", "sourceName", "fileDate", "recordedAt", "importRunId", "contentHash", "withdrawnAt",
] as const;
/** A fact's key: its building, technology and source (the unique index of "Availability"). */
const FACT_KEY = ["buildingId", "technology", "sourceKind", "sourceName"] as const;
const FACT_UPSERT = `ON CONFLICT (${FACT_KEY.map((c) => `"${c}"`).join(", ")}) DO UPDATE SET ${FACT_COLUMNS.filter(
  (c) => c !== "id" && !(FACT_KEY as readonly string[]).includes(c),
)
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(", ")}`;

/** A fact of this source on a building, as a map key: the unique index's columns the source leaves free. */
const factKeyOf = (fact: { buildingId: string; technology: Technology }) => `${fact.buildingId}|${fact.technology}`;

export const BUILDING_BATCH = 1_000;

/** Which source's description of a building wins: the operator's own file over Arcep's summaries. */
const SOURCE_RANK: Readonly<Record<SourceKind, number>> = {
  IPE: 3,
  ARCEP_IMMEUBLES: 2,
  ARCEP_MCI: 1,
  ARCEP_OPERATEURS: 0,
  BAN: 0,
  BAL: 0,
  ZONES: 0,
  PUBLICATION: 0,
  SIRENE: 0,
};

interface Accepted {
  line: number;
  input: BuildingInput;
  buildingId: string;
  isNew: boolean;
  isChanged: boolean;
}

interface SentBatch {
  writes: SentWrites;
  accepted: Accepted[];
  changedFacts: Set<string>;
}

interface Pending {
  line: number;
  input: BuildingInput;
}

export class BuildingWriter {
  private batch = new Map<string, Pending>();
  private readonly pipeline = new WritePipeline<SentBatch>();
  private readonly knownOperators = new Set<string>();

  constructor(
    private readonly context: ImportContext,
    private readonly sourceKind: SourceKind,
  ) {}

  async add(line: number, input: BuildingInput): Promise<void> {
    const earlier = this.batch.get(input.externalId);
    if (earlier) {
      this.context.report.reject(line, input.externalId, `doublon : même immeuble qu'à la ligne ${earlier.line}`);
      return;
    }
    this.batch.set(input.externalId, { line, input });
    if (this.batch.size >= BUILDING_BATCH) await this.startWriting();
  }

  /** Writes what is pending, and waits until everything is written. */
  async flush(): Promise<void> {
    await this.startWriting();
    await this.pipeline.drain();
  }

  /** Waits for the batches under way, ignoring their failures: the caller is already failing. */
  async settle(): Promise<void> {
    await this.pipeline.settle();
  }

  /** Sends the current batch; the next lines are read and matched while it is written. */
  private async startWriting(): Promise<void> {
    if (this.batch.size === 0) return;
    const pending = [...this.batch.values()];
    this.batch = new Map();
    await this.pipeline.start(
      () => this.send(pending),
      (sent) => this.confirm(sent),
    );
  }

  /** Counts the lines of a batch once its writes are confirmed. */
  private async confirm({ writes, accepted, changedFacts }: SentBatch): Promise<void> {
    await writes.done();
    for (const entry of accepted) {
      this.context.report.count(entry.isNew ? "created" : entry.isChanged || changedFacts.has(entry.buildingId) ? "updated" : "unchanged");
    }
  }

  /** Reads what the batch's buildings and facts are now, and sends what changes. */
  private async send(pending: Pending[]): Promise<SentBatch> {
    const { store, report, runId, now, sourceName } = this.context;
    await this.ensureOperators(pending);

    const existing = new Map(
      (
        await selectIn<{ id: string; externalId: string; contentHash: string; lastRunId: string | null; source: SourceKind }>(
          store,
          (inList) => `SELECT "id", "externalId", "contentHash", "lastRunId", "source" FROM "Building" WHERE "externalId" IN ${inList}`,
          pending.map((entry) => entry.input.externalId),
        )
      ).map((row) => [row.externalId, row]),
    );

    const buildingInserts: SqlValue[][] = [];
    const buildingUpdates: SqlValue[][] = [];
    const seenBuildings: string[] = [];
    const accepted: Accepted[] = [];
    for (const { line, input } of pending) {
      const current = existing.get(input.externalId);
      if (current?.lastRunId === runId) {
        report.reject(line, input.externalId, "doublon : cet immeuble figure déjà plus haut dans le fichier");
        continue;
      }
      const buildingId = current?.id ?? orderedId();
      // The unmatched line's place joins the hash only when there is one: matched buildings keep their hashes.
      const hash = contentHash([
        input.addressId, input.addressMatch, input.lat, input.lon, input.dwellings, input.type, input.operatorCode, input.pmReference,
        ...(input.unmatched ? [input.unmatched.inseeCode, input.unmatched.statedAddress] : []),
      ]);
      // A richer source describes the building: this one only adds its facts.
      const isOwnedByRicherSource = current !== undefined && SOURCE_RANK[current.source] > SOURCE_RANK[this.sourceKind];
      const isChanged = !current || (!isOwnedByRicherSource && current.contentHash !== hash);
      if (isChanged) {
        (current ? buildingUpdates : buildingInserts).push([
          buildingId, input.externalId, input.addressId, input.lat, input.lon, input.dwellings, input.type, this.sourceKind, sourceName,
          input.addressMatch, input.operatorCode, input.pmReference, input.unmatched?.inseeCode ?? null, input.unmatched?.statedAddress ?? null,
          hash, runId, null, now, now,
        ]);
      } else {
        seenBuildings.push(buildingId);
      }
      accepted.push({ line, input, buildingId, isNew: !current, isChanged });
    }
    // Sent without waiting for each: the lines after these are read meanwhile.
    const writes = new SentWrites();
    writes.add(insertRows(store, "Building", BUILDING_COLUMNS, buildingInserts));
    writes.add(insertRows(store, "Building", BUILDING_COLUMNS, buildingUpdates, BUILDING_UPSERT));
    if (seenBuildings.length) {
      writes.add(runIn(store, (inList) => `UPDATE "Building" SET "lastRunId" = ?, "withdrawnAt" = NULL WHERE "id" IN ${inList}`, seenBuildings, [runId]));
    }
    const changedFacts = await this.writeFacts(accepted, writes);
    return { writes, accepted, changedFacts };
  }

  /** Writes the facts of the accepted lines; returns the buildings whose facts changed. */
  private async writeFacts(accepted: readonly Accepted[], writes: SentWrites): Promise<Set<string>> {
    const { store, runId, now, sourceName, fileDate } = this.context;
    const facts = accepted.flatMap(({ input, buildingId, isNew }) =>
      input.facts.map((fact) => ({
        fact,
        buildingId,
        isNewBuilding: isNew,
        addressId: input.addressId,
        key: factKeyOf({ buildingId, technology: fact.technology }),
        hash: contentHash([
          input.addressId, fact.status, fact.availableSince?.toISOString() ?? null, fact.plannedDate?.toISOString() ?? null, fact.plannedPrecision,
          fact.operators.map((operator) => `${operator.code}:${operator.role}`).sort(),
        ]),
      })),
    );
    if (facts.length === 0) return new Set();
    // Every fact this source holds on these buildings: those the lines no longer state change the building.
    // The source is compared here, not in SQL: the unique index's leading "buildingId" serves the IN list
    // either way, and a building holds few facts of other sources.
    const held = (
      await selectIn<{ id: string; buildingId: string; technology: Technology; contentHash: string | null; withdrawnAt: unknown; sourceKind: string; sourceName: string; status: DeploymentStatus }>(
        store,
        (inList) =>
          `SELECT "id", "buildingId", "technology", "contentHash", "withdrawnAt", "sourceKind", "sourceName", "status" FROM "Availability" WHERE "buildingId" IN ${inList}`,
        [...new Set(facts.filter((entry) => !entry.isNewBuilding).map((entry) => entry.buildingId))],
      )
    ).filter((row) => row.sourceKind === this.sourceKind && row.sourceName === sourceName);
    const existing = new Map(held.map((row) => [factKeyOf(row), row]));
    const stated = new Set(facts.map((entry) => entry.key));
    const changedBuildings = new Set(
      held.filter((row) => row.withdrawnAt === null && !stated.has(factKeyOf(row))).map((row) => row.buildingId),
    );

    const inserts: SqlValue[][] = [];
    const updates: SqlValue[][] = [];
    /**
     * The operators of the facts written, each (fact, operator, role) once: the facts are new or had
     * theirs deleted just before, so a plain insert (a COPY on PostgreSQL) cannot conflict.
     */
    const operatorRows = new Map<string, SqlValue[]>();
    const replacedOperators: string[] = [];
    const seen: string[] = [];
    const changes: SqlValue[][] = [];
    for (const { fact, buildingId, addressId, key, hash } of facts) {
      const current = existing.get(key);
      if (current && current.contentHash === hash && current.withdrawnAt === null) {
        seen.push(current.id);
        continue;
      }
      const id = current?.id ?? orderedId();
      changedBuildings.add(buildingId);
      (current ? updates : inserts).push([
        id, addressId, buildingId, fact.technology, fact.status, fact.availableSince, fact.plannedDate, fact.plannedPrecision,
        this.sourceKind, sourceName, fileDate, now, runId, hash, null,
      ]);
      if (current) replacedOperators.push(id);
      const previousStatus = current && current.withdrawnAt === null ? current.status : null;
      if (addressId && isChange(previousStatus, fact.status)) {
        changes.push(changeRow({
          kind: "address", subjectId: addressId, inseeCode: addressId, technology: fact.technology, status: fact.status, previousStatus,
          sourceKind: this.sourceKind, sourceName, changedAt: now,
        }));
      }
      for (const operator of fact.operators) operatorRows.set(`${id}|${operator.code}|${operator.role}`, [id, operator.code, operator.role]);
    }
    writes.add(insertRows(store, "Availability", FACT_COLUMNS, inserts));
    writes.add(insertRows(store, "Availability", FACT_COLUMNS, updates, FACT_UPSERT));
    writes.add(insertRows(store, "ChangeLogEntry", CHANGE_COLUMNS, changes));
    if (replacedOperators.length) {
      writes.add(runIn(store, (inList) => `DELETE FROM "AvailabilityOperator" WHERE "availabilityId" IN ${inList}`, replacedOperators));
    }
    writes.add(insertRows(store, "AvailabilityOperator", ["availabilityId", "operatorCode", "role"], [...operatorRows.values()]));
    if (seen.length) {
      // Same facts, newer file: the provenance moves to this file.
      writes.add(
        runIn(
          store,
          (inList) => `UPDATE "Availability" SET "importRunId" = ?, "fileDate" = ? WHERE "id" IN ${inList}`,
          seen,
          [runId, fileDate],
        ),
      );
    }
    return changedBuildings;
  }

  private async ensureOperators(pending: Pending[]): Promise<void> {
    const codes = new Set<string>();
    for (const { input } of pending) {
      for (const fact of input.facts) for (const operator of fact.operators) codes.add(operator.code);
      if (input.operatorCode) codes.add(input.operatorCode);
    }
    const missing = [...codes].filter((code) => !this.knownOperators.has(code));
    if (missing.length === 0) return;
    await insertRows(
      this.context.store,
      "Operator",
      ["code", "name", "role"],
      missing.map((code) => [code, knownOperatorName(code) ?? code, "INFRASTRUCTURE"]),
      `ON CONFLICT ("code") DO NOTHING`,
    );
    for (const code of missing) this.knownOperators.add(code);
  }

  /** What this source stated before and not in this file: withdrawn. Returns the buildings withdrawn. */
  async withdrawUnseen(): Promise<number> {
    const { runId, now, sourceName, report } = this.context;
    const inTerritory = (inList: string | null) => (inList === null ? "" : ` AND ${addressInCommunes(inList)}`);
    const unseen = (inList: string | null) =>
      `"sourceKind" = ? AND "sourceName" = ? AND "withdrawnAt" IS NULL AND ("importRunId" IS NULL OR "importRunId" <> ?)${inTerritory(inList)}`;
    await runInTerritory(this.context, (inList) => withdrawalLogSql(this.context.store.provider, unseen(inList)), [runId, now, this.sourceKind, sourceName, runId]);
    await runInTerritory(
      this.context,
      (inList) => `UPDATE "Availability" SET "withdrawnAt" = ? WHERE "sourceKind" = ? AND "sourceName" = ? AND "withdrawnAt" IS NULL
         AND ("importRunId" IS NULL OR "importRunId" <> ?)${inTerritory(inList)}`,
      [now, this.sourceKind, sourceName, runId],
    );
    const buildings = await runInTerritory(
      this.context,
      (inList) => `UPDATE "Building" SET "withdrawnAt" = ? WHERE "source" = ? AND "sourceName" = ? AND "withdrawnAt" IS NULL
         AND ("lastRunId" IS NULL OR "lastRunId" <> ?)${inTerritory(inList)}`,
      [now, this.sourceKind, sourceName, runId],
    );
    report.withdraw(buildings);
    return buildings;
  }
}
