/**
 * The street key that lets an IPE or Arcep line ("AV", "D ALSACE LORRAINE") find its BAN address
 * ("Avenue d'Alsace-Lorraine"): normalised text, street-type abbreviations spelled out, small
 * words dropped. Both sides of a match go through the same function.
 */
import { memoizeString } from "@/lib/text/memo";
import { normalizeText } from "@/lib/text/normalize";

/** Abbreviations of French street types and common words (FANTOIR/AFNOR usage). */
export const STREET_ABBREVIATIONS: Readonly<Record<string, string>> = {
  all: "allee",
  av: "avenue",
  ave: "avenue",
  bd: "boulevard",
  bld: "boulevard",
  bvd: "boulevard",
  bout: "boulevard",
  car: "carrefour",
  ch: "chemin",
  che: "chemin",
  chem: "chemin",
  cite: "cite",
  crs: "cours",
  cr: "cours",
  fg: "faubourg",
  fbg: "faubourg",
  ham: "hameau",
  imp: "impasse",
  lot: "lotissement",
  mte: "montee",
  pass: "passage",
  pl: "place",
  plt: "placette",
  prom: "promenade",
  qu: "quai",
  qua: "quartier",
  r: "rue",
  res: "residence",
  rle: "ruelle",
  rpt: "rond point",
  rte: "route",
  sq: "square",
  sen: "sentier",
  st: "saint",
  ste: "sainte",
  tra: "traverse",
  vla: "villa",
  za: "zone artisanale",
  zac: "zone d amenagement concerte",
  zi: "zone industrielle",
  zone: "zone",
  gal: "general",
  gen: "general",
  mal: "marechal",
  pdt: "president",
  dr: "docteur",
};

export const SMALL_WORDS: ReadonlySet<string> = new Set(["de", "du", "des", "d", "la", "le", "les", "l", "a", "au", "aux", "et", "en", "sur", "sous"]);

/** Normalised words, abbreviations spelled out (small words kept: useful for search display). */
/** Memoised (importers see the same street on line after line): the array is shared, never change it. */
export const expandStreetWords: (text: string) => readonly string[] = memoizeString((text) =>
  Object.freeze(
    normalizeText(text)
      .split(" ")
      .filter(Boolean)
      .flatMap((word) => (STREET_ABBREVIATIONS[word] ?? word).split(" ")),
  ),
);

/** The matching key of a street name, optionally preceded by its type ("AV" + "ALSACE LORRAINE"). */
export function streetKey(name: string, type = ""): string {
  return streetKeyOf(`${type} ${name}`);
}

const streetKeyOf = memoizeString((text) =>
  expandStreetWords(text)
    .filter((word) => !SMALL_WORDS.has(word))
    .join(" "),
);

/** Suffix of a number (bis, ter, a…) in one spelling: lower case, no accents or spaces; null when none. */
export function normalizeSuffix(suffix: string): string | null {
  const value = normalizeText(suffix).replace(/\s/g, "");
  return value || null;
}

const SUFFIX_EQUIVALENTS: Readonly<Record<string, string>> = { b: "bis", bis: "b", t: "ter", ter: "t", q: "quater", quater: "q" };

/** The suffixes a file may write for the same address: "B" may be "bis", "bis" may be "B". */
export function suffixVariants(suffix: string | null): (string | null)[] {
  if (!suffix) return [null];
  const equivalent = SUFFIX_EQUIVALENTS[suffix];
  return equivalent ? [suffix, equivalent] : [suffix];
}
