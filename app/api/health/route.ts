/**
 * GET /api/health — 200 when the database answers and can be written (or waits for an import's
 * write lock, within HEALTH_WRITE_LOCK_MAX_SECONDS); 503 otherwise. Never cached, never rate limited.
 */
import { withApi } from "@/lib/api/handler";
import { checkDatabase } from "@/lib/data/health";
import { APP_VERSION } from "@/lib/version";

export const GET = withApi({ isRateLimited: false }, async () => {
  const database = await checkDatabase();
  return Response.json(
    {
      status: database.isHealthy ? "ok" : "unavailable",
      version: APP_VERSION,
      database: {
        provider: database.provider,
        reachable: database.isReachable,
        latencyMs: database.latencyMs,
        writable: database.isWritable,
        writeCheck: database.writeCheck,
        busySeconds: database.busySeconds,
      },
    },
    { status: database.isHealthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
