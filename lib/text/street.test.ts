import { describe, expect, it } from "vitest";
import { normalizeSuffix, streetKey, suffixVariants } from "./street";

describe("streetKey", () => {
  it("gives a BAN name and an IPE type + name the same key", () => {
    expect(streetKey("Avenue d'Alsace-Lorraine")).toBe("avenue alsace lorraine");
    expect(streetKey("D ALSACE LORRAINE", "AV")).toBe("avenue alsace lorraine");
    expect(streetKey("ALSACE LORRAINE", "AVENUE")).toBe("avenue alsace lorraine");
  });

  it("spells out abbreviations and drops small words", () => {
    expect(streetKey("Bd du Général de Gaulle")).toBe("boulevard general gaulle");
    expect(streetKey("BLD GAL DE GAULLE")).toBe("boulevard general gaulle");
    expect(streetKey("Rte de St-Étienne")).toBe("route saint etienne");
    expect(streetKey("Place du Pese Lait")).toBe("place pese lait");
    expect(streetKey("ZI des Bruyères")).toBe("zone industrielle bruyeres");
  });
});

describe("suffixes", () => {
  it("normalises and lists the equivalent spellings", () => {
    expect(normalizeSuffix(" BIS ")).toBe("bis");
    expect(normalizeSuffix("")).toBeNull();
    expect(suffixVariants("b")).toEqual(["b", "bis"]);
    expect(suffixVariants("ter")).toEqual(["ter", "t"]);
    expect(suffixVariants("a")).toEqual(["a"]);
    expect(suffixVariants(null)).toEqual([null]);
  });
});
