import type { GeoJsonObject } from "geojson";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { HeadlineBox } from "@/components/answer/headline-box";
import { NextSteps } from "@/components/answer/next-steps";
import { TechnologyCard } from "@/components/answer/technology-card";
import { PageActions } from "@/components/address/page-actions";
import { AlertForm } from "@/components/alerts/alert-form";
import { EstablishmentLine } from "@/components/establishment/establishment-line";
import { LazyFeatureMap } from "@/components/map/lazy-feature-map";
import { MapLegend } from "@/components/map/map-legend";
import { getAddressAnswer } from "@/lib/data/business-answer";
import { getEstablishmentAtAddress } from "@/lib/data/establishment-page";
import { countPendingReports } from "@/lib/data/field-reports";
import { LEVEL_COLORS, LEVELS, levelOfStatus } from "@/lib/levels/levels";
import { mapTiles } from "@/lib/map-tiles";
import { STATUS_LABELS } from "@/lib/status";

type Props = { params: Promise<{ banId: string }>; searchParams?: Promise<{ signalement?: string; siret?: string | string[] }> };

/** One load per request, shared by the metadata and the page. */
const loadAnswer = cache((banId: string) => getAddressAnswer(banId));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const answer = await loadAnswer(decodeURIComponent((await params).banId));
  return { title: answer ? `Fibre au ${answer.address.label}` : "Adresse introuvable" };
}

/** /adresse/[banId] — the business answer: which connection, when, from whom, what to do now. */
export default async function AddressPage({ params, searchParams }: Props) {
  const answer = await loadAnswer(decodeURIComponent((await params).banId));
  if (!answer) notFound();
  const [pendingReports, query] = await Promise.all([countPendingReports(answer.address.id), searchParams]);
  const establishment = await getEstablishmentAtAddress(typeof query?.siret === "string" ? query.siret : undefined, answer.address.id);
  const { address, zone, buildings, answers, headline, nextSteps } = answer;
  // What can be had first; "Pas d'annonce" last and compact.
  const ordered = [...answers].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));

  return (
    <div className="space-y-8">
      <nav aria-label="Fil d'Ariane" className="text-sm print:hidden">
        <Link href="/">Accueil</Link> › <Link href={`/commune/${address.inseeCode}`}>{address.commune}</Link> › Adresse
      </nav>
      <header className="space-y-2">
        {establishment ? <EstablishmentLine establishment={establishment} /> : null}
        <h1 tabIndex={-1} className="text-2xl font-bold outline-none sm:text-3xl">
          {address.label}
        </h1>
        {zone && (
          <p>
            Dans la zone d&apos;activités <Link href={`/zone/${encodeURIComponent(zone.id)}`}>{zone.name}</Link>
          </p>
        )}
      </header>

      <HeadlineBox headline={headline} answers={answers} nextStepsId="next-steps" />

      {query?.signalement ? (
        <p role="status" className="rounded-md border border-green-300 bg-green-50 px-3 py-2 text-green-900 print:hidden">
          Merci : votre signalement a été enregistré. La collectivité de ce territoire va l&apos;examiner.
        </p>
      ) : null}

      <NextSteps
        steps={nextSteps}
        note={answer.hasDemoDirectoryContent ? "Annuaire des opérateurs : les offres indiquées ici sont des données de démonstration." : undefined}
      />

      <section aria-labelledby="technologies-title" className="space-y-4">
        <h2 id="technologies-title" className="text-xl font-semibold">
          Technologie par technologie
        </h2>
        <p className="text-sm text-muted">
          <Link href={`/quelle-fibre?adresse=${encodeURIComponent(address.id)}`}>Quelle fibre pour mon entreprise ?</Link> Trois questions pour savoir
          laquelle vous convient.
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          {ordered.map((entry) => (
            <TechnologyCard key={entry.technology} answer={entry} />
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

      <PageActions />

      <section id="alerte" aria-labelledby="alert-title" className="scroll-mt-4 space-y-3 rounded-lg border border-line p-4 print:hidden">
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
              color: LEVEL_COLORS[levelOfStatus(building.status ?? "NON_PREVU")],
              label: `Immeuble ${building.id} : FttH ${building.status ? STATUS_LABELS[building.status] : "statut inconnu"}`,
            })),
            { id: address.id, lat: address.lat, lon: address.lon, color: "#ffffff", label: address.label, isFocus: true },
          ]}
          tiles={mapTiles()}
        />
        <MapLegend withZone={zone !== null} />
        <p className="text-sm text-muted">
          {buildingsLine(buildings.length, answer.unplacedBuildings)}
        </p>
      </section>
    </div>
  );
}

/** "2 immeubles rattachés à cette adresse (couleur : niveau du FttH), dont 1 sans coordonnées, absent de la carte." */
function buildingsLine(placed: number, unplaced: number): string {
  const total = placed + unplaced;
  if (total === 0) return "Aucun immeuble recensé par les opérateurs n'est rattaché à cette adresse.";
  const count = `${total === 1 ? "1 immeuble rattaché" : `${total} immeubles rattachés`} à cette adresse`;
  if (unplaced === 0) return `${count} (couleur : niveau du FttH).`;
  if (placed === 0) return `${count}, sans coordonnées : ${total === 1 ? "il n'est pas placé" : "ils ne sont pas placés"} sur la carte.`;
  return `${count} (couleur : niveau du FttH), dont ${unplaced} sans coordonnées, absent${unplaced > 1 ? "s" : ""} de la carte.`;
}
