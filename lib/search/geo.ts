/** Distances for the search's proximity bias (GET /api/v1/search lat+lon). */

/** Great-circle distance in kilometres (haversine). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Points for being near: up to `weight` at the point, half of it at 5 km, a few hundredths at
 * 500 km. Smaller than what a matched word is worth, so it orders equally good matches and
 * never puts a worse match first.
 */
export function proximityBonus(near: { lat: number; lon: number } | undefined, place: { lat: number | null; lon: number | null }, weight = 8): number {
  if (!near || place.lat === null || place.lon === null) return 0;
  return weight / (1 + distanceKm(near, { lat: Number(place.lat), lon: Number(place.lon) }) / 5);
}
