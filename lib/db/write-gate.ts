/**
 * The pieces of SQLite's write discipline (lib/db/sqlite-adapter.ts): a FIFO gate with deadlines,
 * an asynchronous retry while the write lock is held elsewhere, and the errors users see.
 */
import { AppError } from "@/lib/errors";

export const BUSY_MESSAGE =
  "La base de données est occupée par un import de fichier en cours : votre modification n'a pas été enregistrée. Réessayez dans quelques minutes.";
export const WRITE_FAILED_MESSAGE =
  "La base de données refuse les écritures pour le moment : votre modification n'a pas été enregistrée. Réessayez plus tard ; si cela dure, prévenez l'équipe technique.";

/** The write lock stayed taken (an import, another process's long write) until the write's deadline. */
export class DatabaseBusyError extends AppError {
  override name = "DatabaseBusyError";

  constructor() {
    super("unavailable", BUSY_MESSAGE);
  }
}

/** SQLite refused to start a write (read-only file, disk I/O error, disk full…); the cause is for the logs only. */
export class DatabaseWriteError extends AppError {
  override name = "DatabaseWriteError";
  readonly sqliteCode: string | undefined;

  constructor(readonly reason: unknown) {
    super("unavailable", WRITE_FAILED_MESSAGE);
    this.sqliteCode = sqliteCodeOf(reason);
  }
}

/** A failed start of a write as users see it; anything but a busy lock is logged with SQLite's own words. */
export function writeFailure(error: unknown): AppError {
  if (error instanceof DatabaseBusyError) return error;
  console.error("SQLite refused to start a write:", sqliteCodeOf(error) ?? "", error instanceof Error ? error.message : error);
  return new DatabaseWriteError(error);
}

/** The SQLite result code of an error, whether better-sqlite3 threw it or Prisma's adapter wrapped it. */
export function sqliteCodeOf(error: unknown): string | undefined {
  const candidate = error as { code?: unknown; cause?: { originalCode?: unknown } } | null;
  const code = candidate?.cause?.originalCode ?? candidate?.code;
  return typeof code === "string" && code.startsWith("SQLITE_") ? code : undefined;
}

export const isBusy = (error: unknown): boolean => /^SQLITE_(BUSY|LOCKED)/.test(sqliteCodeOf(error) ?? "");

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const FIRST_PAUSE_MS = 2;
const LONGEST_PAUSE_MS = 50;

/**
 * Runs `attempt` until it does not meet the write lock, pausing asynchronously in between
 * (2 ms, doubling to 50 ms); past `deadline` (epoch ms) fails with DatabaseBusyError.
 */
export async function untilUnlocked<T>(deadline: number, attempt: () => Promise<T>): Promise<T> {
  let pause = FIRST_PAUSE_MS;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!isBusy(error)) throw error;
      const left = deadline - Date.now();
      if (left <= 0) throw new DatabaseBusyError();
      await sleep(Math.min(pause, left));
      pause = Math.min(pause * 2, LONGEST_PAUSE_MS);
    }
  }
}

interface Waiter {
  grant: (release: () => void) => void;
  timer: NodeJS.Timeout;
}

/** One holder at a time, first come first served; a waiter gives up at its deadline with DatabaseBusyError. */
export class WriteGate {
  private isHeld = false;
  private readonly waiters: Waiter[] = [];
  /** When the current holder got the gate (epoch ms), null when free. */
  heldSince: number | null = null;

  /** Resolves with the release function (idempotent) once the gate is this caller's. */
  acquire(deadline: number): Promise<() => void> {
    if (!this.isHeld) {
      this.isHeld = true;
      this.heldSince = Date.now();
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        grant: resolve,
        timer: setTimeout(() => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(new DatabaseBusyError());
        }, Math.max(0, deadline - Date.now())),
      };
      this.waiters.push(waiter);
    });
  }

  private releaser(): () => void {
    let isReleased = false;
    return () => {
      if (isReleased) return;
      isReleased = true;
      const next = this.waiters.shift();
      if (!next) {
        this.isHeld = false;
        this.heldSince = null;
        return;
      }
      clearTimeout(next.timer);
      this.heldSince = Date.now();
      next.grant(this.releaser());
    };
  }
}
