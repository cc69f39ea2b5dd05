/**
 * `npm run db:deploy` — applies pending migrations to DATABASE_URL, then writes the display
 * outline of zones that have none (lib/data/zone-outlines.ts): the production step, run once per
 * release, before the servers start (not on every boot).
 */
import "@/lib/cli/load-env";
import { runCli } from "@/lib/cli/run";
import { fillDisplayOutlines } from "@/lib/data/zone-outlines";
import { migrateDatabase } from "@/lib/db/migrate";
import { redactDatabaseUrl } from "@/lib/db/provider";
import { env } from "@/lib/env";

runCli(async () => {
  const applied = await migrateDatabase(env.DATABASE_URL);
  console.log(`${redactDatabaseUrl(env.DATABASE_URL)}: ${applied.length ? `applied ${applied.join(", ")}` : "up to date"}`);
  const filled = await fillDisplayOutlines();
  if (filled > 0) console.log(`Display outlines written for ${filled} zone${filled > 1 ? "s" : ""}.`);
});
