import "server-only";
/**
 * What an address can get, technology by technology, and who says so: the facts stated about the
 * address itself, its buildings and its activity zone. Per technology the most recent fact wins
 * (file date, else when it was recorded); the other sources that say something else are kept as
 * disagreements, for the page to state.
 */
import { rawSelect, readDate } from "@/lib/db/raw";
import type { DatePrecision, DeploymentStatus, OperatorRole, SourceKind, Technology } from "@/lib/db/enums";
import { loadOperatorDirectory } from "@/lib/data/operator-directory";
import type { BuildingSplit, FactSource, StatedTechnology } from "@/lib/levels/answer";
import type { OperatorDirectory } from "@/lib/operators/directory";
import { formatAddressLabel } from "@/lib/text/address-label";
import { STATUS_ORDER } from "@/lib/status";
import { TECHNOLOGIES } from "@/lib/technologies";

export type { FactSource } from "@/lib/levels/answer";
/** What the sources state about one technology at one address (the business answer adds levels to it). */
export type TechnologyAvailability = StatedTechnology;

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
  zone: { id: string; name: string; outline: unknown; organisationId: string | null; contact: string | null } | null;
  technologies: TechnologyAvailability[];
  /** The buildings of the address that have a position (the map places them). */
  buildings: { id: string; lat: number; lon: number; status: DeploymentStatus | null; dwellings: number | null; source: string }[];
  /** How many more buildings the address has, with no position. */
  unplacedBuildings: number;
}

/** A current fact about the address, its buildings or its zone, with its operators. */
interface Fact {
  id: string;
  buildingId: string | null;
  technology: Technology;
  status: DeploymentStatus;
  availableSince: Date | null;
  plannedDate: Date | null;
  plannedPrecision: DatePrecision | null;
  sourceKind: SourceKind;
  sourceName: string;
  fileDate: Date | null;
  recordedAt: Date;
  message: string | null;
  operators: { operatorCode: string; role: OperatorRole }[];
}

type FactRow = Omit<Fact, "operators" | "availableSince" | "plannedDate" | "fileDate" | "recordedAt"> & {
  availableSince: Date | string | null;
  plannedDate: Date | string | null;
  fileDate: Date | string | null;
  recordedAt: Date | string;
  operatorCode: string | null;
  role: OperatorRole | null;
};

