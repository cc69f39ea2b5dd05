import type { GeoJsonObject } from "geojson";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PageActions } from "@/components/address/page-actions";
import { AlertForm } from "@/components/alerts/alert-form";
import { UnmatchedBuildingsSection, unmatchedBuildingPoints } from "@/components/buildings/unmatched-buildings";
import { CoverageChart } from "@/components/coverage/coverage-chart";
import { LazyFeatureMap } from "@/components/map/lazy-feature-map";
import { MapLegend } from "@/components/map/map-legend";
import { ScheduleTimeline } from "@/components/zone/schedule-timeline";
import { ZoneAddresses } from "@/components/zone/zone-addresses";
import { ZoneContact } from "@/components/zone/zone-contact";
import { getCoverage } from "@/lib/data/coverage";
import { loadOperatorDirectory } from "@/lib/data/operator-directory";
import { publicContactsFor } from "@/lib/data/public-contacts";
import { listZoneUnmatchedBuildings } from "@/lib/data/unmatched-buildings";
import { getZone, getZoneSchedule, listZoneAddresses } from "@/lib/data/zones";
import { formatDate, formatInteger } from "@/lib/format";
import { LEVEL_COLORS, LEVEL_SHORT_LABELS } from "@/lib/levels/levels";
import { zoneHeadline } from "@/lib/levels/zone-headline";
import { mapTiles } from "@/lib/map-tiles";
import { ZZoneAddressesQuery } from "@/lib/validation/zones";
import { zoneTypeLabel } from "@/lib/zone-labels";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/** One load per request, shared by the metadata and the page. */
const loadZone = cache((id: string) => getZone(id));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const zone = await loadZone(decodeURIComponent((await params).id));
  return { title: zone ? `${zone.name} — zone d'activités` : "Zone introuvable" };
}

