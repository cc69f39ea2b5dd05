import { describe, expect, it } from "vitest";
import { expandCommuneAbbreviations, normalizeText } from "./normalize";

describe("normalizeText", () => {
  it.each([
    ["Saint-Étienne", "saint etienne"],
    ["saint-eti", "saint eti"],
    ["  L'Haÿ-les-Roses ", "l hay les roses"],
    ["Œuilly", "oeuilly"],
    ["ÉVRY—COURCOURONNES", "evry courcouronnes"],
    ["Marseille 1er Arrondissement", "marseille 1er arrondissement"],
    ["42000", "42000"],
    ["!!!", ""],
  ])("%s → %s", (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe("expandCommuneAbbreviations", () => {
  it("spells out st and ste, leaves other words alone", () => {
    expect(expandCommuneAbbreviations(["st", "etienne"])).toEqual(["saint", "etienne"]);
    expect(expandCommuneAbbreviations(["ste", "foy", "les", "lyon"])).toEqual(["sainte", "foy", "les", "lyon"]);
    expect(expandCommuneAbbreviations(["stains"])).toEqual(["stains"]);
  });
});
