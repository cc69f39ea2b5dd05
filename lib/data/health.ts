import "server-only";
import { db, provider } from "@/lib/db/client";

export interface DatabaseHealth {
  provider: typeof provider;
  isReachable: boolean;
  latencyMs: number | null;
}

/** Round trip to the database, bounded so a hung server cannot hang the health check. */
export async function checkDatabase(timeoutMs = 3_000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRawUnsafe("SELECT 1"),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database health check timed out")), timeoutMs);
      }),
    ]);
    return { provider, isReachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    console.error("Health check: database unreachable", error instanceof Error ? error.message : error);
    return { provider, isReachable: false, latencyMs: null };
  } finally {
    clearTimeout(timer);
  }
}
