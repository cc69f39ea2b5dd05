/**
 * GET /api/health — 200 when the database answers and can be written (or waits for an import's
 * write lock, within HEALTH_WRITE_LOCK_MAX_SECONDS); 503 otherwise. Never cached, never rate limited.
 * With DATABASE_READ_URL, `replica` says whether public reads use it (ok) or the primary (lagging,
 * down) and its lag; a replica that is down does not make the site unhealthy: the primary answers.
 */
import { withApi } from "@/lib/api/handler";
import { checkDatabase } from "@/lib/data/health";
import { replicaHealth } from "@/lib/db/client";
import { APP_VERSION } from "@/lib/version";

export const GET = withApi({ isRateLimited: false }, async () => {
  const database = await checkDatabase();
  const replica = replicaHealth();
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
      ...(replica ? { replica } : {}),
    },
    { status: database.isHealthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
