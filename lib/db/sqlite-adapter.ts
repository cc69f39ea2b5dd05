/**
 * Prisma's SQLite driver adapter as the application uses it: better-sqlite3 under a contract that
 * never lets a write wait synchronously for SQLite's write lock.
 *
 * SQLite has one write lock per database file. An import holds it for its whole run (one
 * transaction per file, minutes for a large file); the web server, the worker and the command
 * line must wait for it. better-sqlite3 is synchronous: SQLite's own busy handler sleeps inside
 * the call and freezes the whole Node process meanwhile (a public page took 9–15 s during an
 * import). Here:
 * - two connections: reads outside a transaction go to a reader (`query_only`; in WAL mode a
 *   read never needs the write lock, so it never waits for an import), everything else to the
 *   writer;
 * - both have a busy timeout of 0: a statement that meets the lock fails at once with SQLITE_BUSY
 *   and is tried again after an asynchronous pause (the event loop serves other requests), until
 *   its deadline (`writeWaitMs` after it was asked for); then it fails with a French
 *   DatabaseBusyError (503 in the API, the form's message in server actions);
 * - the writer is shared by every request of the process, so transactions and single writes take
 *   a FIFO gate first (with the same deadline): a request's write never runs inside another
 *   request's open transaction. The gate is released on every path out of a transaction,
 *   a failed BEGIN, COMMIT or ROLLBACK included — Prisma's own adapter kept its mutex when BEGIN
 *   threw, which froze every later transaction of the process until restart.
 * A single statement that met SQLITE_BUSY in autocommit mode changed nothing: trying it again is safe.
 */
import fs from "node:fs";
import type Database from "better-sqlite3";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { cacheStatements } from "@/lib/db/statement-cache";
import { WriteGate, untilUnlocked, writeFailure } from "@/lib/db/write-gate";

type Adapter = Awaited<ReturnType<PrismaBetterSQLite3["connect"]>>;
type Transaction = Awaited<ReturnType<Adapter["startTransaction"]>>;
type Query = Parameters<Adapter["queryRaw"]>[0];

const STATEMENT_CACHE_SIZE = 500;

function fileIdentity(file: string): string | null {
  try {
    const stat = fs.statSync(file);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return null;
  }
}

function connectionOf(adapter: Adapter): Database.Database {
  return (adapter as unknown as { client: Database.Database }).client;
}

export interface SqliteAdapterOptions {
  /** How long a write may wait for the write lock (and for this process's other writes) before failing. */
  writeWaitMs: number;
}

class GatedSqliteAdapter {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  private readonly gate = new WriteGate();
  private readonly isReadOnlyCache = new Map<string, boolean>();

  /** The file the connections opened (device and inode), to notice it deleted or replaced under them. */
  private readonly identity: string;

  constructor(
    private readonly file: string,
    private readonly writer: Adapter,
    private readonly reader: Adapter,
    private readonly options: SqliteAdapterOptions,
  ) {
    this.adapterName = writer.adapterName;
    this.identity = fileIdentity(file) ?? "";
  }

  /**
   * Whether the database file was deleted or replaced since the connections opened it: in WAL
   * mode SQLite goes on writing into the unlinked file without an error, and all is lost at restart.
   */
  isFileReplaced(): boolean {
    return fileIdentity(this.file) !== this.identity;
  }

  /** Since when this process's writes have been held up behind one of them (epoch ms), or null. */
  get gateHeldSince(): number | null {
    return this.gate.heldSince;
  }

  /** SQLite says whether a statement writes (sqlite3_stmt_readonly); BEGIN, PRAGMA x = y, INSERT… RETURNING do. */
  private isReadOnly(sql: string): boolean {
    let isReadOnly = this.isReadOnlyCache.get(sql);
    if (isReadOnly === undefined) {
      try {
        isReadOnly = connectionOf(this.reader).prepare(sql).readonly;
      } catch {
        // A statement SQLite cannot prepare fails on the writer with its real error.
        return false;
      }
      if (this.isReadOnlyCache.size >= STATEMENT_CACHE_SIZE) this.isReadOnlyCache.clear();
      this.isReadOnlyCache.set(sql, isReadOnly);
    }
    return isReadOnly;
  }

  private deadline(): number {
    return Date.now() + this.options.writeWaitMs;
  }

  /** A statement of its own (autocommit): through the gate, tried again while the lock is held elsewhere. */
  private async write<T>(run: () => Promise<T>): Promise<T> {
    const deadline = this.deadline();
    const release = await this.gate.acquire(deadline);
    try {
      return await untilUnlocked(deadline, run);
    } finally {
      release();
    }
  }

