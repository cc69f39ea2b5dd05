/** Checks shared by the importers' line validation. */
import type { CsvRecord } from "@/lib/import/csv";
import type { SqlStore } from "@/lib/import/store/sql-store";

/** Fields longer than this make a line suspect (a broken quote swallowing the file, a binary blob). */
export const MAX_FIELD_LENGTH = 1_000;

export function fieldTooLong(record: CsvRecord): string | null {
  return record.maxFieldLength > MAX_FIELD_LENGTH
    ? `un champ fait ${record.maxFieldLength.toLocaleString("fr-FR")} caractères (${MAX_FIELD_LENGTH.toLocaleString("fr-FR")} au plus)`
    : null;
}

/** INSEE codes of the communes in the reference data: 35,000 short strings whatever the file size. */
export async function loadCommunes(store: SqlStore): Promise<Map<string, { name: string; postcodes: string[] }>> {
  const rows = await store.all<{ inseeCode: string; name: string; postcode: string | null }>(
    `SELECT c."inseeCode", c."name", p."postcode" FROM "Commune" c LEFT JOIN "CommunePostcode" p ON p."inseeCode" = c."inseeCode"`,
  );
  if (rows.length === 0) throw new Error("The database holds no communes: run `npm run db:setup` before importing.");
  const communes = new Map<string, { name: string; postcodes: string[] }>();
  for (const row of rows) {
    const commune = communes.get(row.inseeCode) ?? { name: row.name, postcodes: [] };
    if (row.postcode) commune.postcodes.push(row.postcode);
    communes.set(row.inseeCode, commune);
  }
  return communes;
}

/** An integer written in a file ("12", "012"); null when empty, NaN when not an integer. */
export function parseInteger(value: string): number | null {
  if (value.trim() === "") return null;
  return /^\d+$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
}
