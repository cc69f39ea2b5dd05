/**
 * The searchable text of an address, written by the importers into "Address"."searchKey" and
 * indexed by the database (FTS5 on SQLite, trigrams on PostgreSQL): number, suffix in one
 * spelling, street and locality with abbreviations spelled out, postcode, commune —
 * "12 bis avenue general de gaulle 01000 bourg en bresse". Queries go through the same words.
 */
import { normalizeText } from "@/lib/text/normalize";
import { expandStreetWords } from "@/lib/text/street";

/** Suffix spellings: the usual abbreviations, and the words written apart from the number. */
const SUFFIXES: Readonly<Record<string, string>> = {
  b: "bis",
  bis: "bis",
  t: "ter",
  ter: "ter",
  q: "quater",
  qua: "quater",
  quater: "quater",
  quinquies: "quinquies",
};

/**
 * "B" → "bis", "Ter" → "ter", "a" → "a"; null for none. `attached` suffixes ("12c") may be any
 * one or two letters; a separate word only counts when it is a known suffix word.
 */
export function canonicalSuffix(text: string, attached = true): string | null {
  const value = normalizeText(text).replace(/\s/g, "");
  if (!value) return null;
  const known = SUFFIXES[value];
  if (known) return known;
  return attached && /^[a-z]{1,2}$/.test(value) ? value : null;
}

export interface SearchableAddress {
  number: number | null;
  suffix: string | null;
  street: string;
  locality: string | null;
  postcode: string | null;
  communeName: string;
}

export function addressSearchKey(address: SearchableAddress): string {
  return [
    address.number ?? "",
    address.suffix ? (canonicalSuffix(address.suffix) ?? "") : "",
    ...expandStreetWords(address.street),
    ...(address.locality ? expandStreetWords(address.locality) : []),
    address.postcode ?? "",
    normalizeText(address.communeName),
  ]
    .filter((part) => part !== "")
    .join(" ");
}

/**
 * The searchable text of an activity zone: its name as written and spelled out ("za des
 * granges zone artisanale") and its commune, each word once.
 */
export function zoneSearchName(name: string, communeName: string | null): string {
  const words = [...normalizeText(name).split(" "), ...expandStreetWords(name), ...normalizeText(communeName ?? "").split(" ")];
  return [...new Set(words.filter(Boolean))].join(" ");
}
