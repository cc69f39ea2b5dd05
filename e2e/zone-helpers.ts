/** Zone form helpers shared by the zone specs and the zone manager's journey. */
import type { Page } from "@playwright/test";
import { expect } from "./admin-fixtures";

/** A square around (lon, lat), `half` degrees each side, as a GeoJSON Feature. */
export const squareFeature = (lon: number, lat: number, half: number) =>
  JSON.stringify({
    type: "Feature",
    properties: { site_nom: "Fichier de test" },
    geometry: {
      type: "Polygon",
      coordinates: [[[lon - half, lat - half], [lon + half, lat - half], [lon + half, lat + half], [lon - half, lat + half], [lon - half, lat - half]]],
    },
  });

export async function fillDetails(page: Page, name: string) {
  await page.getByLabel("Nom de la zone").fill(name);
  await page.getByLabel("État").selectOption("en projet");
  await page.getByLabel("Vocation").selectOption("artisanale");
  await page.getByLabel("Contact pour les entreprises").fill("Service économie, 04 74 00 00 00");
}

/** Draws a square of 2 × `half` pixels around the map's centre with Geoman's polygon tool. */
export async function drawSquare(page: Page, half: number) {
  const map = page.getByRole("region", { name: "Carte de dessin du contour de la zone" });
  await expect(map.locator(".leaflet-container")).toBeVisible();
  await map.getByTitle("Dessiner des polygones").click();
  const box = (await map.locator(".leaflet-container").boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  for (const [dx, dy] of [[-half, -half], [half, -half], [half, half], [-half, half], [-half, -half]] as const) {
    await page.mouse.click(x + dx, y + dy);
  }
}

export async function savedZoneId(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/admin\/zones\/[^/?]+\?enregistree=1/);
  return decodeURIComponent(new URL(page.url()).pathname.split("/").pop()!);
}
