import type { Metadata } from "next";
import { headers } from "next/headers";
import { hasDemoData } from "@/lib/data/demo";
import { getAddressAnswer } from "@/lib/data/business-answer";
import { getCoverage } from "@/lib/data/coverage";
import { getZone } from "@/lib/data/zones";
import { buttonColours, readEmbedOptions } from "@/lib/embed";
import { zoneHeadline } from "@/lib/levels/zone-headline";
import { search } from "@/lib/search";
import { resultTypeLabel } from "@/lib/search/describe";
import { SEARCH_EXAMPLES } from "@/lib/search/examples";

export const metadata: Metadata = { title: "Widget", robots: { index: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * /embed — the widget chambers of commerce put in an iframe: a compact search (a plain form: it
 * works without JavaScript), the answers with their headline, links opening the full page in a
 * new tab. The only page other sites may frame (next.config.js).
 *
 * Framed (the browser says Sec-Fetch-Dest: iframe, or says nothing), the widget is a named region,
 * not a <main>: a partner's page, like /integrer's preview, has its own main landmark, and
 * screen readers list the landmarks of frames with the page's. Opened on its own, it is the main.
 * Its one question is the page's h1, the label inside the heading (GOV.UK's pattern).
 */
export default async function EmbedPage({ searchParams }: Props) {
  const options = readEmbedOptions(await searchParams);
  const accentStyle = buttonColours(options.accent);
  const results = options.q ? await search(options.q, 5) : [];
  const headlines = new Map(
    await Promise.all(
      results
        .filter((result) => result.type === "address")
        .map(async (result) => {
          const answer = await getAddressAnswer(result.id);
          return [result.id, answer ? answer.headline.title : null] as const;
        }),
    ),
  );
  const zone = options.zone ? await getZone(options.zone) : null;
  const zoneCoverage = zone ? await getCoverage({ zoneId: zone.id }) : null;
  const zoneAnswer = zoneCoverage ? zoneHeadline(zoneCoverage) : null;
  const isDemo = await hasDemoData();
  const Landmark = (await headers()).get("sec-fetch-dest") === "document" ? "main" : "section";

  return (
    <Landmark aria-label="Widget Fibre Pro" className="space-y-3 p-3 text-sm">
      {isDemo && (
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-amber-950">
          <strong>Données de démonstration</strong> : elles ne décrivent pas le réseau réel.
        </p>
      )}
      <form method="get" action="/embed" role="search" aria-label="Recherche Fibre Pro" className="space-y-2">
        <input type="hidden" name="accent" value={options.accent} />
        <h1 className="text-sm font-semibold">
          <label htmlFor="embed-q">La fibre pour votre entreprise : saisissez votre adresse</label>
        </h1>
        <div className="flex gap-2">
          <input
            id="embed-q"
            name="q"
            type="text"
            defaultValue={options.q}
            maxLength={100}
            placeholder={SEARCH_EXAMPLES.address}
            className="min-w-0 flex-1 rounded-md border-2 border-muted bg-white px-2 py-2"
          />
          <button type="submit" className="rounded-md px-3 py-2 font-semibold" style={accentStyle}>
            Rechercher
          </button>
        </div>
      </form>

      {zone && zoneCoverage && (
        <section aria-labelledby="embed-zone" className="rounded-md border border-line p-3">
          <h2 id="embed-zone" className="font-semibold">
            {zone.name}
          </h2>
          <p>{zoneAnswer!.title}</p>
          {zoneAnswer!.details.map((detail) => (
            <p key={detail}>{detail}</p>
          ))}
          <a href={`/zone/${encodeURIComponent(zone.id)}`} target="_blank" rel="noopener">
            Voir la zone sur Fibre Pro (nouvel onglet)
          </a>
        </section>
      )}

      {options.q && (
        <section aria-labelledby="embed-results">
          <h2 id="embed-results" className="sr-only">
            Résultats
          </h2>
          {results.length === 0 ? (
            <p>Aucun résultat pour « {options.q} ». Vérifiez l&apos;adresse ou ajoutez la commune.</p>
          ) : (
            <ul className="divide-y divide-line rounded-md border border-line">
              {results.map((result) => (
                <li key={`${result.type}-${result.id}`} className="px-3 py-2">
                  <span className="mr-2 text-xs font-semibold uppercase text-muted">{resultTypeLabel(result)}</span>
                  <a href={result.url} target="_blank" rel="noopener" className="font-medium">
                    {result.label}
                    <span className="sr-only"> (nouvel onglet)</span>
                  </a>
                  {headlines.get(result.id) && <p className="mt-1">{headlines.get(result.id)}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      <p className="text-xs text-muted">
        Service{" "}
        <a href="/" target="_blank" rel="noopener">
          Fibre Pro
        </a>{" "}
        — données publiques, sources et dates sur chaque fiche.
      </p>
    </Landmark>
  );
}
