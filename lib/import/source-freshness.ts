/**
 * A file older than the last one applied from the same source would bring stale facts back:
 * refused, with the dates in the message.
 */
import { ImportFileError } from "@/lib/import/errors";
import type { ImportContext } from "@/lib/import/types";

export async function refuseOlderFile(context: ImportContext, sourceKind: string): Promise<void> {
  if (!context.fileDate) return;
  const [latest] = await context.store.all<{ fileName: string; fileDate: string | Date }>(
    `SELECT "fileName", "fileDate" FROM "ImportRun" WHERE "sourceKind" = ? AND "sourceName" = ? AND "status" = 'SUCCEEDED'
       AND "isDryRun" = ? AND "fileDate" IS NOT NULL AND "fileDate" > ? ORDER BY "fileDate" DESC LIMIT 1`,
    [sourceKind, context.sourceName, false, context.fileDate],
  );
  if (latest) {
    const newer = new Date(latest.fileDate).toISOString().slice(0, 10);
    throw new ImportFileError(
      `Un fichier plus récent de « ${context.sourceName} » (${latest.fileName}, du ${newer}) est déjà importé ; celui-ci, du ${context.fileDate
        .toISOString()
        .slice(0, 10)}, ramènerait des informations plus anciennes. Rien n'a été importé.`,
    );
  }
}
