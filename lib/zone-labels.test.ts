import { describe, expect, it } from "vitest";
import { zoneTypeLabel } from "./zone-labels";

describe("zoneTypeLabel", () => {
  it("spells the CNIG types the portal's way", () => {
    expect(zoneTypeLabel("zone d'activité économique")).toBe("Zone d'activités économiques");
    expect(zoneTypeLabel("Zone d’activité économique")).toBe("Zone d'activités économiques");
    expect(zoneTypeLabel("site économique historique hors ZAE")).toBe("Site économique historique, hors zone d'activités");
    expect(zoneTypeLabel("réserve foncière")).toBe("Réserve foncière");
  });

  it("shows another value as written, capitalised", () => {
    expect(zoneTypeLabel("parc tertiaire")).toBe("Parc tertiaire");
  });
});
