/**
 * The SQLite store: one better-sqlite3 connection held by a worker thread (sqlite-thread.cjs), so
 * that SQLite writes one batch while the import reads and prepares the next: on two cores this is
 * what takes an IPE import past 20,000 lines/s (npm run bench:import). Statements run in the order
 * they are sent; values cross the thread boundary as structured clones (dates included).
 */
import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import { sqliteFilePath } from "@/lib/db/provider";
import { ImportTransaction, insertSql, type SqlStore, type SqlValue } from "@/lib/import/store/sql-store";

const THREAD_FILE = path.join(__dirname, "sqlite-thread.cjs");

type Operation =
  | { op: "all" | "run"; sql: string; params: readonly SqlValue[] }
  | { op: "insert"; sql: string; rows: readonly (readonly SqlValue[])[] }
  | { op: "exec"; sql: string }
  | { op: "rollback" | "close" };

/** The read connection's parameters, encoded as sqlite-thread.cjs encodes the writer's. */
function encodeParam(value: SqlValue): string | number | null {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

type Reply = { id: number; result: unknown; error?: undefined } | { id: number; error: { message: string; code?: string } };

/** An SQLite error as better-sqlite3 raises it, rebuilt on this side of the thread boundary. */
export class SqliteError extends Error {
  override name = "SqliteError";

  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export class SqliteStore implements SqlStore {
  readonly provider = "sqlite" as const;
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  private nextId = 0;
  private failure: Error | null = null;
  private readonly importTransaction = new ImportTransaction({
    begin: () => this.send({ op: "exec", sql: "BEGIN IMMEDIATE" }),
    commit: () => this.send({ op: "exec", sql: "COMMIT" }),
    rollback: () => this.send({ op: "rollback" }),
  });
  private readonly file: string;
  private reader: Database.Database | null = null;
  private readonly readerStatements = new Map<string, Database.Statement>();

  constructor(url: string) {
    const file = sqliteFilePath(url);
    this.file = file;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    this.worker = new Worker(THREAD_FILE, {
      workerData: {
        file,
        timeoutMs: 30_000,
        // A 16 MB page cache (64 MB was no faster in bench:import and cost peak memory); temporary B-trees in memory.
        pragmas: ["journal_mode = WAL", "foreign_keys = ON", "cache_size = -16384", "temp_store = MEMORY"],
      },
      // Plain CommonJS: no TypeScript loader (tsx) in the thread.
      execArgv: [],
      // The thread only passes rows to SQLite: a small young generation keeps its memory low (the old
      // generation keeps the default limit: a large SELECT result is built here).
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
    this.worker.on("message", (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (reply.error) waiting.reject(new SqliteError(reply.error.message, reply.error.code));
      else waiting.resolve(reply.result);
    });
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`the SQLite thread stopped (exit code ${code})`)));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  private send<T>(operation: Operation): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, ...operation });
    });
  }

  /** Statements belong to the import's transaction: once it has ended, late ones are refused, never run on their own. */
  private statement<T>(operation: Operation): Promise<T> {
    const refusal = this.importTransaction.refusal();
    return refusal ? Promise.reject(refusal) : this.send<T>(operation);
  }

  all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.statement<T[]>({ op: "all", sql, params });
  }

  /** A read-only connection of this thread: WAL lets it read the last committed state while the import writes. */
  async allCommitted<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    this.reader ??= new Database(this.file, { readonly: true, fileMustExist: true, timeout: 30_000 });
    let statement = this.readerStatements.get(sql);
    if (!statement) {
      statement = this.reader.prepare(sql);
      this.readerStatements.set(sql, statement);
    }
    return statement.all(params.map(encodeParam)) as T[];
  }

  run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.statement<number>({ op: "run", sql, params });
  }

  insertRows(table: string, columns: readonly string[], rows: readonly (readonly SqlValue[])[], conflict = ""): Promise<void> {
    return this.statement<void>({ op: "insert", sql: insertSql(table, columns, 1, conflict), rows });
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return this.importTransaction.run(work);
  }

  async close(): Promise<void> {
    this.readerStatements.clear();
    this.reader?.close();
    if (!this.failure) await this.send({ op: "close" }).catch(() => undefined);
    await this.worker.terminate();
  }
}
