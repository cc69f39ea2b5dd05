import "server-only";
import { db } from "@/lib/db/client";

export type CommuneDetails = NonNullable<Awaited<ReturnType<typeof getCommune>>>;

/** A commune with its territory (département, région, EPCI, parent commune) and postcodes. */
export async function getCommune(inseeCode: string) {
  if (!/^[0-9][0-9AB][0-9]{3}$/.test(inseeCode)) return null;
  const commune = await db.commune.findUnique({
    where: { inseeCode },
    select: {
      inseeCode: true,
      name: true,
      kind: true,
      population: true,
      parentInseeCode: true,
      departement: { select: { code: true, name: true } },
      region: { select: { code: true, name: true } },
      epci: { select: { siren: true, name: true, type: true } },
      postcodes: { select: { postcode: true }, orderBy: { postcode: "asc" } },
    },
  });
  if (!commune) return null;
  const parent = commune.parentInseeCode
    ? await db.commune.findUnique({ where: { inseeCode: commune.parentInseeCode }, select: { inseeCode: true, name: true } })
    : null;
  return { ...commune, parent, postcodes: commune.postcodes.map((row) => row.postcode) };
}
