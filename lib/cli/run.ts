/**
 * Runs a command-line entry point: one clear sentence on failure, no stack trace (set DEBUG=1 to
 * see it), exit code 1; the database connection is closed either way.
 */
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";

export function runCli(main: () => Promise<void>): void {
  main()
    .then(() => db.$disconnect())
    .catch(async (error: unknown) => {
      await db.$disconnect().catch(() => undefined);
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Error: ${message}`);
      if (env.DEBUG && error instanceof Error) console.error(error.stack);
      process.exitCode = 1;
    });
}
