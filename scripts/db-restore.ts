/**
 * npm run db:restore -- <file> [--force]
 *
 * Restores a backup of `npm run db:backup` into DATABASE_URL: an empty (or missing, SQLite)
 * database, or — with --force, servers and workers stopped — over an existing one, replacing
 * everything. Then `npm run db:deploy` applies the migrations the backup predates.
 */
import "@/lib/cli/load-env";
import { runCli } from "@/lib/cli/run";
import { restoreDatabase } from "@/lib/db/backup";
import { redactDatabaseUrl } from "@/lib/db/provider";
import { env } from "@/lib/env";

runCli(async () => {
  const args = process.argv.slice(2);
  const force = args.includes("--force");
  const files = args.filter((arg) => arg !== "--force");
  if (files.length !== 1 || files[0]!.startsWith("-")) {
    console.error("usage: npm run db:restore -- <file> [--force]");
    process.exit(2);
  }
  await restoreDatabase(env.DATABASE_URL, files[0]!, { force });
  console.log(`${files[0]} → ${redactDatabaseUrl(env.DATABASE_URL)}: restored; run npm run db:deploy if the backup is older than this release`);
});
