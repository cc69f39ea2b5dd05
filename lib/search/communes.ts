import "server-only";
/**
 * Commune suggestions by name or postcode, provider-neutral: words match the start of a word of
 * the normalised name, numbers the start of a postcode (or a whole INSEE code). Ranking: exact
 * name, then names starting with the query, then the other matches; population breaks ties.
 */
import { db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/client";
import type { ParsedQuery } from "@/lib/search/query";
import type { CommuneSearchResult } from "@/lib/search/types";

const communeSelect = {
  inseeCode: true,
  name: true,
  searchName: true,
  departementCode: true,
  population: true,
  lat: true,
  lon: true,
  postcodes: { select: { postcode: true }, orderBy: { postcode: "asc" } },
} satisfies Prisma.CommuneSelect;

type CommuneMatch = Prisma.CommuneGetPayload<{ select: typeof communeSelect }>;

function numberFilters(numbers: string[]): Prisma.CommuneWhereInput[] {
  return numbers.map((digits) => ({
    OR: [
      { postcodes: { some: { postcode: { startsWith: digits } } } },
      ...(digits.length === 5 ? [{ inseeCode: digits }] : []),
    ],
  }));
}

function wordFilters(words: string[]): Prisma.CommuneWhereInput[] {
  return words.map((word) => ({
    OR: [{ searchName: { startsWith: word } }, { searchName: { contains: ` ${word}` } }],
  }));
}

async function findMatches(where: Prisma.CommuneWhereInput, limit: number): Promise<CommuneMatch[]> {
  return db.commune.findMany({
    where,
    select: communeSelect,
    orderBy: [{ population: { sort: "desc", nulls: "last" } }, { inseeCode: "asc" }],
    take: limit,
  });
}

export async function searchCommunes(query: ParsedQuery, limit: number): Promise<CommuneSearchResult[]> {
  const phrase = query.words.join(" ");
  const byNumber = numberFilters(query.numbers);
  const [startsWithPhrase, anyWordOrder] = await Promise.all([
    phrase ? findMatches({ AND: [{ searchName: { startsWith: phrase } }, ...byNumber] }, limit) : [],
    findMatches({ AND: [...wordFilters(query.words), ...byNumber] }, limit),
  ]);

  const exact = startsWithPhrase.filter((commune) => commune.searchName === phrase);
  const ranked = new Map<string, CommuneMatch>();
  for (const commune of [...exact, ...startsWithPhrase, ...anyWordOrder]) ranked.set(commune.inseeCode, commune);
  return [...ranked.values()].slice(0, limit).map(toResult);
}

function toResult(commune: CommuneMatch): CommuneSearchResult {
  return {
    type: "commune",
    id: commune.inseeCode,
    label: `${commune.name} (${commune.departementCode})`,
    name: commune.name,
    departementCode: commune.departementCode,
    postcodes: commune.postcodes.map((row) => row.postcode),
    population: commune.population,
    lat: commune.lat,
    lon: commune.lon,
    url: `/commune/${commune.inseeCode}`,
  };
}
