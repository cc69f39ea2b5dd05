import "server-only";
/**
 * A free-text address of a member list ("12 av Alsace-Lorraine 01000 Bourg") through the search
 * engine's candidates and ranking (lib/search), kept only when it is sure: the stated number and
 * suffix, every word of the street, the postcode when one is written, and one address alone fits.
 * Never the nearest guess: a list that says 33 is not told about 31.
 */
import { db, provider } from "@/lib/db/client";
import { canonicalSuffix } from "@/lib/search/address-key";
import type { AddressCandidate } from "@/lib/search/address-candidates";
import { rankAddresses } from "@/lib/search/addresses";
import { postgresCandidates } from "@/lib/search/addresses-postgres";
import { sqliteCandidates } from "@/lib/search/addresses-sqlite";
import { parseQuery, type AddressTerm } from "@/lib/search/query";
import { SMALL_WORDS, expandStreetWords } from "@/lib/text/street";

/** How sure a free-text match is: every check passed, but the text was read, not keyed. */
export const FREE_TEXT_SCORE = 0.9;

export type FreeTextMatch = { addressId: string; score: number } | { addressId: null; reason: string };

const matches = (term: AddressTerm, word: string) => term.word === word || term.expansions.includes(word);

function isSure(candidate: AddressCandidate, number: number, suffix: string | null, postcode: string | null, terms: readonly AddressTerm[]): boolean {
  if (candidate.number === null || Number(candidate.number) !== number) return false;
  if ((candidate.suffix ? canonicalSuffix(candidate.suffix) : null) !== suffix) return false;
  if (postcode !== null && candidate.postcode !== postcode) return false;
  const streetWords = expandStreetWords(candidate.street).filter((word) => !SMALL_WORDS.has(word));
  return streetWords.every((word) => terms.some((term) => matches(term, word)));
}

/** The one address the text surely names, with its score, or why there is none (French). */
export async function findSureAddress(text: string, inseeCode: string | null): Promise<FreeTextMatch> {
  const parsed = parseQuery(text).address;
  if (parsed.number === null) return { addressId: null, reason: "adresse sans numéro : aucun rattachement sûr" };
  // A list is not typed as you go: the last word is a whole word, not the start of one.
  const query = { ...parsed, terms: parsed.terms.map((term) => ({ ...term, prefix: false })) };
  if (query.terms.length === 0) return { addressId: null, reason: "adresse sans nom de voie" };
  const candidates = provider === "sqlite" ? await sqliteCandidates(db, query) : await postgresCandidates(db, query);
  const sure = rankAddresses(query, candidates).filter(
    (candidate) => (inseeCode === null || candidate.inseeCode === inseeCode) && isSure(candidate, parsed.number!, parsed.suffix, parsed.postcode, query.terms),
  );
  const ids = [...new Set(sure.map((candidate) => candidate.id))];
  if (ids.length === 1) return { addressId: ids[0]!, score: FREE_TEXT_SCORE };
  if (ids.length > 1) {
    const communes = [...new Set(sure.map((candidate) => candidate.communeName))].slice(0, 3).join(", ");
    return { addressId: null, reason: `plusieurs adresses possibles (${communes}) : précisez le code postal ou la commune` };
  }
  return { addressId: null, reason: "aucune adresse connue ne correspond sûrement à ce texte" };
}
