import "server-only";
import { db } from "@/lib/db/client";

/** Whether generated demonstration data was loaded: the public pages then say so. */
export async function hasDemoData(): Promise<boolean> {
  const run = await db.importRun.findFirst({ where: { isDemo: true, isDryRun: false, status: "SUCCEEDED" }, select: { id: true } });
  return run !== null;
}
