import { describe, expect, it } from "vitest";
import { ZSearchQuery } from "./search";

describe("ZSearchQuery", () => {
  it("trims q and defaults limit", () => {
    expect(ZSearchQuery.parse({ q: "  saint-eti " })).toEqual({ q: "saint-eti", limit: 8 });
  });

  it("coerces limit from the query string", () => {
    expect(ZSearchQuery.parse({ q: "lyon", limit: "3" })).toEqual({ q: "lyon", limit: 3 });
  });

  it("reads the filters: types as a comma-separated list, coordinates as numbers", () => {
    expect(ZSearchQuery.parse({ q: "lyon", type: "establishment,address,establishment", citycode: "2A004", postcode: "69001", lat: "45.7", lon: "4.8" })).toEqual({
      q: "lyon", limit: 8, type: ["establishment", "address"], citycode: "2A004", postcode: "69001", lat: 45.7, lon: 4.8,
    });
  });

  it.each([
    [{}, "Le paramètre q est obligatoire."],
    [{ q: "   " }, "Saisissez au moins un caractère."],
    [{ q: "x".repeat(101) }, "La recherche est limitée à 100 caractères."],
    [{ q: "lyon", limit: "0" }, "limit doit être compris entre 1 et 50."],
    [{ q: "lyon", limit: "51" }, "limit doit être compris entre 1 et 50."],
    [{ q: "lyon", type: "address,foo" }, "type doit valoir address, zone, commune, establishment (plusieurs séparés par des virgules)."],
    [{ q: "lyon", lat: "45.7" }, "lat et lon vont ensemble : indiquez les deux, ou aucun."],
    [{ q: "lyon", limit: "abc" }, "limit doit être un nombre entier."],
    [{ q: "lyon", limit: "2.5" }, "limit doit être un nombre entier."],
  ])("refuses %j in French", (input, message) => {
    const parsed = ZSearchQuery.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});
