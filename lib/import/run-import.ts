/**
 * Runs one importer over one file in one transaction: a refused file, a failure, a dry run or a
 * rejected line under --strict leave the database exactly as it was. The run itself (source,
 * file, date, counts, who, when) is recorded in ImportRun by the same transaction.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import { env } from "@/lib/env";
import { dateFromFileName } from "@/lib/import/file-name";
import { openTextSource } from "@/lib/import/file-source";
import { importerFor } from "@/lib/import/registry";
import { ImportReport, KEPT_PROBLEMS, type ImportCounts, type ProblemLine } from "@/lib/import/report";
import { insertRows, openSqlStore, type SqlStore } from "@/lib/import/store/sql-store";
import type { ImportFormat, ImportOptions } from "@/lib/import/types";

export interface ImportResult {
  format: ImportFormat;
  runId: string | null;
  fileName: string;
  sourceName: string;
  fileDate: Date | null;
  encoding: string;
  /** True when the database received the import (not a dry run, not refused). */
  isApplied: boolean;
  isDryRun: boolean;
  reportsUnmatched: boolean;
  counts: ImportCounts;
  rejected: ProblemLine[];
  unmatched: ProblemLine[];
  /** Lines imported with a remark (a value kept as written, a ring closed). */
  notes: ProblemLine[];
  /** Why nothing was applied, when something stopped it (every line rejected, --strict). */
  refusal: string | null;
}

class Rollback extends Error {}

const PROGRESS_EVERY_ROWS = 5_000;

export async function runImport(
  format: ImportFormat,
  file: string,
  options: ImportOptions,
  databaseUrl: string = env.DATABASE_URL,
): Promise<ImportResult> {
  const importer = importerFor(format);
  const source = await openTextSource(file);
  const sourceName = options.sourceName?.trim() || importer.defaultSourceName(source.fileName);
  const fileDate = options.fileDate ?? dateFromFileName(source.fileName) ?? (await modificationDay(file));
  const report = new ImportReport(options.onProblem);
  const isCompressed = source.entryName !== null || /\.gz$/i.test(source.fileName);
  const runId = crypto.randomUUID();
  const fileLabel = source.entryName ? `${source.fileName}/${source.entryName}` : source.fileName;
  let refusal: string | null = null;

  const store = await openSqlStore(databaseUrl);
  try {
    await store.transaction(async () => {
      const now = new Date();
      await recordRun(store, {
        id: runId,
        format,
        sourceKind: importer.sourceKind,
        sourceName,
        fileName: fileLabel,
        fileDate,
        encoding: source.encoding,
        isDryRun: !!options.dryRun,
        isDemo: !!options.isDemo,
        triggeredBy: options.triggeredBy,
        organisationId: options.organisationId ?? null,
        startedAt: now,
      });
      await importer.run({
        store,
        source,
        runId,
        sourceName,
        fileLabel,
        fileDate,
        now,
        report,
        territory: options.territory ?? null,
        departements: options.departements ? new Set(options.departements) : null,
        tick: () => {
          report.read();
          if (options.onProgress && report.counts.read % PROGRESS_EVERY_ROWS === 0) {
            options.onProgress({ rows: report.counts.read, bytesRead: source.bytesRead(), byteSize: source.byteSize, isCompressed });
          }
        },
      });
      const { read, rejected } = report.counts;
      if (!options.allowEmpty && read > 0 && rejected === read) {
        refusal = `${read > 1 ? `Les ${read} lignes du fichier ont été rejetées` : "La seule ligne du fichier a été rejetée"} : rien n'a été importé.`;
        throw new Rollback();
      }
      if (options.strict && report.counts.rejected > 0) {
        const n = report.counts.rejected;
        refusal = `${n} ligne${n > 1 ? "s rejetées" : " rejetée"} avec --strict : rien n'a été importé.`;
        throw new Rollback();
      }
      await finishRun(store, runId, report);
      if (options.dryRun) throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  } finally {
    await store.close();
  }

  const isApplied = !options.dryRun && refusal === null;
  return {
    format,
    runId: isApplied ? runId : null,
    fileName: source.fileName,
    sourceName,
    fileDate,
    encoding: source.encoding,
    isApplied,
    isDryRun: !!options.dryRun,
    reportsUnmatched: importer.reportsUnmatched,
    counts: report.counts,
    rejected: report.rejected,
    unmatched: report.unmatched,
    notes: report.notes,
    refusal,
  };
}

interface RunRecord {
  id: string;
  format: string;
  sourceKind: string;
  sourceName: string;
  fileName: string;
  fileDate: Date | null;
  encoding: string;
  isDryRun: boolean;
  isDemo: boolean;
  triggeredBy: string;
  organisationId: string | null;
  startedAt: Date;
}

async function recordRun(store: SqlStore, run: RunRecord): Promise<void> {
  const columns = Object.keys(run);
  await insertRows(store, "ImportRun", [...columns, "status"], [[...Object.values(run), "RUNNING"]]);
}

async function finishRun(store: SqlStore, runId: string, report: ImportReport): Promise<void> {
  const { counts } = report;
  await store.run(
    `UPDATE "ImportRun" SET "status" = ?, "finishedAt" = ?, "readCount" = ?, "createdCount" = ?, "updatedCount" = ?,
       "unchangedCount" = ?, "rejectedCount" = ?, "unmatchedCount" = ?, "withdrawnCount" = ?, "report" = ? WHERE "id" = ?`,
    [
      "SUCCEEDED",
      new Date(),
      counts.read,
      counts.created,
      counts.updated,
      counts.unchanged,
      counts.rejected,
      counts.unmatched,
      counts.withdrawn,
      JSON.stringify({
        rejected: report.rejected, unmatched: report.unmatched, notes: report.notes, kept: KEPT_PROBLEMS, withheld: counts.withheld,
      }),
      runId,
    ],
  );
}

async function modificationDay(file: string): Promise<Date | null> {
  try {
    const { mtime } = await fs.promises.stat(file);
    return new Date(Date.UTC(mtime.getUTCFullYear(), mtime.getUTCMonth(), mtime.getUTCDate()));
  } catch {
    return null;
  }
}

