import { describe, expect, it } from "vitest";
import { keyCheckSql, keyPatterns, splitTerms } from "./common-words";
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

  it("writes one AND clause per checked term, its patterns OR'd, with the database's placeholders in order", () => {
    const [chemin, r] = splitTerms(terms("5 ch noel r")).checked;
    let index = 1;
    const keys = keyCheckSql([chemin!, r!], new Map([[r!, ["ru"]]]), () => `$${++index}`);
    const like = (n: number) => `(' ' || a."searchKey" || ' ') LIKE $${n} ESCAPE '\\'`;
    expect(keys.sql).toBe(` AND (${like(2)} OR ${like(3)}) AND (${like(4)} OR ${like(5)} OR ${like(6)})`);
    expect(keys.params).toEqual(["% ch %", "% chemin %", "% rue %", "% ru %", "% r%"]);
    expect(keyCheckSql([], new Map(), () => "?")).toEqual({ sql: "", params: [] });
  });
});