/** The current facts in one query (a row per fact and operator), grouped back per fact. */
async function loadFacts(addressId: string, buildingIds: string[], zoneId: string | null): Promise<Fact[]> {
  const rows = await rawSelect<FactRow>(
    `SELECT f."id", f."buildingId", f."technology", f."status", f."availableSince", f."plannedDate", f."plannedPrecision",
            f."sourceKind", f."sourceName", f."fileDate", f."recordedAt", p."message", o."operatorCode", o."role"
       FROM "Availability" f
       LEFT JOIN "Publication" p ON p."id" = f."publicationId"
       LEFT JOIN "AvailabilityOperator" o ON o."availabilityId" = f."id"
      WHERE f."withdrawnAt" IS NULL
        AND (f."addressId" = ?${buildingIds.length ? ` OR f."buildingId" IN (${buildingIds.map(() => "?").join(", ")})` : ""}${zoneId ? ` OR (f."zoneId" = ? AND f."addressId" IS NULL)` : ""})
      ORDER BY f."id", o."role", o."operatorCode"`,
    [addressId, ...buildingIds, ...(zoneId ? [zoneId] : [])],
  );
  const facts = new Map<string, Fact>();
  for (const row of rows) {
    let fact = facts.get(row.id);
    if (!fact) {
      fact = {
        id: row.id,
        buildingId: row.buildingId,
        technology: row.technology,
        status: row.status,
        availableSince: readDate(row.availableSince),
        plannedDate: readDate(row.plannedDate),
        plannedPrecision: row.plannedPrecision,
        sourceKind: row.sourceKind,
        sourceName: row.sourceName,
        fileDate: readDate(row.fileDate),
        recordedAt: readDate(row.recordedAt)!,
        message: row.message,
        operators: [],
      };
      facts.set(row.id, fact);
    }
    if (row.operatorCode && row.role) fact.operators.push({ operatorCode: row.operatorCode, role: row.role });
  }
  return [...facts.values()];
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

const sourceKey = (fact: Fact) => `${fact.sourceKind}|${fact.sourceName}`;

/**
 * The fact that counts among the stated ones (newest first) and, when the newest is a building's
 * fact and its source states several buildings of the address with different statuses, their
 * split. Then the least advanced of those buildings' facts counts (on the same status, the
 * newest): one building deployed does not make the others orderable. latestFactsSql applies the
 * same rule in SQL for coverage and exports.
 */
function countingFact(stated: readonly Fact[]): { fact: Fact; buildings?: BuildingSplit } {
  const newest = stated[0]!;
  if (newest.buildingId === null) return { fact: newest };
  const perBuilding = new Map<string, Fact>();
  for (const fact of stated) {
    if (fact.buildingId !== null && sourceKey(fact) === sourceKey(newest) && !perBuilding.has(fact.buildingId)) perBuilding.set(fact.buildingId, fact);
  }
  const buildingFacts = [...perBuilding.values()];
  const counts = new Map<DeploymentStatus, number>();
  for (const fact of buildingFacts) counts.set(fact.status, (counts.get(fact.status) ?? 0) + 1);
  if (counts.size < 2) return { fact: newest };
  const leastAdvanced = [...buildingFacts].sort((a, b) => statusRank(b.status) - statusRank(a.status) || factDate(b).getTime() - factDate(a).getTime())[0]!;
  const statuses = [...counts].sort(([a], [b]) => statusRank(a) - statusRank(b)).map(([status, count]) => ({ status, count }));
  return { fact: leastAdvanced, buildings: { count: buildingFacts.length, statuses } };
}

export function summarizeTechnology(technology: Technology, facts: readonly Fact[], directory: OperatorDirectory): TechnologyAvailability {
  const stated = facts.filter((fact) => fact.technology === technology).sort(newestFirst);
  if (stated.length === 0) {
    return { technology, status: "NON_PREVU", since: null, planned: null, operators: [], source: null, disagreements: [], message: null };
  }
  const { fact: winner, buildings } = countingFact(stated);
  const others = stated.filter((fact) => fact !== winner);
  const operators = new Map<string, { code: string; name: string; role: OperatorRole }>();
  // The winner's operators, then the commercial operators other current sources name (Ma connexion internet).
  for (const fact of [winner, ...others]) {
    for (const operator of fact.operators) {
      if (fact !== winner && operator.role !== "COMMERCIAL") continue;
      operators.set(`${operator.role}:${operator.operatorCode}`, { code: operator.operatorCode, name: directory.nameOf(operator.operatorCode), role: operator.role });
    }
  }
  const disagreements = new Map<string, { status: DeploymentStatus; source: FactSource }>();
  for (const fact of others) {
    const key = sourceKey(fact);
    if (fact.status !== winner.status && key !== sourceKey(winner) && !disagreements.has(key)) {
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
    message: winner.message,
    ...(buildings ? { buildings } : {}),
  };
}

interface AddressRow {
  id: string; number: number | null; suffix: string | null; street: string; postcode: string | null; inseeCode: string;
  communeName: string; lat: number; lon: number; departementCode: string;
  zoneId: string | null; zoneName: string | null; zoneOutline: string | null; zoneArchivedAt: Date | string | null;
  zoneOrganisationId: string | null; zoneContact: string | null;
}

export async function getAddressEligibility(id: string, directory?: OperatorDirectory | Promise<OperatorDirectory>): Promise<AddressEligibility | null> {
  // Three queries whatever the address, in two round trips: the address with its commune and zone
  // beside its buildings (both by the address id), then the facts.
  const [[address], buildings] = await Promise.all([
    rawSelect<AddressRow>(
      `SELECT a."id", a."number", a."suffix", a."street", a."postcode", a."inseeCode", a."communeName", a."lat", a."lon",
              c."departementCode", z."id" AS "zoneId", z."name" AS "zoneName", COALESCE(z."displayOutline", z."outline") AS "zoneOutline", z."archivedAt" AS "zoneArchivedAt",
              z."organisationId" AS "zoneOrganisationId", z."contact" AS "zoneContact"
         FROM "Address" a JOIN "Commune" c ON c."inseeCode" = a."inseeCode" LEFT JOIN "ActivityZone" z ON z."id" = a."zoneId"
        WHERE a."id" = ?`,
      [id],
    ),
    rawSelect<{ id: string; externalId: string; lat: number | null; lon: number | null; dwellings: number | null; sourceName: string }>(
      `SELECT "id", "externalId", "lat", "lon", "dwellings", "sourceName" FROM "Building" WHERE "addressId" = ? AND "withdrawnAt" IS NULL ORDER BY "externalId"`,
      [id],
    ),
  ]);
  if (!address) return null;
  const zone =
    address.zoneId && address.zoneArchivedAt === null
      ? { id: address.zoneId, name: address.zoneName!, outline: address.zoneOutline!, organisationId: address.zoneOrganisationId, contact: address.zoneContact }
      : null;
  const [facts, operatorDirectory] = await Promise.all([
    loadFacts(
      address.id,
      buildings.map((building) => building.id),
      zone?.id ?? null,
    ),
    directory ?? loadOperatorDirectory(),
  ]);
  return {
    address: {
      id: address.id,
      label: formatAddressLabel(address),
      number: address.number === null ? null : Number(address.number),
      suffix: address.suffix,
      street: address.street,
      postcode: address.postcode,
      inseeCode: address.inseeCode,
      commune: address.communeName,
      departementCode: address.departementCode,
      lat: Number(address.lat),
      lon: Number(address.lon),
    },
    zone: zone ? { ...zone, outline: JSON.parse(zone.outline) as unknown } : null,
    technologies: TECHNOLOGIES.map((technology) => summarizeTechnology(technology, facts, operatorDirectory)),
    unplacedBuildings: buildings.filter((building) => building.lat === null || building.lon === null).length,
    buildings: buildings
      .filter((building) => building.lat !== null && building.lon !== null)
      .map((building) => {
        const ftth = facts.filter((fact) => fact.buildingId === building.id && fact.technology === "FTTH").sort(newestFirst)[0];
        return {
          id: building.externalId,
          lat: Number(building.lat),
          lon: Number(building.lon),
          status: ftth?.status ?? null,
          dwellings: building.dwellings === null ? null : Number(building.dwellings),
          source: building.sourceName,
        };
      }),
  };
}
