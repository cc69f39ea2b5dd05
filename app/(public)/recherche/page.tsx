import type { Metadata } from "next";
import Link from "next/link";
import { SearchBox } from "@/components/search/search-box";
import { search } from "@/lib/search";
import { resultDetail, resultTypeLabel } from "@/lib/search/describe";
import { ZSearchQuery } from "@/lib/validation/search";

export const metadata: Metadata = { title: "Résultats de recherche" };

/** /recherche?q= — the search results page; also what the search form does without JavaScript. */
export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const { q } = await searchParams;
  const raw = Array.isArray(q) ? q[0] : q;
  const parsed = ZSearchQuery.safeParse({ q: raw, limit: 20 });
  const results = parsed.success ? await search(parsed.data.q, parsed.data.limit) : [];

  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Résultats de recherche</h1>
      <SearchBox defaultValue={raw ?? ""} />
      {!parsed.success ? (
        <p role="alert" className="text-red-800">
          {raw ? parsed.error.issues[0]?.message : "Saisissez une adresse, une zone d'activités, une commune ou un code postal."}
        </p>
      ) : results.length === 0 ? (
        <p>
          Aucun résultat pour « {parsed.data.q} ». Vérifiez l&apos;orthographe, ajoutez la commune ou essayez
          le code postal.
        </p>
      ) : (
        <section aria-labelledby="results-title">
          <h2 id="results-title" className="text-xl font-semibold">
            {results.length === 1 ? "1 résultat" : `${results.length} résultats`} pour « {parsed.data.q} »
          </h2>
          <ul className="mt-3 divide-y divide-line rounded-lg border border-line">
            {results.map((result) => (
              <li key={`${result.type}-${result.id}`} className="px-4 py-3">
                <span className="mr-2 text-xs font-semibold uppercase text-muted">{resultTypeLabel(result)}</span>
                <Link href={result.url} className="font-medium">
                  {result.label}
                </Link>
                {resultDetail(result) && <span className="ml-2 text-sm text-muted">{resultDetail(result)}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
