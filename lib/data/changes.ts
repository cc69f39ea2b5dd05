import "server-only";
/**
 * The changes feed (GET /api/v1/changes): what the change log (lib/changes/change-log.ts says what
 * a change is) holds from a date or after a cursor, oldest first, optionally in one département.
 */
import { encodeCursor, type CursorKey } from "@/lib/api/cursor";
import { CHANGE_RETENTION_DAYS, type ChangeKind } from "@/lib/changes/change-log";
import { db } from "@/lib/db/client";
import type { DeploymentStatus, SourceKind, Technology } from "@/lib/db/enums";
import { AppError } from "@/lib/errors";
import { levelOfStatus, type Level } from "@/lib/levels/levels";

const DAY_MS = 86_400_000;

export interface ChangeFilter {
  since?: Date;
  /** The decoded cursor: [changedAt ISO, id] of the last item of the previous page. */
  cursor?: CursorKey;
  departement?: string;
  limit: number;
}

export interface ChangeItem {
  kind: ChangeKind;
  id: string;
  technology: Technology;
  level: Level | null;
  status: DeploymentStatus | null;
  previous: { level: Level; status: DeploymentStatus } | null;
  source: { kind: SourceKind; name: string };
  changedAt: string;
}

/** The oldest instant the feed still answers for. */
export function retentionStart(now = new Date()): Date {
  return new Date(now.getTime() - CHANGE_RETENTION_DAYS * DAY_MS);
}

export async function listChanges(filter: ChangeFilter, now = new Date()): Promise<{ items: ChangeItem[]; nextCursor: string | null }> {
  let position;
  if (filter.cursor) {
    const [at, id] = filter.cursor;
    const changedAt = new Date(String(at));
    if (Number.isNaN(changedAt.getTime())) throw new AppError("bad_request", "cursor invalide : passez la valeur nextCursor de la page précédente, telle quelle.");
    position = { OR: [{ changedAt: { gt: changedAt } }, { changedAt, id: { gt: String(id) } }] };
  } else {
    const since = filter.since!;
    if (since < retentionStart(now)) {
      throw new AppError(
        "bad_request",
        `since est trop ancien : le journal des changements remonte à ${CHANGE_RETENTION_DAYS} jours (depuis ${retentionStart(now).toISOString()}). Pour repartir de zéro, téléchargez les exports.`,
      );
    }
    position = { changedAt: { gte: since } };
  }
  const rows = await db.changeLogEntry.findMany({
    where: { ...position, ...(filter.departement ? { departement: filter.departement } : {}) },
    orderBy: [{ changedAt: "asc" }, { id: "asc" }],
    take: filter.limit + 1,
  });
  const page = rows.slice(0, filter.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      kind: row.kind as ChangeKind,
      id: row.subjectId,
      technology: row.technology,
      level: row.status ? levelOfStatus(row.status) : null,
      status: row.status,
      previous: row.previousStatus ? { level: levelOfStatus(row.previousStatus), status: row.previousStatus } : null,
      source: { kind: row.sourceKind, name: row.sourceName },
      changedAt: row.changedAt.toISOString(),
    })),
    nextCursor: rows.length > filter.limit && last ? encodeCursor([last.changedAt.toISOString(), last.id]) : null,
  };
}

/** Deletes the entries older than the retention (run by the worker); returns how many. */
export async function purgeChanges(now = new Date()): Promise<number> {
  const { count } = await db.changeLogEntry.deleteMany({ where: { changedAt: { lt: retentionStart(now) } } });
  return count;
}
