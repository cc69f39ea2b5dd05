/**
 * SIRENE — INSEE's StockUniteLegale (CSV, `,`, UTF-8; .zip or .gz): one line per legal unit
 * (SIREN), read for one thing, the legal name of establishments (Establishment.legalName). The
 * file is the whole national stock: a unit it no longer lists is removed, and its establishments
 * lose its name. Either SIRENE file may be imported first.
 *
 * Kept: active units (A) whose statutDiffusionUniteLegale is O with no `[ND]` in their name fields.
 * A company's name is denominationUniteLegale. A person's (sole trader's) name is stored only when
 * the person left it public (statut O): usual first name, else the first, and usage name, else the
 * birth name — no other first names, no pseudonym, no sex. A unit with neither a denomination nor
 * both parts of a person's name gets no name: it is not stored. Withheld units are only counted.
 */
import { readCsv } from "@/lib/import/csv";
import { contentHash } from "@/lib/import/hash";
import { KeyedBatchWriter, type KeyedLine, type SentKeyedBatch } from "@/lib/import/keyed-batch-writer";
import { fieldTooLong } from "@/lib/import/line-checks";
import { isDiffusible, searchNameOf } from "@/lib/import/sirene-fields";
import { insertRows, runIn, selectIn, SentWrites, type SqlValue } from "@/lib/import/store/sql-store";
import type { ImportContext, Importer } from "@/lib/import/types";
import { settlingOnFailure } from "@/lib/import/write-pipeline";

const LABEL = "SIRENE (StockUniteLegale)";
const REQUIRED = ["siren", "statutDiffusionUniteLegale", "etatAdministratifUniteLegale", "denominationUniteLegale", "nomUniteLegale", "prenom1UniteLegale"] as const;
const NAME_FIELDS = ["denominationUniteLegale", "nomUniteLegale", "nomUsageUniteLegale", "prenom1UniteLegale", "prenomUsuelUniteLegale"] as const;
const SIREN = /^\d{9}$/;
const BATCH = 1_000;

export const sireneUnitsImporter: Importer = {
  format: "sirene-unites",
  label: LABEL,
  sourceKind: "SIRENE",
  reportsUnmatched: false,
  defaultSourceName: () => "SIRENE unités légales (Insee)",

  async run(context) {
    const { report } = context;
    const writer = new LegalUnitWriter(context);
    await settlingOnFailure(writer, async () => {
      for await (const record of readCsv(context.source, { label: LABEL, delimiter: ",", required: REQUIRED })) {
        context.tick();
        if (record.get("etatAdministratifUniteLegale") !== "A") {
          report.skip();
          continue;
        }
        if (!isDiffusible(record.get("statutDiffusionUniteLegale"), NAME_FIELDS.map((field) => record.get(field)))) {
          report.withhold();
          continue;
        }
        const siren = record.get("siren");
        const tooLong = fieldTooLong(record);
        if (tooLong || !SIREN.test(siren)) {
          report.reject(record.line, siren, tooLong ?? `siren invalide : "${siren}"`);
          continue;
        }
        const first = record.get("prenomUsuelUniteLegale") || record.get("prenom1UniteLegale");
        const last = record.get("nomUsageUniteLegale") || record.get("nomUniteLegale");
        const name = record.get("denominationUniteLegale") || (first && last ? `${first} ${last}` : "");
        if (!name) {
          report.reject(record.line, siren, "ni denominationUniteLegale, ni nom et prénom");
          continue;
        }
        await writer.add(record.line, siren, name);
      }
      await writer.flush();
    });
    await writer.withdrawUnseen();
  },
};

class LegalUnitWriter extends KeyedBatchWriter<string> {
  constructor(context: ImportContext) {
    super(context, BATCH, "SIREN");
  }

  protected async send(pending: KeyedLine<string>[]): Promise<SentKeyedBatch> {
    const { store, report, runId, now } = this.context;
    const existing = new Map(
      (
        await selectIn<{ siren: string; contentHash: string; lastRunId: string | null }>(
          store,
          (inList) => `SELECT "siren", "contentHash", "lastRunId" FROM "LegalUnit" WHERE "siren" IN ${inList}`,
          pending.map(({ key }) => key),
        )
      ).map((row) => [row.siren, row]),
    );
    const rows: SqlValue[][] = [];
    const seen: string[] = [];
    const outcomes: SentKeyedBatch["outcomes"] = [];
    for (const { line, key: siren, input: name } of pending) {
      const current = existing.get(siren);
      if (current?.lastRunId === runId) {
        report.reject(line, siren, "doublon : ce SIREN figure déjà plus haut dans le fichier");
        continue;
      }
      const hash = contentHash([name]);
      if (current?.contentHash === hash) {
        seen.push(siren);
        outcomes.push("unchanged");
        continue;
      }
      rows.push([siren, name, hash, runId, now, now]);
      outcomes.push(current ? "updated" : "created");
    }
    const writes = new SentWrites();
    writes.add(
      insertRows(store, "LegalUnit", ["siren", "name", "contentHash", "lastRunId", "createdAt", "updatedAt"], rows,
        `ON CONFLICT ("siren") DO UPDATE SET "name" = excluded."name", "contentHash" = excluded."contentHash", "lastRunId" = excluded."lastRunId", "updatedAt" = excluded."updatedAt"`),
    );
    if (seen.length) writes.add(runIn(store, (inList) => `UPDATE "LegalUnit" SET "lastRunId" = ? WHERE "siren" IN ${inList}`, seen, [runId]));
    // Establishments already imported take the new names (and search keys) in the same batch.
    if (rows.length) writes.add(this.renameEstablishments(rows.map(([siren, name]) => [siren as string, name as string])));
    return { writes, outcomes };
  }

  /** Sets legalName (null: removed) and searchName of the establishments of these units, where they differ. */
  private async renameEstablishments(names: readonly [string, string | null][]): Promise<void> {
    const { store, now } = this.context;
    const bySiren = new Map(names);
    const establishments = await selectIn<{ siret: string; siren: string; tradeName: string | null; legalName: string | null }>(
      store,
      (inList) => `SELECT "siret", "siren", "tradeName", "legalName" FROM "Establishment" WHERE "siren" IN ${inList}`,
      [...bySiren.keys()],
    );
    for (const establishment of establishments) {
      const legalName = bySiren.get(establishment.siren) ?? null;
      if (legalName === establishment.legalName) continue;
      await store.run(`UPDATE "Establishment" SET "legalName" = ?, "searchName" = ?, "updatedAt" = ? WHERE "siret" = ?`, [
        legalName, searchNameOf(establishment.tradeName, legalName), now, establishment.siret,
      ]);
    }
  }

  /** Removes the units this run did not read (gone, ceased, turned non-diffusible), and their names from establishments. */
  async withdrawUnseen(): Promise<void> {
    const { store, runId, report } = this.context;
    const gone = await store.all<{ siren: string }>(`SELECT "siren" FROM "LegalUnit" WHERE "lastRunId" IS NULL OR "lastRunId" <> ?`, [runId]);
    if (gone.length === 0) return;
    const sirens = gone.map((row) => row.siren);
    await runIn(store, (inList) => `DELETE FROM "LegalUnit" WHERE "siren" IN ${inList}`, sirens);
    for (let start = 0; start < sirens.length; start += BATCH) {
      await this.renameEstablishments(sirens.slice(start, start + BATCH).map((siren) => [siren, null]));
    }
    report.withdraw(gone.length);
  }
}
