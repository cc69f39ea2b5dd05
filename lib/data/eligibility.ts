import "server-only";
/**
 * What an address can get, technology by technology, and who says so: the facts stated about the
 * address itself, its buildings and its activity zone. Per technology the most recent fact wins
 * (file date, else when it was recorded); the other sources that say something else are kept as
 * disagreements, for the page to state.
 */
import { db, type Prisma } from "@/lib/db/client";
import type { DatePrecision, DeploymentStatus, OperatorRole, SourceKind, Technology } from "@/lib/db/enums";
import { formatAddressLabel } from "@/lib/text/address-label";
import { STATUS_ORDER } from "@/lib/status";
import { TECHNOLOGIES } from "@/lib/technologies";

export interface FactSource {
  kind: SourceKind;
  /** "IPE LIAIN", "Arcep Carte fibre", the publishing organisation */
  name: string;
  /** The file's date, else when the fact was recorded. */
  date: Date;
}

export interface TechnologyAvailability {
  technology: Technology;
  status: DeploymentStatus;
  since: Date | null;
  planned: { date: Date; precision: DatePrecision } | null;
  operators: { code: string; name: string; role: OperatorRole }[];
  /** null when no source states anything for this technology here. */
  source: FactSource | null;
  /** Older facts of other sources that state another status. */
  disagreements: { status: DeploymentStatus; source: FactSource }[];
}

export interface AddressEligibility {
  address: {
    id: string;
    label: string;
    number: number | null;
    suffix: string | null;
    street: string;
    postcode: string | null;
    inseeCode: string;
    commune: string;
    departementCode: string;
    lat: number;
    lon: number;
  };
  zone: { id: string; name: string; outline: unknown } | null;
  technologies: TechnologyAvailability[];
  buildings: { id: string; lat: number; lon: number; status: DeploymentStatus | null; dwellings: number | null; source: string }[];
}

const factInclude = {
  operators: { include: { operator: { select: { name: true } } }, orderBy: [{ role: "asc" }, { operatorCode: "asc" }] },
} satisfies Prisma.AvailabilityInclude;

type Fact = Awaited<ReturnType<typeof loadFacts>>[number];

function loadFacts(addressId: string, buildingIds: string[], zoneId: string | null) {
  return db.availability.findMany({
    where: {
      withdrawnAt: null,
      OR: [{ addressId }, ...(buildingIds.length ? [{ buildingId: { in: buildingIds } }] : []), ...(zoneId ? [{ zoneId }] : [])],
    },
    include: factInclude,
  });
}

const factDate = (fact: Fact): Date => fact.fileDate ?? fact.recordedAt;
const statusRank = (status: DeploymentStatus): number => STATUS_ORDER.indexOf(status);

/** Newest first; on the same date the more advanced status first. */
function newestFirst(a: Fact, b: Fact): number {
  return factDate(b).getTime() - factDate(a).getTime() || statusRank(a.status) - statusRank(b.status);
}

function sourceOf(fact: Fact): FactSource {
  return { kind: fact.sourceKind, name: fact.sourceName, date: factDate(fact) };
}

export function summarizeTechnology(technology: Technology, facts: readonly Fact[]): TechnologyAvailability {
  const stated = facts.filter((fact) => fact.technology === technology).sort(newestFirst);
  const winner = stated[0];
  if (!winner) {
    return { technology, status: "NON_PREVU", since: null, planned: null, operators: [], source: null, disagreements: [] };
  }
  const operators = new Map<string, { code: string; name: string; role: OperatorRole }>();
  // The winner's operators, then the commercial operators other current sources name (Ma connexion internet).
  for (const fact of [winner, ...stated.slice(1)]) {
    for (const operator of fact.operators) {
      if (fact !== winner && operator.role !== "COMMERCIAL") continue;
      operators.set(`${operator.role}:${operator.operatorCode}`, { code: operator.operatorCode, name: operator.operator.name, role: operator.role });
    }
  }
  const disagreements = new Map<string, { status: DeploymentStatus; source: FactSource }>();
  for (const fact of stated.slice(1)) {
    const key = `${fact.sourceKind}|${fact.sourceName}`;
    if (fact.status !== winner.status && key !== `${winner.sourceKind}|${winner.sourceName}` && !disagreements.has(key)) {
      disagreements.set(key, { status: fact.status, source: sourceOf(fact) });
    }
  }
  return {
    technology,
    status: winner.status,
    since: winner.availableSince,
    planned: winner.plannedDate && winner.plannedPrecision ? { date: winner.plannedDate, precision: winner.plannedPrecision } : null,
    operators: [...operators.values()],
    source: sourceOf(winner),
    disagreements: [...disagreements.values()],
  };
}

export async function getAddressEligibility(id: string): Promise<AddressEligibility | null> {
  const address = await db.address.findUnique({
    where: { id },
    include: {
      commune: { select: { departementCode: true } },
      zone: { select: { id: true, name: true, outline: true, archivedAt: true } },
      buildings: { where: { withdrawnAt: null }, orderBy: { externalId: "asc" } },
    },
  });
  if (!address) return null;
  const zone = address.zone && address.zone.archivedAt === null ? address.zone : null;
  const facts = await loadFacts(
    address.id,
    address.buildings.map((building) => building.id),
    zone?.id ?? null,
  );
  return {
    address: {
      id: address.id,
      label: formatAddressLabel(address),
      number: address.number,
      suffix: address.suffix,
      street: address.street,
      postcode: address.postcode,
      inseeCode: address.inseeCode,
      commune: address.communeName,
      departementCode: address.commune.departementCode,
      lat: address.lat,
      lon: address.lon,
    },
    zone: zone ? { id: zone.id, name: zone.name, outline: JSON.parse(zone.outline) as unknown } : null,
    technologies: TECHNOLOGIES.map((technology) => summarizeTechnology(technology, facts)),
    buildings: address.buildings
      .filter((building) => building.lat !== null && building.lon !== null)
      .map((building) => {
        const ftth = facts.filter((fact) => fact.buildingId === building.id && fact.technology === "FTTH").sort(newestFirst)[0];
        return {
          id: building.externalId,
          lat: building.lat!,
          lon: building.lon!,
          status: ftth?.status ?? null,
          dwellings: building.dwellings,
          source: building.sourceName,
        };
      }),
  };
}
