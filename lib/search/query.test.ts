import { describe, expect, it } from "vitest";
import { isEmptyQuery, parseQuery } from "./query";

describe("parseQuery", () => {
  it("splits words and postcode digits", () => {
    expect(parseQuery("Saint-Étienne 42000")).toEqual({ words: ["saint", "etienne"], numbers: ["42000"] });
  });

  it("expands abbreviations", () => {
    expect(parseQuery("St-Eti")).toEqual({ words: ["saint", "eti"], numbers: [] });
  });

  it("drops a lone digit, which matches too much to help", () => {
    expect(parseQuery("4")).toEqual({ words: [], numbers: [] });
    expect(isEmptyQuery(parseQuery("4 - ?"))).toBe(true);
  });

  it("keeps a word that contains digits", () => {
    expect(parseQuery("Marseille 1er")).toEqual({ words: ["marseille", "1er"], numbers: [] });
  });
});
