import type { GeoJsonObject } from "geojson";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageActions } from "@/components/address/page-actions";
import { TechnologyCard } from "@/components/address/technology-card";
import { LazyAddressMap } from "@/components/map/lazy-address-map";
import { getAddressEligibility } from "@/lib/data/eligibility";
import { eligibilityHeadline } from "@/lib/eligibility-text";
import { env } from "@/lib/env";
import { STATUS_LEGEND } from "@/lib/status-colors";

type Props = { params: Promise<{ banId: string }> };

const HEADLINE_STYLES = {
  available: "border-green-700 bg-green-50",
  "on-demand": "border-teal-700 bg-teal-50",
  planned: "border-amber-700 bg-amber-50",
  none: "border-gray-500 bg-gray-50",
} as const;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const eligibility = await getAddressEligibility(decodeURIComponent((await params).banId));
  return { title: eligibility ? `Fibre au ${eligibility.address.label}` : "Adresse introuvable" };
}

/** /adresse/[banId] — which fibre an address can get, when, from whom, says who. */
export default async function AddressPage({ params }: Props) {
  const eligibility = await getAddressEligibility(decodeURIComponent((await params).banId));
  if (!eligibility) notFound();
  const { address, zone, technologies, buildings } = eligibility;
  const headline = eligibilityHeadline(technologies);

  return (
    <div className="space-y-8">
      <nav aria-label="Fil d'Ariane" className="text-sm print:hidden">
        <Link href="/">Accueil</Link> › <Link href={`/commune/${address.inseeCode}`}>{address.commune}</Link> › Adresse
      </nav>
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{address.label}</h1>
        {zone && (
          <p>
            Dans la zone d&apos;activités <Link href={`/zone/${encodeURIComponent(zone.id)}`}>{zone.name}</Link>
          </p>
        )}
      </header>

      <section aria-labelledby="headline" className={`rounded-lg border-l-8 p-5 ${HEADLINE_STYLES[headline.tone]}`}>
        <h2 id="headline" className="text-2xl font-bold">
          {headline.title}
        </h2>
        <p className="mt-2">{headline.detail}</p>
      </section>

      <PageActions />

      <section aria-labelledby="technologies-title" className="space-y-4">
        <h2 id="technologies-title" className="text-xl font-semibold">
          Technologie par technologie
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {technologies.map((entry) => (
            <TechnologyCard key={entry.technology} entry={entry} />
          ))}
        </div>
      </section>

      <section aria-labelledby="map-title" className="space-y-3 print:hidden">
        <h2 id="map-title" className="text-xl font-semibold">
          Sur la carte
        </h2>
        <LazyAddressMap
          lat={address.lat}
          lon={address.lon}
          label={address.label}
          buildings={buildings}
          zoneOutline={(zone?.outline as GeoJsonObject | undefined) ?? null}
          tiles={{ url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION }}
        />
        <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm" aria-label="Légende de la carte">
          {STATUS_LEGEND.map((entry) => (
            <li key={entry.label} className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: entry.color }} />
              {entry.label}
            </li>
          ))}
          {zone && (
            <li className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block h-3 w-5 border-2 border-blue-700" />
              Zone d&apos;activités
            </li>
          )}
        </ul>
        <p className="text-sm text-muted">
          {buildings.length === 0
            ? "Aucun immeuble recensé par les opérateurs n'est rattaché à cette adresse."
            : `${buildings.length === 1 ? "1 immeuble" : `${buildings.length} immeubles`} rattaché${buildings.length > 1 ? "s" : ""} à cette adresse.`}
        </p>
      </section>
    </div>
  );
}
