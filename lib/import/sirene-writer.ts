/**
 * Writes SIRENE establishments in batches (lib/import/write-pipeline.ts): each batch's addresses
 * are found first — the file's own BAN id when it is a known address, else the address matcher
 * (lib/import/address-matcher.ts: by INSEE + street + number + suffix, else by the Lambert-93
 * position under its strict rule) —, then new rows are created, changed ones updated, the others
 * only marked as read by this run. At the end, the run's départements' establishments the file no
 * longer lists (closed, turned non-diffusible, gone) are deleted: never kept stale.
 */
import { AddressMatcher } from "@/lib/import/address-matcher";
import { contentHash } from "@/lib/import/hash";
import { KeyedBatchWriter, type KeyedLine, type SentKeyedBatch } from "@/lib/import/keyed-batch-writer";
import { insertRows, runIn, selectIn, SentWrites, type SqlValue } from "@/lib/import/store/sql-store";
import type { ImportContext } from "@/lib/import/types";
import { searchNameOf } from "@/lib/import/sirene-fields";
import { normalizeSuffix, streetKey } from "@/lib/text/street";

export interface EstablishmentInput {
  siret: string;
  siren: string;
  tradeName: string | null;
  activityCode: string | null;
  headcountBand: string | null;
  number: number | null;
  suffix: string | null;
  streetType: string | null;
  street: string | null;
  postcode: string | null;
  inseeCode: string;
  communeName: string | null;
  sourceAddressId: string | null;
  lat: number | null;
  lon: number | null;
}

export type MatchMethod = "ban-id" | "address" | "position";

const COLUMNS = [
  "siret", "siren", "tradeName", "legalName", "activityCode", "headcountBand", "number", "suffix", "streetType", "street", "postcode",
  "inseeCode", "communeName", "sourceAddressId", "lat", "lon", "addressId", "matchMethod", "searchName", "contentHash", "lastRunId",
  "createdAt", "updatedAt",
] as const;
const UPSERT = `ON CONFLICT ("siret") DO UPDATE SET ${COLUMNS.filter((c) => c !== "siret" && c !== "createdAt")
  .map((c) => `"${c}" = excluded."${c}"`)
  .join(", ")}`;

export const ESTABLISHMENT_BATCH = 1_000;

type Pending = KeyedLine<EstablishmentInput>;

export class EstablishmentWriter extends KeyedBatchWriter<EstablishmentInput> {
  private readonly matcher: AddressMatcher;

  constructor(context: ImportContext) {
    super(context, ESTABLISHMENT_BATCH, "SIRET");
    this.matcher = new AddressMatcher(context.store);
  }

  /** Each line's address, how it was found, or null (listed in the report as unmatched, by SIRET). */
  private async locate(pending: readonly Pending[]): Promise<Map<string, { addressId: string; method: MatchMethod } | null>> {
    const { store, report } = this.context;
    const stated = [...new Set(pending.map(({ input }) => input.sourceAddressId).filter((id): id is string => !!id))];
    const known = new Set(
      (await selectIn<{ id: string }>(store, (inList) => `SELECT "id" FROM "Address" WHERE "id" IN ${inList}`, stated)).map((row) => row.id),
    );
    const found = new Map<string, { addressId: string; method: MatchMethod } | null>();
    for (const { line, input } of pending) {
      if (input.sourceAddressId && known.has(input.sourceAddressId)) {
        found.set(input.siret, { addressId: input.sourceAddressId, method: "ban-id" });
        continue;
      }
      const match = await this.matcher.match({
        inseeCode: input.inseeCode,
        streetKey: input.street ? streetKey(input.street, input.streetType ?? "") : "",
        number: input.number,
        suffix: normalizeSuffix(input.suffix ?? ""),
        position: input.lat !== null && input.lon !== null ? { lat: input.lat, lon: input.lon } : null,
      });
      if (match.addressId === null) {
        report.unmatch(line, input.siret, match.reason);
        found.set(input.siret, null);
      } else {
        found.set(input.siret, { addressId: match.addressId, method: match.method === "KEY" ? "address" : "position" });
      }
    }
    return found;
  }

