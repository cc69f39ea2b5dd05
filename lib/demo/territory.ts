/**
 * The demo territory: the real communes of the Ain (01) with their real INSEE codes, names and
 * postcodes. The reference data has no positions: the main towns are placed at their real
 * coordinates, the other communes at a stable made-up point inside the département's bounds.
 */
import type { ReferenceData } from "@/lib/reference/decoupage";
import { seededRandom, type SyntheticCommune } from "@/lib/demo/synthetic";

export const DEMO_DEPARTEMENT = "01";

/** Approximate town-hall positions of the Ain's main towns (lat, lon). */
const KNOWN_POSITIONS: Readonly<Record<string, [number, number]>> = {
  "01053": [46.2052, 5.2255], // Bourg-en-Bresse
  "01283": [46.2561, 5.6556], // Oyonnax
  "01004": [45.9582, 5.3589], // Ambérieu-en-Bugey
  "01033": [46.1083, 5.8256], // Valserhône
  "01173": [46.3331, 6.0578], // Gex
  "01034": [45.7594, 5.6886], // Belley
  "01427": [45.9406, 4.7722], // Trévoux
  "01249": [45.8256, 4.9536], // Miribel
  "01354": [46.2436, 6.0253], // Saint-Genis-Pouilly
  "01143": [46.3569, 6.1428], // Divonne-les-Bains
  "01160": [46.2558, 6.1081], // Ferney-Voltaire
  "01093": [46.1181, 4.9569], // Châtillon-sur-Chalaronne
  "01262": [45.8508, 5.0572], // Montluel
  "01269": [46.1533, 5.6083], // Nantua
};

const BOUNDS = { minLat: 45.62, maxLat: 46.5, minLon: 4.75, maxLon: 6.15 };

export function demoCommunes(reference: ReferenceData): SyntheticCommune[] {
  const postcodes = new Map<string, string>();
  for (const row of reference.postcodes) if (!postcodes.has(row.inseeCode)) postcodes.set(row.inseeCode, row.postcode);
  const random = seededRandom(2026);
  return reference.communes
    .filter((commune) => commune.departementCode === DEMO_DEPARTEMENT && commune.kind === "COMMUNE")
    .map((commune) => {
      const made = [BOUNDS.minLat + random() * (BOUNDS.maxLat - BOUNDS.minLat), BOUNDS.minLon + random() * (BOUNDS.maxLon - BOUNDS.minLon)];
      const [lat, lon] = KNOWN_POSITIONS[commune.inseeCode] ?? made;
      return { inseeCode: commune.inseeCode, name: commune.name, postcode: postcodes.get(commune.inseeCode) ?? "01000", lat: lat!, lon: lon! };
    });
}
