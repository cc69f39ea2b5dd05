/**
 * npm run db:backup -- <file>
 *
 * A backup of DATABASE_URL, taken while the servers run: SQLite's online backup API (a SQLite
 * file), or pg_dump's custom format on PostgreSQL. Restore with `npm run db:restore -- <file>`.
 */
import "@/lib/cli/load-env";
import fs from "node:fs";
import { runCli } from "@/lib/cli/run";
import { backupDatabase } from "@/lib/db/backup";
import { redactDatabaseUrl } from "@/lib/db/provider";
import { env } from "@/lib/env";

runCli(async () => {
  const [file, ...rest] = process.argv.slice(2);
  if (!file || rest.length) {
    console.error("usage: npm run db:backup -- <file>");
    process.exit(2);
  }
  const started = Date.now();
  await backupDatabase(env.DATABASE_URL, file);
  const megabytes = (fs.statSync(file).size / 1e6).toFixed(1);
  console.log(`${redactDatabaseUrl(env.DATABASE_URL)} → ${file} (${megabytes} MB, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
});