  protected async send(pending: Pending[]): Promise<SentKeyedBatch> {
    const { store, report, runId, now } = this.context;
    const located = await this.locate(pending);
    const existing = new Map(
      (
        await selectIn<{ siret: string; contentHash: string; legalName: string | null; lastRunId: string | null }>(
          store,
          (inList) => `SELECT "siret", "contentHash", "legalName", "lastRunId" FROM "Establishment" WHERE "siret" IN ${inList}`,
          pending.map(({ input }) => input.siret),
        )
      ).map((row) => [row.siret, row]),
    );
    const legalNames = new Map(
      (
        await selectIn<{ siren: string; name: string }>(
          store,
          (inList) => `SELECT "siren", "name" FROM "LegalUnit" WHERE "siren" IN ${inList}`,
          [...new Set(pending.map(({ input }) => input.siren))],
        )
      ).map((row) => [row.siren, row.name]),
    );

    const inserts: SqlValue[][] = [];
    const updates: SqlValue[][] = [];
    const seen: string[] = [];
    const outcomes: SentKeyedBatch["outcomes"] = [];
    for (const { line, input } of pending) {
      const current = existing.get(input.siret);
      if (current?.lastRunId === runId) {
        report.reject(line, input.siret, "doublon : ce SIRET figure déjà plus haut dans le fichier");
        continue;
      }
      const place = located.get(input.siret) ?? null;
      const legalName = legalNames.get(input.siren) ?? null;
      // The legal name comes from the other file (sirene-unites) and is compared on its own: either import may come first.
      const hash = contentHash([
        input.siren, input.tradeName, input.activityCode, input.headcountBand, input.number, input.suffix, input.streetType, input.street,
        input.postcode, input.inseeCode, input.communeName, input.sourceAddressId, input.lat, input.lon, place?.addressId ?? null, place?.method ?? null,
      ]);
      if (current && current.contentHash === hash && current.legalName === legalName) {
        seen.push(input.siret);
        outcomes.push("unchanged");
        continue;
      }
      (current ? updates : inserts).push([
        input.siret, input.siren, input.tradeName, legalName, input.activityCode, input.headcountBand, input.number, input.suffix,
        input.streetType, input.street, input.postcode, input.inseeCode, input.communeName, input.sourceAddressId, input.lat, input.lon,
        place?.addressId ?? null, place?.method ?? null, searchNameOf(input.tradeName, legalName), hash, runId, now, now,
      ]);
      outcomes.push(current ? "updated" : "created");
    }
    const writes = new SentWrites();
    writes.add(insertRows(store, "Establishment", COLUMNS, inserts));
    writes.add(insertRows(store, "Establishment", COLUMNS, updates, UPSERT));
    if (seen.length) writes.add(runIn(store, (inList) => `UPDATE "Establishment" SET "lastRunId" = ? WHERE "siret" IN ${inList}`, seen, [runId]));
    return { writes, outcomes };
  }

  /**
   * Deletes the establishments of these départements (and of the import's territory, when it has
   * one) that this run did not read; returns how many.
   */
  async withdrawUnseen(departements: readonly string[]): Promise<number> {
    const { store, runId, territory, report } = this.context;
    if (departements.length === 0) return 0;
    const inDepartements = departements.map(() => `"inseeCode" LIKE ?`).join(" OR ");
    const sql = (inList: string | null) =>
      `DELETE FROM "Establishment" WHERE ("lastRunId" IS NULL OR "lastRunId" <> ?) AND (${inDepartements})${inList ? ` AND "inseeCode" IN ${inList}` : ""}`;
    const params = [runId, ...departements.map((departement) => `${departement}%`)];
    const withdrawn = territory === null ? await store.run(sql(null), params) : await runIn(store, sql, [...territory], params);
    report.withdraw(withdrawn);
    return withdrawn;
  }
}
