import type { GeoJsonObject } from "geojson";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageActions } from "@/components/address/page-actions";
import { AlertForm } from "@/components/alerts/alert-form";
import { CoverageTable } from "@/components/coverage/coverage-table";
import { LazyFeatureMap } from "@/components/map/lazy-feature-map";
import { MapLegend } from "@/components/map/map-legend";
import { ZoneAddresses } from "@/components/zone/zone-addresses";
import { getCoverage } from "@/lib/data/coverage";
import { getZone, getZoneSchedule, listZoneAddresses } from "@/lib/data/zones";
import { factDateLine, provenanceLine, statusLabel } from "@/lib/eligibility-text";
import { formatDate, formatInteger } from "@/lib/format";
import { mapTiles } from "@/lib/map-tiles";
import { STATUS_COLORS } from "@/lib/status-colors";
import { TECHNOLOGY_INFO } from "@/lib/technologies";
import { ZZoneAddressesQuery } from "@/lib/validation/zones";
import { zoneTypeLabel } from "@/lib/zone-labels";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const zone = await getZone(decodeURIComponent((await params).id));
  return { title: zone ? `${zone.name} — zone d'activités` : "Zone introuvable" };
}

/** /zone/[id] — an activity zone: outline, coverage, schedule, addresses, contact. */
export default async function ZonePage({ params, searchParams }: Props) {
  const zone = await getZone(decodeURIComponent((await params).id));
  if (!zone) notFound();
  const raw = Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  const parsed = ZZoneAddressesQuery.safeParse(raw);
  const filter = parsed.success ? parsed.data : ZZoneAddressesQuery.parse({});
  const [coverage, schedule, page] = await Promise.all([
    getCoverage({ zoneId: zone.id }),
    getZoneSchedule(zone.id),
    listZoneAddresses(zone.id, filter),
  ]);
  const lastUpdate = [zone.updatedAt, zone.sourceUpdatedOn, coverage.sources[0]?.date ?? null]
    .filter((date): date is Date => date !== null)
    .sort((a, b) => b.getTime() - a.getTime())[0]!;

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
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">Zone d&apos;activités</p>
        <h1 className="text-3xl font-bold">{zone.name}</h1>
        {zone.archivedAt && (
          <p role="note" className="rounded-md border border-amber-700 bg-amber-50 p-3">
            Cette zone a été archivée par son gestionnaire le {formatDate(zone.archivedAt)} : ses informations ne sont plus tenues à jour.
          </p>
        )}
        <p className="text-sm text-muted">Dernière mise à jour : {formatDate(lastUpdate)}</p>
      </header>

      <PageActions />

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
          <div className="contents">
            <dt className="font-medium text-muted">Contact pour les entreprises</dt>
            <dd>{zone.contact ?? "Non renseigné"}</dd>
          </div>
        </dl>
        {zone.sourceName && <p className="text-sm text-muted">Périmètre : {zone.sourceName}.</p>}
      </section>

      <section aria-labelledby="zone-coverage" className="space-y-3">
        <h2 id="zone-coverage" className="text-xl font-semibold">
          Couverture en fibre
        </h2>
        {coverage.addresses === 0 ? (
          <p>Aucune adresse connue dans le périmètre de cette zone pour l&apos;instant.</p>
        ) : (
          <>
            <p>{formatInteger(coverage.addresses)} adresses dans la zone, par technologie et par état du déploiement :</p>
            <CoverageTable coverage={coverage} caption="Adresses de la zone par technologie et état du déploiement" />
          </>
        )}
      </section>

      <section aria-labelledby="zone-schedule" className="space-y-3">
        <h2 id="zone-schedule" className="text-xl font-semibold">
          Calendrier publié
        </h2>
        {schedule.length === 0 ? (
          <p>
            Le gestionnaire de la zone n&apos;a pas encore publié de calendrier. Les états ci-dessus viennent des fichiers des
            opérateurs et de l&apos;Arcep.
          </p>
        ) : (
          <ul className="space-y-3">
            {schedule.map((fact) => (
              <li key={fact.id} className="rounded-lg border border-line p-4">
                <p className="font-semibold">
                  {TECHNOLOGY_INFO[fact.technology].name} : {statusLabel(fact.status)}
                  {factDateLine(fact) ? ` — ${factDateLine(fact)}` : ""}
                </p>
                {fact.operators.length > 0 && <p className="text-sm">Opérateurs : {fact.operators.map((operator) => operator.operator.name).join(", ")}</p>}
                {fact.publication?.message ? <p className="whitespace-pre-line text-sm">« {fact.publication.message} »</p> : null}
                <p className="text-sm text-muted">
                  {provenanceLine({ kind: fact.sourceKind, name: fact.sourceName, date: fact.fileDate ?? fact.recordedAt })}
                </p>
              </li>
            ))}
          </ul>
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

      <section aria-labelledby="zone-map" className="space-y-3 print:hidden">
        <h2 id="zone-map" className="text-xl font-semibold">
          Sur la carte
        </h2>
        <LazyFeatureMap
          label={`Carte : périmètre de ${zone.name} et adresses listées ci-dessous`}
          center={[(zone.minLat + zone.maxLat) / 2, (zone.minLon + zone.maxLon) / 2]}
          zoom={15}
          outline={zone.outline as GeoJsonObject}
          fitOutline
          points={page.items.map((item) => ({
            id: item.id,
            lat: item.lat,
            lon: item.lon,
            color: STATUS_COLORS[item.status],
            label: `${item.label} : ${statusLabel(item.status)}`,
          }))}
          tiles={mapTiles()}
        />
        <MapLegend withZone />
      </section>

      {!parsed.success && (
        <p role="alert" className="rounded-md border border-red-800 bg-red-50 p-3 text-red-900">
          Le filtre de la liste n&apos;est pas valide ({parsed.error.issues[0]?.message}) : toutes les adresses sont affichées.
        </p>
      )}
      <ZoneAddresses zoneId={zone.id} page={page} filter={filter} />
    </div>
  );
}
