import { describe, expect, it } from "vitest";
import { keyPatterns, splitTerms } from "./common-words";
import { parseQuery } from "./query";

const terms = (input: string) => parseQuery(input).address.terms;
const words = (list: { word: string }[]) => list.map((term) => term.word);

describe("common words", () => {
  it("checks common words and a one- or two-letter last word on the key when a selective word remains", () => {
    const { matched, checked } = splitTerms(terms("5 chemin noel r"));
    expect(words(matched)).toEqual(["noel"]);
    expect(words(checked)).toEqual(["chemin", "r"]);
    // An abbreviation of a common word is common too; a longer prefix is matched.
    expect(words(splitTerms(terms("8 bd saint michel pa")).checked)).toEqual(["bd", "saint", "pa"]);
    expect(words(splitTerms(terms("8 bd saint michel par")).matched)).toEqual(["michel", "par"]);
  });

  it("matches every word when all are common", () => {
    expect(splitTerms(terms("7 impasse du ru"))).toEqual({ matched: terms("7 impasse du ru"), checked: [] });
  });

  it("writes whole words between spaces, a typed start after one, with LIKE's wildcards escaped", () => {
    const [chemin, r] = splitTerms(terms("5 ch noel r")).checked;
    expect(keyPatterns(chemin!, [])).toEqual(["% ch %", "% chemin %"]);
    expect(keyPatterns(r!, [])).toEqual(["% rue %", "% r%"]);
    expect(keyPatterns({ word: "a_b%", expansions: [], prefix: true }, ["x\\y"])).toEqual(["% x\\\\y %", "% a\\_b\\%%"]);
  });
});
