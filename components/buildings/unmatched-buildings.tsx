import { LevelBadge } from "@/components/answer/level-badge";
import type { MapPoint } from "@/components/map/feature-map";
import type { UnmatchedBuildings } from "@/lib/data/unmatched-buildings";
import { formatInteger } from "@/lib/format";
import { LEVEL_COLORS } from "@/lib/levels/levels";
import { STATUS_LABELS } from "@/lib/status";

/** The map points of unmatched buildings: their own position, the address as the file wrote it. */
export function unmatchedBuildingPoints(buildings: UnmatchedBuildings): MapPoint[] {
  return buildings.items.map((building) => ({
    id: `unmatched-${building.id}`,
    lat: building.lat,
    lon: building.lon,
    color: LEVEL_COLORS[building.level],
    label: `Immeuble sans adresse BAN « ${building.statedAddress ?? building.id} » : ${STATUS_LABELS[building.status]}`,
  }));
}

/**
 * Buildings a file lists at an address the BAN does not know (« 33 rue Lavoisier » when the BAN has
 * only 31): never given to a neighbour, listed here with their own status. Nothing when there are none.
 */
export function UnmatchedBuildingsSection({ buildings }: { buildings: UnmatchedBuildings }) {
  if (buildings.total === 0) return null;
  return (
    <section aria-labelledby="unmatched-title" className="space-y-3">
      <h2 id="unmatched-title" className="text-xl font-semibold">
        Immeubles sans adresse reconnue
      </h2>
      <p className="text-sm">
        Les fichiers des opérateurs citent {buildings.total > 1 ? `${formatInteger(buildings.total)} immeubles` : "un immeuble"} à une adresse
        que la Base Adresse Nationale ne connaît pas. Nous ne les rattachons pas à l&apos;adresse voisine : voici leur état, tel que la source
        l&apos;indique, à l&apos;adresse écrite dans le fichier. Ils figurent aussi sur la carte.
      </p>
      <ul className="space-y-1">
        {buildings.items.map((building) => (
          <li key={building.id} className="text-sm">
            <span className="font-medium">« {building.statedAddress ?? "adresse non indiquée"} »</span> :{" "}
            <LevelBadge level={building.level} text={STATUS_LABELS[building.status]} />{" "}
            <span className="text-muted">
              (immeuble {building.id}, {building.sourceName})
            </span>
          </li>
        ))}
      </ul>
      {buildings.total > buildings.items.length ? (
        <p className="text-sm text-muted">
          Les {formatInteger(buildings.items.length)} premiers sont listés sur {formatInteger(buildings.total)}.
        </p>
      ) : null}
    </section>
  );
}
