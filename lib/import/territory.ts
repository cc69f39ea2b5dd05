/**
 * An import limited to a territory (an organisation's communes): lines elsewhere are rejected,
 * one Set lookup each, and withdrawals only reach facts of those communes. Facts with no address
 * cannot be placed in a commune: a limited import never withdraws them.
 */
import { runIn, type SqlValue } from "@/lib/import/store/sql-store";
import type { ImportContext } from "@/lib/import/types";

/** Why a line of this commune is rejected, or null when the import may touch it. */
export function outsideTerritory(territory: ReadonlySet<string> | null, inseeCode: string): string | null {
  return territory === null || territory.has(inseeCode) ? null : `commune ${inseeCode} hors du territoire de l'organisation`;
}

/** SQL condition: the row's address is in one of the communes of `inList`. */
export const addressInCommunes = (inList: string) => `"addressId" IN (SELECT "id" FROM "Address" WHERE "inseeCode" IN ${inList})`;

/**
 * Runs an UPDATE whose SQL gets the territory condition to add (`inList` of INSEE codes, null
 * without territory); returns the rows changed. `params` come before the INSEE codes.
 */
export async function runInTerritory(
  context: ImportContext,
  sql: (inList: string | null) => string,
  params: readonly SqlValue[],
): Promise<number> {
  if (context.territory === null) return context.store.run(sql(null), [...params]);
  return runIn(context.store, (inList) => sql(inList), [...context.territory], params);
}
