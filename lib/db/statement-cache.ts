/**
 * Prepared statements reused per SQL text on a better-sqlite3 connection used by Prisma's adapter.
 *
 * The adapter prepares every query anew (`prepare(sql).bind(args)`); a statement's compiled
 * program lives in native memory, released only when V8 collects the small JS object that holds
 * it, at a major GC. An export prepares its large `IN (?, …)` queries page after page: the
 * server's RSS climbed by ~8 MB per export of an EPCI until the next major GC (npm run
 * bench:export-memory). Here each SQL text is prepared once (least recently used dropped past
 * `size`), and `bind(args)` gives a one-use view that passes the arguments to each call instead of
 * binding them to the shared statement for good.
 */
import type Database from "better-sqlite3";

type Statement = Database.Statement<unknown[], unknown>;

/** What the adapter does with `prepare(sql).bind(args)`, the arguments given at each call. */
function boundView(statement: Statement, args: unknown[]) {
  return {
    reader: statement.reader,
    readonly: statement.readonly,
    run: () => statement.run(...args),
    columns: () => statement.columns(),
    raw: (isRaw = true) => {
      statement.raw(isRaw);
      return { all: () => statement.all(...args) };
    },
    all: () => statement.raw(false).all(...args),
    get: () => statement.raw(false).get(...args),
  };
}

export function cacheStatements(connection: Database.Database, size = 200): void {
  const prepare = connection.prepare.bind(connection) as (sql: string) => Statement;
  const statements = new Map<string, Statement>();
  (connection as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    let statement = statements.get(sql);
    if (statement) {
      statements.delete(sql);
    } else {
      statement = prepare(sql);
      if (statements.size >= size) statements.delete(statements.keys().next().value!);
    }
    statements.set(sql, statement);
    const shared = statement;
    return {
      reader: shared.reader,
      readonly: shared.readonly,
      bind: (args: unknown[]) => boundView(shared, args),
      run: (...args: unknown[]) => shared.run(...args),
      all: (...args: unknown[]) => shared.raw(false).all(...args),
      get: (...args: unknown[]) => shared.raw(false).get(...args),
      columns: () => shared.columns(),
    };
  };
}
