/** A typed query split into what can be matched: words (normalised) and numbers (postcode, INSEE). */
import { expandCommuneAbbreviations, normalizeText } from "@/lib/text/normalize";

export interface ParsedQuery {
  /** Words, accents and case removed, abbreviations spelled out. */
  words: string[];
  /** Digit groups of 2 to 5 characters: postcode or INSEE code prefixes. */
  numbers: string[];
}

export function parseQuery(input: string): ParsedQuery {
  const tokens = normalizeText(input).split(" ").filter(Boolean);
  const numbers = tokens.filter((token) => /^\d{2,5}$/.test(token));
  const words = expandCommuneAbbreviations(tokens.filter((token) => !/^\d+$/.test(token)));
  return { words, numbers };
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words.length === 0 && query.numbers.length === 0;
}
