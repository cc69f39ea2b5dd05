import "server-only";
/** What has been loaded, source by source: the latest file and when it was imported (the data's freshness). */
import { db } from "@/lib/db/client";

export async function getSourceFreshness() {
  const groups = await db.importRun.groupBy({
    by: ["format", "sourceName"],
    where: { status: "SUCCEEDED", isDryRun: false },
    _max: { fileDate: true, finishedAt: true },
    orderBy: { _max: { finishedAt: "desc" } },
  });
  return groups.map((group) => ({
    format: group.format,
    sourceName: group.sourceName,
    fileDate: group._max.fileDate,
    importedAt: group._max.finishedAt,
  }));
}
