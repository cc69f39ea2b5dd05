import { describe, expect, it } from "vitest";
import { ZSearchQuery } from "./search";

describe("ZSearchQuery", () => {
  it("trims q and defaults limit", () => {
    expect(ZSearchQuery.parse({ q: "  saint-eti " })).toEqual({ q: "saint-eti", limit: 8 });
  });

  it("coerces limit from the query string", () => {
    expect(ZSearchQuery.parse({ q: "lyon", limit: "3" })).toEqual({ q: "lyon", limit: 3 });
  });

  it.each([
    [{}, "Le paramètre q est obligatoire."],
    [{ q: "   " }, "Saisissez au moins un caractère."],
    [{ q: "x".repeat(101) }, "La recherche est limitée à 100 caractères."],
    [{ q: "lyon", limit: "0" }, "limit doit être compris entre 1 et 20."],
    [{ q: "lyon", limit: "21" }, "limit doit être compris entre 1 et 20."],
    [{ q: "lyon", limit: "abc" }, "limit doit être un nombre entier."],
    [{ q: "lyon", limit: "2.5" }, "limit doit être un nombre entier."],
  ])("refuses %j in French", (input, message) => {
    const parsed = ZSearchQuery.safeParse(input);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe(message);
  });
});
