/**
 * Arcep's operator reference (`reference/last/operateur/operateur.csv` beside Ma connexion
 * internet): operator code → name. Its exact header is not documented [uncertain]: the code and
 * the name are recognised by the usual column names, `;` or `,` separated. Names feed the operator
 * directory's display (lib/operators/directory.ts): a code a file cites is then shown by its name.
 * Codes a newer file no longer lists are kept (older facts still cite them).
 */
import { readCsv, type CsvRecord } from "@/lib/import/csv";
import { ImportFileError } from "@/lib/import/errors";
import { fieldTooLong } from "@/lib/import/line-checks";
import { refuseOlderFile } from "@/lib/import/source-freshness";
import type { Importer } from "@/lib/import/types";

const LABEL = "de référence des opérateurs (Arcep)";
const CODE_COLUMNS = ["code_operateur", "code_op", "code", "code_l331", "codeoi", "code_arcep"];
const NAME_COLUMNS = ["nom_commercial", "nom_operateur", "nom_op", "nom", "operateur", "identite_operateur", "raison_sociale", "libelle"];
const CODE_PATTERN = /^[A-Z0-9][A-Z0-9_-]{1,39}$/;
const BATCH = 500;

const firstPresent = (record: CsvRecord, columns: readonly string[]) => columns.find((column) => record.has(column)) ?? null;

export const arcepOperatorsImporter: Importer = {
  format: "arcep-operateurs",
  label: LABEL,
  sourceKind: "ARCEP_OPERATEURS",
  reportsUnmatched: false,
  defaultSourceName: () => "Arcep référentiel des opérateurs",

  async run(context) {
    await refuseOlderFile(context, "ARCEP_OPERATEURS");
    const { store, report, sourceName, fileDate, runId, now } = context;
    const existing = new Map((await store.all<{ code: string; name: string }>(`SELECT "code", "name" FROM "OperatorReference"`)).map((row) => [row.code, row.name]));
    const seen = new Set<string>();
    let batch: (string | Date | null)[][] = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await store.insertRows(
        "OperatorReference",
        ["code", "name", "sourceName", "fileDate", "lastRunId", "updatedAt"],
        batch,
        `ON CONFLICT ("code") DO UPDATE SET "name" = excluded."name", "sourceName" = excluded."sourceName", "fileDate" = excluded."fileDate", "lastRunId" = excluded."lastRunId", "updatedAt" = excluded."updatedAt"`,
      );
      batch = [];
    };
    let columns: { code: string; name: string } | null = null;
    for await (const record of readCsv(context.source, { label: LABEL, delimiter: "auto", required: [] })) {
      if (!columns) {
        const code = firstPresent(record, CODE_COLUMNS);
        const name = firstPresent(record, NAME_COLUMNS);
        if (!code || !name) {
          throw new ImportFileError(
            `${context.source.fileName} n'est pas un fichier ${LABEL} : il faut une colonne de code (${CODE_COLUMNS.join(", ")}) et une colonne de nom (${NAME_COLUMNS.join(", ")}).`,
          );
        }
        columns = { code, name };
      }
      context.tick();
      const code = record.get(columns.code).toUpperCase();
      const name = record.get(columns.name).replace(/\s+/g, " ");
      const tooLong = fieldTooLong(record);
      if (tooLong) {
        report.reject(record.line, code, tooLong);
        continue;
      }
      if (!CODE_PATTERN.test(code)) {
        report.reject(record.line, code, code ? `code opérateur invalide : "${code}"` : "code opérateur manquant");
        continue;
      }
      if (!name) {
        report.reject(record.line, code, "nom de l'opérateur manquant");
        continue;
      }
      if (seen.has(code)) {
        report.reject(record.line, code, `code ${code} déjà lu plus haut dans le fichier`);
        continue;
      }
      seen.add(code);
      const before = existing.get(code);
      report.count(before === undefined ? "created" : before === name ? "unchanged" : "updated");
      if (before === name) continue;
      batch.push([code, name, sourceName, fileDate, runId, now]);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  },
};
