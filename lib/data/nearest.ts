import "server-only";
/** The address nearest to a point, within a radius: a box on the (lat, lon) index, then true distances. */
import { rawSelect } from "@/lib/db/raw";
import { formatAddressLabel } from "@/lib/text/address-label";

const EARTH_RADIUS_M = 6_371_000;
const CANDIDATES = 2_000;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const toRadians = (degrees: number) => (degrees * Math.PI) / 180;
  const dLat = toRadians(lat2 - lat1);
  const dLon = toRadians(lon2 - lon1);
  const a = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(lat1)) * Math.cos(toRadians(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
}

export async function findNearestAddress(lat: number, lon: number, radiusMetres: number) {
  const dLat = (radiusMetres / EARTH_RADIUS_M) * (180 / Math.PI);
  const dLon = dLat / Math.max(0.01, Math.cos((lat * Math.PI) / 180));
  const rows = await rawSelect<{
    id: string; number: number | null; suffix: string | null; street: string; postcode: string | null; communeName: string; inseeCode: string; lat: number; lon: number;
  }>(
    `SELECT "id", "number", "suffix", "street", "postcode", "communeName", "inseeCode", "lat", "lon" FROM "Address"
      WHERE "lat" BETWEEN ? AND ? AND "lon" BETWEEN ? AND ? LIMIT ${CANDIDATES}`,
    [lat - dLat, lat + dLat, lon - dLon, lon + dLon],
  );
  let best: { row: (typeof rows)[number]; distance: number } | null = null;
  for (const row of rows) {
    const distance = distanceMetres(lat, lon, Number(row.lat), Number(row.lon));
    if (distance <= radiusMetres && (!best || distance < best.distance || (distance === best.distance && row.id < best.row.id))) best = { row, distance };
  }
  if (!best) return null;
  return {
    address: { id: best.row.id, label: formatAddressLabel(best.row), inseeCode: best.row.inseeCode, lat: Number(best.row.lat), lon: Number(best.row.lon) },
    distance: Math.round(best.distance * 10) / 10,
  };
}
