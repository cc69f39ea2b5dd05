import "server-only";
import { db } from "@/lib/db/client";
import { withDisplayOutlines } from "@/lib/data/zone-outlines";

export type CommuneDetails = NonNullable<Awaited<ReturnType<typeof getCommune>>>;
export type CommuneZone = Awaited<ReturnType<typeof getCommuneZones>>[number];

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
      lat: true,
      lon: true,
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

/** The commune's activity zones still in use, by name, with their display outlines. */
export async function getCommuneZones(inseeCode: string) {
  const zones = await db.activityZone.findMany({
    where: { inseeCode, archivedAt: null },
    select: { id: true, name: true, state: true, displayOutline: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return withDisplayOutlines(zones);
}

/** The names of these départements, by code (unknown codes are left out). */
export async function getDepartementNames(codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.departement.findMany({ where: { code: { in: [...new Set(codes)] } }, select: { code: true, name: true } });
  return new Map(rows.map((row) => [row.code, row.name]));
}
