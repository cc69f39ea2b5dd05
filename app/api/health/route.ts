/** GET /api/health — 200 when the database answers, 503 when it does not; never cached. */
import { withApi } from "@/lib/api/handler";
import { checkDatabase } from "@/lib/data/health";
import { APP_VERSION } from "@/lib/version";

export const GET = withApi({ isRateLimited: false }, async () => {
  const database = await checkDatabase();
  const isHealthy = database.isReachable;
  return Response.json(
    {
      status: isHealthy ? "ok" : "unavailable",
      version: APP_VERSION,
      database: { provider: database.provider, reachable: database.isReachable, latencyMs: database.latencyMs },
    },
    { status: isHealthy ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
