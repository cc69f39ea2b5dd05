import { describe, expect, it } from "vitest";
import { parseQuery } from "./query";
import { streetPrefix } from "./street-prefix";

const prefixOf = (typed: string) => streetPrefix(parseQuery(typed).address);

describe("streetPrefix", () => {
  it("reads the street typed after the number as the start of a street key", () => {
    // Small words dropped, as in the key; the last word is still being typed.
    expect(prefixOf("7 Impasse du Ru")).toEqual({ number: 7, from: "impasse ru", to: "impasse ru{" });
    expect(prefixOf("14 Route d'O")).toEqual({ number: 14, from: "route o", to: "route o{" });
    expect(prefixOf("9 Lotissement Sainte-")).toEqual({ number: 9, from: "lotissement sainte", to: "lotissement sainte{" });
    // The suffix is not part of the street key: every suffix of the number is in the range.
    expect(prefixOf("20 ter Chemin Sain")).toEqual({ number: 20, from: "chemin sain", to: "chemin sain{" });
  });

  it("spells out the abbreviations the key spells out, and keeps a last word being typed as typed", () => {
    expect(prefixOf("12 av de la r")).toEqual({ number: 12, from: "avenue r", to: "avenue r{" });
    expect(prefixOf("3 r du gal de g")).toEqual({ number: 3, from: "rue general g", to: "rue general g{" });
    // Spelled out as the key is: small words dropped.
    expect(prefixOf("4 zac des p")).toEqual({ number: 4, from: "zone amenagement concerte p", to: "zone amenagement concerte p{" });
    // "av" being typed: its spelled-out form begins with it, the range holds both.
    expect(prefixOf("5 av")).toEqual({ number: 5, from: "av", to: "av{" });
  });

  it("ends at the whole last word once it is typed", () => {
    // "!" sorts right after the space: "impasse ru" and "impasse ru vert", not "impasse rue".
    expect(prefixOf("7 impasse du ru ")).toEqual({ number: 7, from: "impasse ru", to: "impasse ru!" });
    expect(prefixOf("12 bd ")).toEqual({ number: 12, from: "boulevard", to: "boulevard!" });
  });

  it("has no range without a number or a word, with a postcode, or for a last word whose long form does not begin with it", () => {
    expect(prefixOf("rue de la paix")).toBeNull();
    expect(prefixOf("12")).toBeNull();
    expect(prefixOf("12 rue de la paix 75002")).toBeNull();
    // "bd" being typed is "bd…" or "boulevard": two ranges; the full-text index answers.
    expect(prefixOf("12 bd")).toBeNull();
  });
});
