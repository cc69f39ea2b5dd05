/**
 * Loads régions, départements, EPCI, communes and postcodes into the database. Idempotent: rows
 * already as wanted are left alone, so a second run reports everything unchanged. One
 * transaction: a failure leaves the database as it was.
 */
import type { Db } from "@/lib/db/client";
import { chunks, diffRows, type RowChanges } from "@/lib/reference/sync";
import type { ReferenceData } from "@/lib/reference/decoupage";

export interface EntityCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface ReferenceLoadReport {
  regions: EntityCounts;
  departements: EntityCounts;
  epcis: EntityCounts;
  communes: EntityCounts;
  postcodes: EntityCounts & { removed: number };
}

const BATCH = 500;

function counts<T>(changes: RowChanges<T>): EntityCounts {
  return { created: changes.create.length, updated: changes.update.length, unchanged: changes.unchanged };
}

const byKey = <T, K extends keyof T>(rows: T[], key: K) => new Map(rows.map((row) => [String(row[key]), row]));

export async function loadReferenceData(db: Db, data: ReferenceData): Promise<ReferenceLoadReport> {
  return db.$transaction(
    async (tx) => {
      const regions = diffRows(byKey(await tx.region.findMany(), "code"), data.regions, (row) => row.code);
      for (const batch of chunks(regions.create, BATCH)) await tx.region.createMany({ data: batch });
      for (const row of regions.update) await tx.region.update({ where: { code: row.code }, data: row });

      const departements = diffRows(
        byKey(await tx.departement.findMany(), "code"),
        data.departements,
        (row) => row.code,
      );
      for (const batch of chunks(departements.create, BATCH)) await tx.departement.createMany({ data: batch });
      for (const row of departements.update) await tx.departement.update({ where: { code: row.code }, data: row });

      const epcis = diffRows(byKey(await tx.epci.findMany(), "siren"), data.epcis, (row) => row.siren);
      for (const batch of chunks(epcis.create, BATCH)) await tx.epci.createMany({ data: batch });
      for (const row of epcis.update) await tx.epci.update({ where: { siren: row.siren }, data: row });

      const communes = diffRows(
        byKey(
          await tx.commune.findMany({
            select: {
              inseeCode: true,
              name: true,
              searchName: true,
              kind: true,
              parentInseeCode: true,
              departementCode: true,
              regionCode: true,
              epciSiren: true,
              population: true,
            },
          }),
          "inseeCode",
        ),
        data.communes,
        (row) => row.inseeCode,
      );
      for (const batch of chunks(communes.create, BATCH)) await tx.commune.createMany({ data: batch });
      for (const row of communes.update) await tx.commune.update({ where: { inseeCode: row.inseeCode }, data: row });

      const postcodeKey = (row: { postcode: string; inseeCode: string }) => `${row.postcode}|${row.inseeCode}`;
      const existingPostcodes = await tx.communePostcode.findMany();
      const postcodes = diffRows(new Map(existingPostcodes.map((row) => [postcodeKey(row), row])), data.postcodes, postcodeKey);
      for (const batch of chunks(postcodes.create, BATCH)) await tx.communePostcode.createMany({ data: batch });
      const wanted = new Set(data.postcodes.map(postcodeKey));
      const stale = existingPostcodes.filter((row) => !wanted.has(postcodeKey(row)));
      for (const row of stale) {
        await tx.communePostcode.delete({ where: { postcode_inseeCode: { postcode: row.postcode, inseeCode: row.inseeCode } } });
      }

      return {
        regions: counts(regions),
        departements: counts(departements),
        epcis: counts(epcis),
        communes: counts(communes),
        postcodes: { ...counts(postcodes), removed: stale.length },
      };
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
}

export function formatReferenceReport(report: ReferenceLoadReport): string {
  return Object.entries(report)
    .map(([entity, c]) => `${entity}: created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}`)
    .join("\n");
}
