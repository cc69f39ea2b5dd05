/**
 * Writes addresses read from BAN or BAL files in batches, each written while the next lines are
 * read (lib/import/write-pipeline.ts): creates the new ones, updates those whose fields changed,
 * leaves the others alone, and refuses a line whose id already came earlier in the same file.
 * Duplicate detection uses the run marker in the database, not memory.
 */
import type { SourceKind } from "@/lib/db/enums";
import { contentHash } from "@/lib/import/hash";
import { locateZones } from "@/lib/import/zone-locator";
import { insertRows, runIn, selectIn, SentWrites, type SqlValue } from "@/lib/import/store/sql-store";
import type { ImportContext } from "@/lib/import/types";
import { WritePipeline } from "@/lib/import/write-pipeline";
import { addressSearchKey } from "@/lib/search/address-key";
import { beginBulkAddressIndex, type BulkAddressIndex } from "@/lib/search/sqlite-address-index";
import { streetKey } from "@/lib/text/street";

export interface AddressInput {
  id: string;
  number: number | null;
  suffix: string | null;
  street: string;
  locality: string | null;
  postcode: string | null;
  inseeCode: string;
  communeName: string;
  lat: number;
  lon: number;
}

const COLUMNS = [
  "id", "number", "suffix", "street", "locality", "postcode", "inseeCode", "communeName", "lat", "lon",
  "streetKey", "searchKey", "source", "contentHash", "lastRunId", "zoneId", "createdAt", "updatedAt",
] as const;

/** For rows that exist only: new ones are plain inserts (a COPY straight into the table on PostgreSQL). */
const UPSERT = `ON CONFLICT ("id") DO UPDATE SET ${COLUMNS.filter((column) => column !== "id" && column !== "createdAt")
  .map((column) => `"${column}" = excluded."${column}"`)
  .join(", ")}`;

export const ADDRESS_BATCH = 2_000;

interface Pending {
  line: number;
  input: AddressInput;
  searchKey: string;
  hash: string;
}

export class AddressWriter {
  private batch = new Map<string, Pending>();
  /** Communes whose addresses were created or moved: their centre is recomputed at the end. */
  private readonly touchedCommunes = new Set<string>();
  /** The words of the search keys written (a vocabulary: thousands, not millions). */
  private readonly searchWords = new Set<string>();
  /** SQLite: the search index is written once at the end (lib/search/sqlite-address-index.ts). */
  private bulkIndex: Promise<BulkAddressIndex | null> | null = null;
  private readonly pipeline = new WritePipeline<SentWrites>();

  constructor(
    private readonly context: ImportContext,
    private readonly source: SourceKind,
  ) {}

  async add(line: number, input: AddressInput): Promise<void> {
    const earlier = this.batch.get(input.id);
    if (earlier) {
      this.context.report.reject(line, input.id, `doublon : même identifiant qu'à la ligne ${earlier.line}`);
      return;
    }
    // The search key is hashed too: a new way of writing it updates every address on the next import.
    const searchKey = addressSearchKey(input);
    const hash = contentHash([
      input.number, input.suffix, input.street, input.locality, input.postcode, input.inseeCode, input.communeName, input.lat, input.lon, searchKey,
    ]);
    this.batch.set(input.id, { line, input, searchKey, hash });
    if (this.batch.size >= ADDRESS_BATCH) await this.startWriting();
  }

  /** Waits for the batches under way, ignoring their failures: the caller is already failing. */
  async settle(): Promise<void> {
    await this.pipeline.settle();
  }

  /** Sends the current batch; the next lines are read while it is written. */
  private async startWriting(): Promise<void> {
    if (this.batch.size === 0) return;
    const pending = [...this.batch.values()];
    this.batch = new Map();
    await this.pipeline.start(
      () => this.send(pending),
      (writes) => writes.done(),
    );
  }

  /** Reads which addresses exist, counts the lines, and sends what changes. */
  private async send(pending: Pending[]): Promise<SentWrites> {
    const { store, report, runId } = this.context;
    this.bulkIndex ??= beginBulkAddressIndex(store);
    await this.bulkIndex;

    const existing = new Map(
      (
        await selectIn<{ id: string; contentHash: string; lastRunId: string | null }>(
          store,
          (inList) => `SELECT "id", "contentHash", "lastRunId" FROM "Address" WHERE "id" IN ${inList}`,
          pending.map((entry) => entry.input.id),
        )
      ).map((row) => [row.id, row]),
    );

    const toWrite: Pending[] = [];
    const existed = new Set<string>();
    const unchanged: string[] = [];
    for (const entry of pending) {
      const current = existing.get(entry.input.id);
      if (current?.lastRunId === runId) {
        report.reject(entry.line, entry.input.id, "doublon : cet identifiant figure déjà plus haut dans le fichier");
      } else if (current?.contentHash === entry.hash) {
        unchanged.push(entry.input.id);
      } else {
        report.count(current ? "updated" : "created");
        if (current) existed.add(entry.input.id);
        toWrite.push(entry);
      }
    }
    // New and moved addresses find their activity zone (zones may have been imported first).
    const zones = await locateZones(store, toWrite.map((entry) => entry.input));
    const inserts: SqlValue[][] = [];
    const updates: SqlValue[][] = [];
    for (const entry of toWrite) {
      (existed.has(entry.input.id) ? updates : inserts).push(this.toRow(entry, zones.get(entry.input.id) ?? null));
    }
    for (const entry of toWrite) {
      this.touchedCommunes.add(entry.input.inseeCode);
      for (const word of entry.searchKey.split(" ")) this.searchWords.add(word);
    }
    const writes = new SentWrites();
    writes.add(insertRows(store, "Address", COLUMNS, inserts));
    writes.add(insertRows(store, "Address", COLUMNS, updates, UPSERT));
    if (unchanged.length) {
      writes.add(runIn(store, (inList) => `UPDATE "Address" SET "lastRunId" = ? WHERE "id" IN ${inList}`, unchanged, [runId]));
      report.count("unchanged", unchanged.length);
    }
    return writes;
  }

  /** Writes what is pending, then recomputes the centre of the communes whose addresses changed. */
  async finish(): Promise<void> {
    await this.startWriting();
    await this.pipeline.drain();
    await (await this.bulkIndex)?.end();
    await runIn(
      this.context.store,
      (inList) => `UPDATE "Commune" SET
         "lat" = (SELECT avg(a."lat") FROM "Address" a WHERE a."inseeCode" = "Commune"."inseeCode"),
         "lon" = (SELECT avg(a."lon") FROM "Address" a WHERE a."inseeCode" = "Commune"."inseeCode")
       WHERE "inseeCode" IN ${inList}`,
      [...this.touchedCommunes],
    );
    // The words of the search index, for the typo-tolerant search (lib/search/typos.ts).
    await insertRows(
      this.context.store,
      "AddressSearchWords",
      ["word"],
      [...this.searchWords].map((word) => [word]),
      `ON CONFLICT ("word") DO NOTHING`,
    );
  }

  private toRow({ input, searchKey, hash }: Pending, zoneId: string | null): SqlValue[] {
    const { runId, now } = this.context;
    return [
      input.id, input.number, input.suffix, input.street, input.locality, input.postcode, input.inseeCode, input.communeName, input.lat, input.lon,
      streetKey(input.street), searchKey, this.source, hash, runId, zoneId, now, now,
    ];
  }
}
