import "server-only";
/**
 * SIRENE establishments as the public may see them. Only active, diffusible establishments are ever stored
 * (lib/import/sirene*.ts drops the others), so every read here is safe to show; a SIRET that is not found
 * reads exactly like one that does not exist.
 */
import { db, type DbTransaction } from "@/lib/db/client";

export interface EstablishmentSummary {
  siret: string;
  siren: string;
  /** The trade name when there is one, else the legal name, else null. */
  name: string | null;
  tradeName: string | null;
  legalName: string | null;
  activityCode: string | null;
  inseeCode: string;
  addressId: string | null;
  matchMethod: string | null;
}

const SIRET = /^\d{14}$/;
/** Reads per query: well under SQLite's bound-parameter limit. */
const CHUNK = 500;

/** A SIRET as typed ("552 100 554 00010") → its 14 digits, or null when it is not one. */
export function normaliseSiret(value: string): string | null {
  const digits = value.replace(/[\s.\u00a0\u202f-]/g, "");
  return SIRET.test(digits) ? digits : null;
}

function summarise(row: {
  siret: string; siren: string; tradeName: string | null; legalName: string | null; activityCode: string | null;
  inseeCode: string; addressId: string | null; matchMethod: string | null;
}): EstablishmentSummary {
  return { ...row, name: row.tradeName ?? row.legalName };
}

const SUMMARY = {
  siret: true, siren: true, tradeName: true, legalName: true, activityCode: true, inseeCode: true, addressId: true, matchMethod: true,
} as const;

export async function findEstablishment(siret: string, client: DbTransaction = db): Promise<EstablishmentSummary | null> {
  const row = await client.establishment.findUnique({ where: { siret }, select: SUMMARY });
  return row ? summarise(row) : null;
}

/** The known establishments among these SIRETs (14 digits each), by SIRET. Unknown ones are absent. */
export async function findEstablishmentsBySiret(
  sirets: readonly string[],
  client: DbTransaction = db,
): Promise<Map<string, EstablishmentSummary>> {
  const found = new Map<string, EstablishmentSummary>();
  const unique = [...new Set(sirets)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const rows = await client.establishment.findMany({ where: { siret: { in: unique.slice(start, start + CHUNK) } }, select: SUMMARY });
    for (const row of rows) found.set(row.siret, summarise(row));
  }
  return found;
}