  queryRaw(query: Query) {
    if (this.isReadOnly(query.sql)) return untilUnlocked(this.deadline(), () => this.reader.queryRaw(query));
    return this.write(() => this.writer.queryRaw(query));
  }

  executeRaw(query: Query) {
    if (this.isReadOnly(query.sql)) return untilUnlocked(this.deadline(), () => this.reader.executeRaw(query));
    return this.write(() => this.writer.executeRaw(query));
  }

  executeScript(script: string) {
    return this.write(() => this.writer.executeScript(script));
  }

  /**
   * BEGIN IMMEDIATE: the transaction takes the write lock before its first read, so it never
   * fails midway because another connection wrote meanwhile (a deferred BEGIN upgrading to a
   * write gets SQLITE_BUSY at once, whatever the busy timeout).
   */
  async startTransaction(isolationLevel?: Parameters<Adapter["startTransaction"]>[0]): Promise<Transaction> {
    // Prisma's adapter refuses other levels before touching anything.
    if (isolationLevel && isolationLevel !== "SERIALIZABLE") return this.writer.startTransaction(isolationLevel);
    const deadline = this.deadline();
    const release = await this.gate.acquire(deadline);
    const connection = connectionOf(this.writer);
    try {
      await untilUnlocked(deadline, async () => connection.prepare("BEGIN IMMEDIATE").run());
    } catch (error) {
      release();
      throw writeFailure(error);
    }
    return this.transaction(connection, release);
  }

  private transaction(connection: Database.Database, release: () => void): Transaction {
    let isOpen = true;
    const writer = this.writer;
    const inside = <T>(run: () => Promise<T>): Promise<T> =>
      isOpen ? run() : Promise.reject(new Error("This transaction has already ended."));
    /** COMMIT or ROLLBACK once; whatever happens, the transaction is over and the gate open. */
    const end = async (sql: "COMMIT" | "ROLLBACK") => {
      if (!isOpen) return;
      isOpen = false;
      try {
        if (connection.inTransaction) await writer.executeRaw({ sql, args: [], argTypes: [] });
      } finally {
        // A failed COMMIT (disk full, I/O error) can leave the transaction open: never to the next request.
        if (connection.inTransaction) {
          try {
            connection.prepare("ROLLBACK").run();
          } catch (error) {
            console.error("SQLite: ROLLBACK after a failed end of transaction failed", error);
          }
        }
        release();
      }
    };
    return {
      provider: this.provider,
      adapterName: this.adapterName,
      // The engine calls commit()/rollback() and sends no COMMIT/ROLLBACK of its own: ours always release the gate.
      options: { usePhantomQuery: true },
      queryRaw: (query) => inside(() => writer.queryRaw(query)),
      executeRaw: (query) => inside(() => writer.executeRaw(query)),
      commit: () => end("COMMIT"),
      rollback: () => end("ROLLBACK"),
    };
  }

  /** Whether a write transaction could start now, within `waitMs` (the health check); never writes. */
  async probeWrite(waitMs: number): Promise<void> {
    const deadline = Date.now() + waitMs;
    const release = await this.gate.acquire(deadline);
    const connection = connectionOf(this.writer);
    try {
      await untilUnlocked(deadline, async () => connection.prepare("BEGIN IMMEDIATE").run());
      connection.prepare("ROLLBACK").run();
    } catch (error) {
      if (connection.inTransaction) connection.prepare("ROLLBACK").run();
      throw writeFailure(error);
    } finally {
      release();
    }
  }

  async dispose(): Promise<void> {
    await Promise.all([this.writer.dispose(), this.reader.dispose()]);
  }
}

export type SqliteAdapter = GatedSqliteAdapter;

/** The factory Prisma's client takes (`new PrismaClient({ adapter })`); `connected` gives the adapter once connected. */
export class SqliteAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  private readonly inner: PrismaBetterSQLite3;
  private adapter: GatedSqliteAdapter | null = null;

  constructor(
    private readonly file: string,
    private readonly options: SqliteAdapterOptions,
  ) {
    this.inner = new PrismaBetterSQLite3({ url: file, timeout: 0 });
    this.adapterName = this.inner.adapterName;
  }

  async connect(): Promise<GatedSqliteAdapter> {
    const writer = await this.inner.connect();
    const reader = await this.inner.connect();
    connectionOf(reader).pragma("query_only = ON");
    cacheStatements(connectionOf(writer));
    cacheStatements(connectionOf(reader));
    this.adapter = new GatedSqliteAdapter(this.file, writer, reader, this.options);
    return this.adapter;
  }

  /** The connected adapter, or null before the client's first query. */
  get connected(): GatedSqliteAdapter | null {
    return this.adapter;
  }
}
