import { describe, expect, it } from "vitest";
import { addressSearchKey, canonicalSuffix, zoneSearchName } from "./address-key";
import { isEmptyQuery, parseQuery } from "./query";
import { formatAddressLabel } from "@/lib/text/address-label";

describe("parseQuery", () => {
  it("splits words and postcode digits", () => {
    expect(parseQuery("Saint-Étienne 42000")).toMatchObject({ words: ["saint", "etienne"], numbers: ["42000"] });
  });

  it("expands abbreviations", () => {
    expect(parseQuery("St-Eti")).toMatchObject({ words: ["saint", "eti"], numbers: [] });
  });

  it("drops a lone digit, which matches too much to help", () => {
    expect(parseQuery("4")).toMatchObject({ words: [], numbers: [] });
    expect(isEmptyQuery(parseQuery("4 - ?"))).toBe(true);
  });

  it("keeps a word that contains digits", () => {
    expect(parseQuery("Marseille 1er")).toMatchObject({ words: ["marseille", "1er"], numbers: [] });
  });
});

describe("parseQuery, address part", () => {
  it("reads the number, its suffix attached or apart, and the postcode anywhere", () => {
    for (const q of ["12bis av. de la Gare 01000", "01000 12 bis av de la gare", "12 b av de la gare 01000", "12B AV DE LA GARE 01000"]) {
      expect(parseQuery(q).address).toEqual({
        number: 12,
        suffix: "bis",
        postcode: "01000",
        terms: [
          { word: "av", expansions: ["avenue"], prefix: false },
          { word: "gare", expansions: [], prefix: q.endsWith("gare") },
        ],
      });
    }
    expect(parseQuery("10t rue x").address).toMatchObject({ number: 10, suffix: "ter" });
    expect(parseQuery("3c rue x").address).toMatchObject({ number: 3, suffix: "c" });
  });

  it("leaves a lone letter being typed after the number as the start of a word", () => {
    expect(parseQuery("12 b").address).toMatchObject({ number: 12, suffix: null, terms: [{ word: "b", prefix: true }] });
    expect(parseQuery("12 rue").address).toMatchObject({ number: 12, suffix: null, terms: [{ word: "rue", prefix: true }] });
  });

  it("drops small words and completes only the last word while it is typed", () => {
    expect(parseQuery("rue de la paix ").address.terms).toEqual([
      { word: "rue", expansions: [], prefix: false },
      { word: "paix", expansions: [], prefix: false },
    ]);
    expect(parseQuery("zi du ").address.terms).toEqual([{ word: "zi", expansions: ["zone industrielle"], prefix: false }]);
  });
});

describe("search keys", () => {
  it("writes the searchable text of an address in the words queries use", () => {
    expect(
      addressSearchKey({ number: 12, suffix: "B", street: "Av. du Gal de Gaulle", locality: null, postcode: "01000", communeName: "Bourg-en-Bresse" }),
    ).toBe("12 bis avenue du general de gaulle 01000 bourg en bresse");
    expect(addressSearchKey({ number: null, suffix: null, street: "Les Granges", locality: "Hameau", postcode: null, communeName: "Ceyzériat" })).toBe(
      "les granges hameau ceyzeriat",
    );
    expect(zoneSearchName("ZI de Cenord", "Bourg-en-Bresse")).toBe("zi de cenord zone industrielle bourg en bresse");
  });

  it("reads suffixes in one spelling", () => {
    expect([canonicalSuffix("B"), canonicalSuffix("Ter"), canonicalSuffix("a"), canonicalSuffix("")]).toEqual(["bis", "ter", "a", null]);
    expect(canonicalSuffix("a", false)).toBeNull();
  });

  it("labels an address in French", () => {
    const base = { street: "Rue de la République", postcode: "01000", communeName: "Bourg-en-Bresse" };
    expect(formatAddressLabel({ ...base, number: 12, suffix: "bis" })).toBe("12 bis Rue de la République, 01000 Bourg-en-Bresse");
    expect(formatAddressLabel({ ...base, number: 3, suffix: "a" })).toBe("3A Rue de la République, 01000 Bourg-en-Bresse");
    expect(formatAddressLabel({ ...base, number: null, suffix: null, postcode: null })).toBe("Rue de la République, Bourg-en-Bresse");
  });
});