/** /zone/[id] — an activity zone: the answer first (headline, contact, calendar, coverage), then its addresses and details. */
export default async function ZonePage({ params, searchParams }: Props) {
  const zone = await loadZone(decodeURIComponent((await params).id));
  if (!zone) notFound();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = ZZoneAddressesQuery.safeParse(raw);
  const filter = parsed.success ? parsed.data : ZZoneAddressesQuery.parse({});
  const directory = await loadOperatorDirectory();
  const [coverage, schedule, page, contacts, unmatched] = await Promise.all([
    getCoverage({ zoneId: zone.id }, directory),
    getZoneSchedule(zone.id),
    listZoneAddresses(zone.id, filter, directory),
    publicContactsFor(zone.inseeCode, zone.organisationId),
    listZoneUnmatchedBuildings(zone.id),
  ]);
  const headline = zoneHeadline(coverage);
  const lastUpdate = [zone.updatedAt, zone.sourceUpdatedOn, coverage.sources[0]?.date ?? null]
    .filter((date): date is Date => date !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0]!;
  const timeline = schedule.map((fact) => ({
    id: fact.id,
    technology: fact.technology,
    status: fact.status,
    availableSince: fact.availableSince,
    planned: fact.plannedDate && fact.plannedPrecision ? { date: fact.plannedDate, precision: fact.plannedPrecision } : null,
    operators: fact.operators.map((operator) => ({ name: directory.nameOf(operator.operatorCode), role: operator.role })),
    message: fact.publication?.message ?? null,
    source: { kind: fact.sourceKind, name: fact.sourceName, date: fact.fileDate ?? fact.recordedAt },
  }));

  const details: { label: string; value: string }[] = [
    { label: "Type", value: zoneTypeLabel(zone.type) },
    { label: "État", value: zone.state },
    { label: "Vocation", value: zone.vocation ?? "Non renseignée" },
    { label: "Commune", value: zone.communeName ?? zone.inseeCode },
    ...(zone.epciName ? [{ label: "Intercommunalité", value: zone.epciName }] : []),
    ...(zone.grossAreaHa !== null ? [{ label: "Surface", value: `${formatInteger(Math.round(zone.grossAreaHa))} ha` }] : []),
  ];

  return (
    <div className="space-y-8">
      <nav aria-label="Fil d'Ariane" className="text-sm print:hidden">
        <Link href="/">Accueil</Link> › <Link href={`/commune/${zone.inseeCode}`}>{zone.communeName ?? zone.inseeCode}</Link> › Zone
        d&apos;activités
      </nav>
      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Zone d&apos;activités · {zone.communeName ?? zone.inseeCode}</p>
        <h1 tabIndex={-1} className="text-2xl font-bold outline-none sm:text-3xl">
          {zone.name}
        </h1>
        {zone.archivedAt && (
          <p role="note" className="rounded-md border border-amber-700 bg-amber-50 p-3">
            Cette zone a été archivée par son gestionnaire le {formatDate(zone.archivedAt)} : ses informations ne sont plus tenues à jour.
          </p>
        )}
      </header>

      <section aria-labelledby="zone-headline" className="space-y-2 rounded-lg border-l-8 border-brand-700 bg-brand-50 p-4 sm:p-5">
        <h2 id="zone-headline" className="text-lg font-bold sm:text-2xl">
          {headline.title}
        </h2>
        <p className="flex flex-wrap gap-x-5 gap-y-1 font-semibold print:hidden">
          <a href="#zone-contact">Contacter le gestionnaire ↓</a>
          <a href="#zone-schedule">Voir le calendrier ↓</a>
        </p>
        {headline.details.length > 0 ? (
          <ul className="list-disc space-y-1 pl-5">
            {headline.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        ) : null}
        <p className="text-sm text-muted">
          Selon l&apos;information la plus récente pour chaque adresse
          {coverage.sources.length > 0
            ? ` (${coverage.sources.map((source) => `${source.name}${source.date ? ` du ${formatDate(source.date)}` : ""}`).join(" ; ")})`
            : ""}
          . Mise à jour le {formatDate(lastUpdate)}.
        </p>
      </section>

      <ZoneContact zoneName={zone.name} contactText={zone.contact} contacts={contacts} />

      <section aria-labelledby="zone-schedule" className="space-y-3">
        <h2 id="zone-schedule" tabIndex={-1} className="scroll-mt-4 text-xl font-semibold outline-none">
          Calendrier publié
        </h2>
        {timeline.length === 0 ? (
          <p>
            Le gestionnaire de la zone n&apos;a pas encore publié de calendrier. Les niveaux ci-dessous viennent des fichiers des opérateurs et de
            l&apos;Arcep.
          </p>
        ) : (
          <ScheduleTimeline items={timeline} />
        )}
      </section>

      <section aria-labelledby="zone-coverage" className="space-y-3">
        <h2 id="zone-coverage" className="text-xl font-semibold">
          Couverture des {formatInteger(coverage.addresses)} adresses
        </h2>
        {coverage.addresses === 0 ? (
          <p>Aucune adresse connue dans le périmètre de cette zone pour l&apos;instant.</p>
        ) : (
          <CoverageChart coverage={coverage} caption="Adresses de la zone par technologie et par niveau" />
        )}
      </section>

      {!zone.archivedAt && (
        <section aria-labelledby="zone-alert" className="space-y-3 rounded-lg border border-line p-4 print:hidden">
          <h2 id="zone-alert" className="text-xl font-semibold">
            Être prévenu des nouvelles de cette zone
          </h2>
          <AlertForm targetType="zone" targetId={zone.id} placeLabel="cette zone" />
        </section>
      )}

      {!parsed.success && (
        <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-3 text-red-900">
          Le filtre de la liste n&apos;est pas valide ({parsed.error.issues[0]?.message}) : toutes les adresses sont affichées.
        </p>
      )}
      <ZoneAddresses zoneId={zone.id} page={page} filter={filter} />
      <UnmatchedBuildingsSection buildings={unmatched} />

      <section aria-labelledby="zone-map" className="space-y-3 print:hidden">
        <h2 id="zone-map" className="text-xl font-semibold">
          Sur la carte
        </h2>
        <LazyFeatureMap
          label={`Carte : périmètre de ${zone.name} et adresses listées ci-dessus`}
          center={[(zone.minLat + zone.maxLat) / 2, (zone.minLon + zone.maxLon) / 2]}
          zoom={15}
          outline={zone.outline as GeoJsonObject}
          fitOutline
          points={[
            ...page.items.map((item) => ({
              id: item.id,
              lat: item.lat,
              lon: item.lon,
              color: LEVEL_COLORS[item.level],
              label: `${item.label} : ${LEVEL_SHORT_LABELS[item.level]}`,
            })),
            ...unmatchedBuildingPoints(unmatched),
          ]}
          tiles={mapTiles()}
        />
        <MapLegend withZone />
      </section>

      <section aria-labelledby="zone-details" className="space-y-3">
        <h2 id="zone-details" className="text-xl font-semibold">
          La zone
        </h2>
        <dl className="grid gap-x-6 gap-y-1 rounded-lg border border-line p-4 sm:grid-cols-[max-content_1fr] sm:gap-y-3">
          {details.map((detail) => (
            <div key={detail.label} className="contents">
              <dt className="font-medium text-muted">{detail.label}</dt>
              <dd className="mb-2 sm:mb-0">{detail.value}</dd>
            </div>
          ))}
        </dl>
        {zone.sourceName && <p className="text-sm text-muted">Périmètre : {zone.sourceName}.</p>}
      </section>

      <PageActions />
    </div>
  );
}
