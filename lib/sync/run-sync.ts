/**
 * data:sync: for each followed file of the asked départements, in import order, a conditional
 * download, then — only when its bytes changed since the file last imported — an import through
 * the importers' one entry point (runImport, as `npm run import`). A file that did not change
 * leaves the database as it was (no ImportRun); its check is recorded in DataSyncSource. A failing
 * file is said in one sentence and recorded; the others go on.
 */
import fs from "node:fs";
import path from "node:path";
import { getSyncState, recordSyncCheck } from "@/lib/data/data-sync";
import { env } from "@/lib/env";
import { dateFromFileName } from "@/lib/import/file-name";
import { availableFormats } from "@/lib/import/registry";
import { runImport } from "@/lib/import/run-import";
import type { ImportFormat } from "@/lib/import/types";
import { download } from "@/lib/sync/download";
import { describe } from "@/lib/sync/http";
import { SYNC_FILES, type SyncFile, type SyncSource } from "@/lib/sync/sources";

export interface SyncOptions {
  departements: readonly string[];
  only?: readonly SyncSource[];
  mirror?: string | null;
  /** Where downloaded files are kept (the last file of each, and partial downloads). */
  dir?: string;
  maxBytes?: number;
  headersTimeoutMs?: number;
  idleTimeoutMs?: number;
  triggeredBy: string;
  databaseUrl?: string;
  log?: (line: string) => void;
  onProgress?: (label: string, received: number, total: number | null) => void;
}

export type FileOutcome =
  | { status: "unchanged"; reason: "not-modified" | "same-bytes" }
  | { status: "imported"; runId: string; counts: Record<string, number> }
  | { status: "skipped"; reason: string }
  | { status: "failed"; error: string };

export interface FileReport {
  key: string;
  departement: string;
  outcome: FileOutcome;
}

export async function runSync(options: SyncOptions): Promise<FileReport[]> {
  const log = options.log ?? (() => undefined);
  const mirror = options.mirror ?? null;
  const dir = path.resolve(options.dir ?? env.DATA_SYNC_DIR);
  const headersTimeoutMs = options.headersTimeoutMs ?? 30_000;
  const reports: FileReport[] = [];
  const files = SYNC_FILES.filter((file) => !options.only || options.only.includes(file.source));

  for (const file of files) {
    const departements = !file.national ? options.departements : file.filtersDepartements ? [[...options.departements].sort().join(",")] : ["FR"];
    for (const departement of departements) {
      const label = `${file.key}${file.national ? "" : ` ${departement}`}`;
      if (!availableFormats().includes(file.format as ImportFormat)) {
        const reason = `no ${file.format} importer yet: skipped, nothing downloaded`;
        log(`${label}: ${reason}`);
        reports.push({ key: file.key, departement, outcome: { status: "skipped", reason } });
        continue;
      }
      const outcome = await syncFile(file, departement, { ...options, mirror, dir, headersTimeoutMs, label });
      log(`${label}: ${describeOutcome(outcome)}`);
      reports.push({ key: file.key, departement, outcome });
    }
  }
  return reports;
}

async function syncFile(
  file: SyncFile,
  departement: string,
  options: SyncOptions & { mirror: string | null; dir: string; headersTimeoutMs: number; label: string },
): Promise<FileOutcome> {
  const checkedAt = new Date();
  try {
    const state = await getSyncState(file.key, departement);
    const located = await file.locate(departement, { mirror: options.mirror, headersTimeoutMs: options.headersTimeoutMs });
    const dest = path.join(options.dir, file.key, departement, located.fileName);
    // Validators only name the file last imported when it came from the same URL and is still here.
    const known = state && state.url === located.url && fs.existsSync(dest) ? { etag: state.etag, lastModified: state.lastModified } : null;
    const result = await download(located.url, dest, {
      mirror: options.mirror,
      known,
      checksum: located.checksum,
      maxBytes: options.maxBytes ?? env.DATA_SYNC_MAX_MB * 1024 * 1024,
      headersTimeoutMs: options.headersTimeoutMs,
      idleTimeoutMs: options.idleTimeoutMs ?? 60_000,
      onProgress: options.onProgress ? (received, total) => options.onProgress!(options.label, received, total) : undefined,
    });
    if (result.status === "not-modified") {
      await recordSyncCheck({ source: file.key, departement, checkedAt });
      return { status: "unchanged", reason: "not-modified" };
    }
    const validators = { url: located.url, ...result.validators };
    if (state?.sha256 === result.sha256) {
      await recordSyncCheck({ source: file.key, departement, checkedAt, validators });
      return { status: "unchanged", reason: "same-bytes" };
    }
    const imported = await runImport(file.format as ImportFormat, result.file, {
      sourceName: file.sourceName(departement) ?? undefined,
      // The data's date: the one in the file name, else the publisher's Last-Modified.
      fileDate: dateFromFileName(located.fileName) ? undefined : dayOf(result.validators.lastModified),
      triggeredBy: options.triggeredBy,
      departements: file.filtersDepartements ? departement.split(",") : undefined,
    }, options.databaseUrl);
    if (!imported.isApplied || !imported.runId) throw new Error(imported.refusal ?? "the import was not applied");
    await recordSyncCheck({ source: file.key, departement, checkedAt, changed: { ...validators, sha256: result.sha256 } });
    return { status: "imported", runId: imported.runId, counts: { ...imported.counts } };
  } catch (error) {
    const message = describe(error);
    await recordSyncCheck({ source: file.key, departement, checkedAt, error: message.slice(0, 1_000) }).catch(() => undefined);
    return { status: "failed", error: message };
  }
}

function dayOf(httpDate: string | null): Date | undefined {
  const time = httpDate ? Date.parse(httpDate) : NaN;
  if (Number.isNaN(time)) return undefined;
  const date = new Date(time);
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function describeOutcome(outcome: FileOutcome): string {
  switch (outcome.status) {
    case "unchanged":
      return outcome.reason === "not-modified" ? "not modified (304), nothing imported" : "downloaded again with the same bytes, nothing imported";
    case "imported": {
      const c = outcome.counts;
      return `imported: ${c.read} read, ${c.created} created, ${c.updated} updated, ${c.unchanged} unchanged, ${c.rejected} rejected${c.unmatched ? `, ${c.unmatched} unmatched` : ""}${c.skipped ? `, ${c.skipped} skipped` : ""}`;
    }
    case "skipped":
      return outcome.reason;
    case "failed":
      return `FAILED: ${outcome.error}`;
  }
}
