/**
 * `npm run db:setup` — migrates the database named by DATABASE_URL (SQLite file created on
 * demand), writes missing zone display outlines (as db:deploy) and loads the reference territory.
 * Safe to run again: it then changes nothing.
 */
import "@/lib/cli/load-env";
import { db } from "@/lib/db/client";
import { migrateDatabase } from "@/lib/db/migrate";
import { redactDatabaseUrl } from "@/lib/db/provider";
import { env } from "@/lib/env";
import { runCli } from "@/lib/cli/run";
import { fillDisplayOutlines } from "@/lib/data/zone-outlines";
import { decoupageVersion, readDecoupageAdministratif, toReferenceData } from "@/lib/reference/decoupage";
import { formatReferenceReport, loadReferenceData } from "@/lib/reference/load-reference-data";

runCli(async () => {
  console.log(`Database: ${redactDatabaseUrl(env.DATABASE_URL)}`);
  const applied = await migrateDatabase(env.DATABASE_URL);
  console.log(applied.length ? `Migrations applied: ${applied.join(", ")}` : "Migrations: up to date");
  const filled = await fillDisplayOutlines();
  if (filled > 0) console.log(`Display outlines written for ${filled} zone${filled > 1 ? "s" : ""}.`);

  const started = Date.now();
  const report = await loadReferenceData(db, toReferenceData(readDecoupageAdministratif()));
  console.log(`Reference data (@etalab/decoupage-administratif ${decoupageVersion()}):`);
  console.log(formatReferenceReport(report));
  console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
});
