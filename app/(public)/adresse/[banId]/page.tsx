import type { GeoJsonObject } from "geojson";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageActions } from "@/components/address/page-actions";
import { AlertForm } from "@/components/alerts/alert-form";
import { TechnologyCard } from "@/components/address/technology-card";
import { LazyFeatureMap } from "@/components/map/lazy-feature-map";
import { MapLegend } from "@/components/map/map-legend";
import { getAddressEligibility } from "@/lib/data/eligibility";
import { countPendingReports } from "@/lib/data/field-reports";
import { eligibilityHeadline } from "@/lib/eligibility-text";
import { mapTiles } from "@/lib/map-tiles";
import { STATUS_LABELS } from "@/lib/status";
import { STATUS_COLORS, UNKNOWN_STATUS_COLOR } from "@/lib/status-colors";

type Props = { params: Promise<{ banId: string }>; searchParams?: Promise<{ signalement?: string }> };

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
export default async function AddressPage({ params, searchParams }: Props) {
  const eligibility = await getAddressEligibility(decodeURIComponent((await params).banId));
  if (!eligibility) notFound();
  const [pendingReports, query] = await Promise.all([countPendingReports(eligibility.address.id), searchParams]);
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

      {query?.signalement ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900 print:hidden">
          Merci : votre signalement a été enregistré. La collectivité de ce territoire va l&apos;examiner.
        </p>
      ) : null}

      <section aria-labelledby="technologies-title" className="space-y-4">
        <h2 id="technologies-title" className="text-xl font-semibold">
          Technologie par technologie
        </h2>
        <div className="grid gap-4 md:grid-cols-2">
          {technologies.map((entry) => (
            <TechnologyCard key={entry.technology} entry={entry} />
          ))}
        </div>
        <p className="print:hidden">
          {pendingReports > 0 ? (
            <span className="mr-3 inline-block rounded-full bg-amber-100 px-3 py-1 text-sm text-amber-900">
              {pendingReports === 1 ? "1 signalement en cours d'examen" : `${pendingReports} signalements en cours d'examen`}
            </span>
          ) : null}
          <Link href={`/adresse/${encodeURIComponent(address.id)}/signaler`}>Signaler une information erronée</Link>
        </p>
      </section>

      <section aria-labelledby="alert-title" className="space-y-3 rounded-lg border border-line p-4 print:hidden">
        <h2 id="alert-title" className="text-xl font-semibold">
          Être prévenu quand la fibre arrive
        </h2>
        <AlertForm targetType="address" targetId={address.id} placeLabel="cette adresse" />
      </section>

      <section aria-labelledby="map-title" className="space-y-3 print:hidden">
        <h2 id="map-title" className="text-xl font-semibold">
          Sur la carte
        </h2>
        <LazyFeatureMap
          label={`Carte : ${address.label}, ses immeubles et sa zone d'activités`}
          center={[address.lat, address.lon]}
          zoom={17}
          outline={(zone?.outline as GeoJsonObject | undefined) ?? null}
          points={[
            ...buildings.map((building) => ({
              id: building.id,
              lat: building.lat,
              lon: building.lon,
              color: building.status ? STATUS_COLORS[building.status] : UNKNOWN_STATUS_COLOR,
              label: `Immeuble ${building.id} : ${building.status ? STATUS_LABELS[building.status] : "statut inconnu"}`,
            })),
            { id: address.id, lat: address.lat, lon: address.lon, color: "#ffffff", label: address.label, isFocus: true },
          ]}
          tiles={mapTiles()}
        />
        <MapLegend withZone={zone !== null} />
        <p className="text-sm text-muted">
          {buildings.length === 0
            ? "Aucun immeuble recensé par les opérateurs n'est rattaché à cette adresse."
            : `${buildings.length === 1 ? "1 immeuble" : `${buildings.length} immeubles`} rattaché${buildings.length > 1 ? "s" : ""} à cette adresse.`}
        </p>
      </section>
    </div>
  );
}
