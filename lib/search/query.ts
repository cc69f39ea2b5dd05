/**
 * A typed query split into what can be matched. Communes use its words and digit groups; the
 * address search reads a house number with its suffix ("12bis", "12 b", "12 ter"), a postcode,
 * and the other words as terms, abbreviations spelled out and small words dropped.
 */
import { canonicalSuffix } from "@/lib/search/address-key";
import { expandCommuneAbbreviations, normalizeText } from "@/lib/text/normalize";
import { SMALL_WORDS, STREET_ABBREVIATIONS } from "@/lib/text/street";

export interface AddressTerm {
  /** The word as typed (normalised). */
  word: string;
  /** What it may stand for: "av" → ["avenue"], "zi" → ["zone industrielle"]. */
  expansions: string[];
  /** The last word while typing: it may be the start of a longer word. */
  prefix: boolean;
}

export interface AddressQuery {
  number: number | null;
  /** bis, ter, quater, a, c… (b and t read as bis and ter) */
  suffix: string | null;
  postcode: string | null;
  terms: AddressTerm[];
}

export interface ParsedQuery {
  /** Words, accents and case removed, abbreviations spelled out. */
  words: string[];
  /** Digit groups of 2 to 5 characters: postcode or INSEE code prefixes. */
  numbers: string[];
  address: AddressQuery;
}

export function parseQuery(input: string): ParsedQuery {
  const tokens = normalizeText(input).split(" ").filter(Boolean);
  const numbers = tokens.filter((token) => /^\d{2,5}$/.test(token));
  const words = expandCommuneAbbreviations(tokens.filter((token) => !/^\d+$/.test(token)));
  return { words, numbers, address: parseAddressQuery(tokens, /\s$/.test(input)) };
}

function parseAddressQuery(tokens: string[], endsWithSpace: boolean): AddressQuery {
  let number: number | null = null;
  let suffix: string | null = null;
  let postcode: string | null = null;
  const words: string[] = [];
  for (let index = 0; index < tokens.length; index += 1) {
    const token = tokens[index]!;
    if (/^\d{5}$/.test(token) && postcode === null) {
      postcode = token;
      continue;
    }
    const numbered = /^(\d{1,4})([a-z]*)$/.exec(token);
    if (numbered && number === null) {
      number = Number(numbered[1]);
      suffix = canonicalSuffix(numbered[2] ?? "");
      // "12 b", "12 bis": the next word is the suffix when it is one.
      const next = tokens[index + 1];
      const separate = next === undefined ? null : canonicalSuffix(next, false);
      if (!suffix && separate && (next!.length > 1 || index + 2 < tokens.length)) {
        suffix = separate;
        index += 1;
      }
      continue;
    }
    if (/^\d+$/.test(token)) continue;
    words.push(token);
  }
  const meaningful = words.filter((word) => !SMALL_WORDS.has(word));
  const terms = meaningful.map((word, index) => {
    const expansion = STREET_ABBREVIATIONS[word];
    return {
      word,
      expansions: expansion && expansion !== word ? [expansion] : [],
      prefix: index === meaningful.length - 1 && !endsWithSpace && tokens[tokens.length - 1] === word,
    };
  });
  return { number, suffix, postcode, terms };
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return query.words.length === 0 && query.numbers.length === 0 && query.address.terms.length === 0;
}
