/**
 * Imports are batch work: `npm run import` and the admin upload's worker lower their CPU priority
 * (IMPORT_NICE, 10 by default) so that a web server on the same machine keeps its latency while
 * they run — on two cores an import at full speed took both, and pages waited for the CPU, not for
 * the database (npm run soak). On Linux the priority is the calling thread's and is inherited by
 * the threads started after it: the import's SQLite writer thread included.
 */
import os from "node:os";
import { env } from "@/lib/env";

export function lowerImportPriority(): void {
  if (env.IMPORT_NICE === 0) return;
  try {
    os.setPriority(Math.max(os.getPriority(), env.IMPORT_NICE));
  } catch (error) {
    console.warn(`Import priority unchanged: ${error instanceof Error ? error.message : String(error)}`);
  }
}
