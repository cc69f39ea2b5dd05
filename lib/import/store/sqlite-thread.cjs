"use strict";
/**
 * The SQLite connection of an import, in its own thread (started by sqlite-store.ts): the import
 * reads and prepares the next lines on one core while this thread writes the previous ones on the
 * other. Plain CommonJS so that it loads the same way under tsx, vitest and Node alone.
 *
 * Messages in: { id, op: "all" | "run" | "insert" | "exec" | "close", sql, params | rows }.
 * Messages out: { id, result } or { id, error: { message, code } }, in the order received.
 */
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("better-sqlite3");

const db = new Database(workerData.file, { timeout: workerData.timeoutMs });
for (const pragma of workerData.pragmas) db.pragma(pragma);

const statements = new Map();
function prepare(sql) {
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    if (statements.size > 200) statements.clear();
    statements.set(sql, statement);
  }
  return statement;
}

/** An import writes the same few dates (its start, the file's date) on every row: memoised, bounded. */
const encodedDates = new Map();
/** Dates as Prisma's SQLite adapter writes them, so the app reads them back unchanged. */
function encode(value) {
  if (value instanceof Date) {
    const time = value.getTime();
    let encoded = encodedDates.get(time);
    if (encoded === undefined) {
      encoded = value.toISOString().replace("Z", "+00:00");
      if (encodedDates.size >= 1000) encodedDates.clear();
      encodedDates.set(time, encoded);
    }
    return encoded;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function encodeAll(values) {
  const encoded = new Array(values.length);
  for (let index = 0; index < values.length; index++) encoded[index] = encode(values[index]);
  return encoded;
}

function execute(message) {
  switch (message.op) {
    case "all":
      return prepare(message.sql).all(encodeAll(message.params));
    case "run":
      return prepare(message.sql).run(encodeAll(message.params)).changes;
    case "insert": {
      // One prepared single-row statement run per row: the fastest way into SQLite.
      const statement = prepare(message.sql);
      for (const row of message.rows) statement.run(encodeAll(row));
      return null;
    }
    case "exec":
      db.exec(message.sql);
      return null;
    case "rollback":
      if (db.inTransaction) db.exec("ROLLBACK");
      return null;
    case "close":
      statements.clear();
      db.close();
      return null;
    default:
      throw new Error(`unknown operation ${message.op}`);
  }
}

parentPort.on("message", (message) => {
  try {
    parentPort.postMessage({ id: message.id, result: execute(message) });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: error.message, code: error.code } });
  }
  if (message.op === "close") parentPort.close();
});
