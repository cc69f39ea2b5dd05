import { memoizeString } from "@/lib/text/memo";

/**
 * Text normalisation shared by the search keys stored in the database and the queries typed by
 * users: no accents, lower case, ligatures spelled out, anything else than letters and digits
 * turned into single spaces. "Saint-Étienne" → "saint etienne", "L'Haÿ-les-Roses" → "l hay les roses".
 * Memoised: importers call it on the same street and commune names line after line.
 */
export const normalizeText: (input: string) => string = memoizeString(normalizeUncached);

function normalizeUncached(input: string): string {
  return input
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Abbreviations people type for the words that start commune names. */
const COMMUNE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  st: "saint",
  ste: "sainte",
  sts: "saints",
  stes: "saintes",
};

export function expandCommuneAbbreviations(words: readonly string[]): string[] {
  return words.map((word) => COMMUNE_ABBREVIATIONS[word] ?? word);
}
