import "server-only";
/**
 * What the /etablissement/<siret> page shows of an establishment its address could not be matched
 * to: its names and its address as SIRENE states it, with its commune. Only active, diffusible
 * establishments are stored (lib/data/establishments.ts), so whatever is found may be shown.
 */
import { db, type DbTransaction } from "@/lib/db/client";
import { findEstablishment, normaliseSiret, type EstablishmentSummary } from "@/lib/data/establishments";

export interface EstablishmentDetails extends EstablishmentSummary {
  /** "12 B RUE DE LA GARE, 01000 BOURG-EN-BRESSE" as SIRENE writes it; "" when it states none. */
  statedAddress: string;
  /** The commune's name in the reference data (else SIRENE's), for the link to its page. */
  communeName: string;
}

export async function getEstablishmentDetails(siret: string, client: DbTransaction = db): Promise<EstablishmentDetails | null> {
  const summary = await findEstablishment(siret, client);
  if (!summary) return null;
  const [row, commune] = await Promise.all([
    client.establishment.findUnique({
      where: { siret },
      select: { number: true, suffix: true, streetType: true, street: true, postcode: true, communeName: true },
    }),
    client.commune.findUnique({ where: { inseeCode: summary.inseeCode }, select: { name: true } }),
  ]);
  const street = [row?.number, row?.suffix, row?.streetType, row?.street].filter((part) => part !== null && part !== undefined && part !== "").join(" ");
  const town = [row?.postcode, row?.communeName].filter(Boolean).join(" ");
  return {
    ...summary,
    statedAddress: [street, town].filter(Boolean).join(", "),
    communeName: commune?.name ?? row?.communeName ?? summary.inseeCode,
  };
}

/**
 * The establishment a `?siret=` names on an address page, only when it is linked to that very
 * address; null for anything else (malformed, unknown, another address's): the page then ignores it.
 */
export async function getEstablishmentAtAddress(
  rawSiret: string | undefined,
  addressId: string,
  client: DbTransaction = db,
): Promise<EstablishmentSummary | null> {
  const siret = rawSiret ? normaliseSiret(rawSiret) : null;
  if (!siret) return null;
  const establishment = await findEstablishment(siret, client);
  return establishment?.addressId === addressId ? establishment : null;
}
