import "server-only";
/**
 * The state of the official files data:sync follows (DataSyncSource): the validators of the file
 * last imported (for the next conditional request), and when each was last checked and changed.
 */
import { db } from "@/lib/db/client";

export interface SyncState {
  url: string | null;
  etag: string | null;
  lastModified: string | null;
  sha256: string | null;
}

export async function getSyncState(source: string, departement: string): Promise<SyncState | null> {
  return db.dataSyncSource.findUnique({
    where: { source_departement: { source, departement } },
    select: { url: true, etag: true, lastModified: true, sha256: true },
  });
}

export interface SyncCheck {
  source: string;
  departement: string;
  checkedAt: Date;
  /** Set when a new file was imported: its URL, validators and checksum become the state. */
  changed?: { url: string; etag: string | null; lastModified: string | null; sha256: string };
  /** Set when the same bytes came again under new validators: remember them, nothing changed. */
  validators?: { url: string; etag: string | null; lastModified: string | null };
  error?: string | null;
}

/** Records one check of one file (a single upsert). */
export async function recordSyncCheck(check: SyncCheck): Promise<void> {
  const data = {
    lastCheckedAt: check.checkedAt,
    lastError: check.error ?? null,
    ...(check.validators ?? {}),
    ...(check.changed ? { ...check.changed, lastChangedAt: check.checkedAt } : {}),
  };
  await db.dataSyncSource.upsert({
    where: { source_departement: { source: check.source, departement: check.departement } },
    create: { source: check.source, departement: check.departement, ...data },
    update: data,
  });
}

export interface SyncSourceRow {
  source: string;
  departement: string;
  lastCheckedAt: Date | null;
  lastChangedAt: Date | null;
  lastError: string | null;
}

/** Every followed file, by source then département (a few dozen rows at most). */
export async function listSyncSources(): Promise<SyncSourceRow[]> {
  return db.dataSyncSource.findMany({
    select: { source: true, departement: true, lastCheckedAt: true, lastChangedAt: true, lastError: true },
    orderBy: [{ source: "asc" }, { departement: "asc" }],
  });
}
