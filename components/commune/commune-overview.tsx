import type { GeoJsonObject } from "geojson";
import Link from "next/link";
import { UnmatchedBuildingsSection, unmatchedBuildingPoints } from "@/components/buildings/unmatched-buildings";
import { CommuneCoverageSection } from "@/components/commune/commune-coverage";
import { LazyFeatureMap } from "@/components/map/lazy-feature-map";
import type { CommuneDetails, CommuneZone } from "@/lib/data/communes";
import type { Coverage } from "@/lib/data/coverage";
import type { UnmatchedBuildings } from "@/lib/data/unmatched-buildings";
import { epciTypeLabel, formatInteger } from "@/lib/format";

interface CommuneOverviewProps {
  commune: CommuneDetails;
  coverage: Coverage;
  zones: CommuneZone[];
  /** Buildings the files place in the commune at addresses the BAN does not know. */
  unmatched: UnmatchedBuildings;
  tiles: { url: string; attribution: string };
}

export function CommuneOverview({ commune, coverage, zones, unmatched, tiles }: CommuneOverviewProps) {
  const facts: { label: string; value: React.ReactNode }[] = [
    { label: "Département", value: `${commune.departement.name} (${commune.departement.code})` },
    { label: "Région", value: commune.region.name },
    {
      label: "Intercommunalité",
      value: commune.epci ? `${commune.epci.name} — ${epciTypeLabel(commune.epci.type)}` : "Aucune (commune isolée)",
    },
    {
      label: "Population",
      value: commune.population === null ? "Non renseignée" : `${formatInteger(commune.population)} habitants`,
    },
    {
      label: commune.postcodes.length > 1 ? "Codes postaux" : "Code postal",
      value: commune.postcodes.length ? commune.postcodes.join(", ") : "Non renseigné",
    },
    { label: "Code INSEE", value: commune.inseeCode },
  ];

  return (
    <article className="space-y-8">
      <nav aria-label="Fil d'Ariane" className="no-print text-sm">
        <ol className="flex flex-wrap gap-2">
          <li>
            <Link href="/">Accueil</Link>
            <span aria-hidden="true"> ›</span>
          </li>
          <li aria-current="page">{commune.name}</li>
        </ol>
      </nav>

      <header className="space-y-2">
        <p className="text-sm font-semibold uppercase tracking-wide text-muted">
          {commune.kind === "ARRONDISSEMENT" ? "Arrondissement municipal" : "Commune"}
        </p>
        <h1 className="text-3xl font-bold sm:text-4xl">{commune.name}</h1>
        {commune.parent && (
          <p>
            Arrondissement de <Link href={`/commune/${commune.parent.inseeCode}`}>{commune.parent.name}</Link>
          </p>
        )}
      </header>

      <CommuneCoverageSection coverage={coverage} />

      <section aria-labelledby="territory-title" className="space-y-3">
        <h2 id="territory-title" className="text-xl font-semibold">
          Territoire
        </h2>
        <dl className="grid gap-x-6 gap-y-1 rounded-lg border border-line p-4 sm:grid-cols-[max-content_1fr] sm:gap-y-3">
          {facts.map((fact) => (
            <div key={fact.label} className="contents">
              <dt className="font-medium text-muted">{fact.label}</dt>
              <dd className="mb-2 sm:mb-0">{fact.value}</dd>
            </div>
          ))}
        </dl>
        <p className="text-sm text-muted">
          Source : découpage administratif publié par Etalab (COG INSEE), via{" "}
          <Link href="/sources">@etalab/decoupage-administratif</Link>.
        </p>
      </section>


      <section aria-labelledby="zones-title" className="space-y-3">
        <h2 id="zones-title" className="text-xl font-semibold">
          Zones d&apos;activités
        </h2>
        {zones.length === 0 ? (
          <p>Aucune zone d&apos;activités de cette commune n&apos;est publiée dans Fibre Pro.</p>
        ) : (
          <ul className="list-disc space-y-1 pl-6">
            {zones.map((zone) => (
              <li key={zone.id}>
                <Link href={`/zone/${encodeURIComponent(zone.id)}`}>{zone.name}</Link> <span className="text-sm text-muted">({zone.state})</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <UnmatchedBuildingsSection buildings={unmatched} />

      {commune.lat !== null && commune.lon !== null && (
        <section aria-labelledby="commune-map-title" className="space-y-3 print:hidden">
          <h2 id="commune-map-title" className="text-xl font-semibold">
            Sur la carte
          </h2>
          <LazyFeatureMap
            label={`Carte de ${commune.name}, de ses zones d'activités et des immeubles sans adresse reconnue`}
            center={[commune.lat, commune.lon]}
            zoom={13}
            outline={
              zones.length > 0
                ? ({
                    type: "FeatureCollection",
                    features: zones.map((zone) => ({ type: "Feature", properties: { name: zone.name }, geometry: zone.outline })),
                  } as GeoJsonObject)
                : null
            }
            points={unmatchedBuildingPoints(unmatched)}
            tiles={tiles}
          />
          <p className="text-sm">
            <Link href={`/carte?lat=${commune.lat.toFixed(5)}&lon=${commune.lon.toFixed(5)}&z=14`}>
              Explorer les immeubles de la commune sur la carte
            </Link>
          </p>
        </section>
      )}
    </article>
  );
}
