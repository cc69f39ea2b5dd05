import "server-only";
/**
 * Availability exports of a commune, an EPCI or an activity zone, streamed: addresses are read
 * page by page (by id) with the fact that counts for each technology (latestFactsSql), so memory
 * stays flat whatever the territory's size.
 * One row (CSV) or feature (GeoJSON) per address, the four technologies side by side.
 */
import { db } from "@/lib/db/client";
import type { DatePrecision, DeploymentStatus, OperatorRole, SourceKind, Technology } from "@/lib/db/enums";
import { rawSelect, readDate } from "@/lib/db/raw";
import { isoDay } from "@/lib/api/serialize";
import { factSources } from "@/lib/data/coverage";
import { latestFactsSql } from "@/lib/data/latest-facts";
import { loadOperatorDirectory } from "@/lib/data/operator-directory";
import { answerTechnologies, type AnswerContext, type StatedTechnology } from "@/lib/levels/answer";
import { LEVELS, type Basis, type Level } from "@/lib/levels/levels";
import { AppError } from "@/lib/errors";
import type { OperatorDirectory } from "@/lib/operators/directory";
import { STATUS_ORDER } from "@/lib/status";
import { TECHNOLOGIES } from "@/lib/technologies";
import { formatAddressLabel } from "@/lib/text/address-label";

export type ExportScope = { commune: string } | { epci: string } | { zone: string } | { departement: string };

export interface ExportSubject {
  kind: "commune" | "epci" | "zone" | "departement";
  id: string;
  name: string;
  /** The condition on "Address" a, with its parameters. */
  condition: { sql: string; params: string[] };
  /**
   * The same addresses as conditions read one after the other, each a commune that the index
   * ("inseeCode", "id") reads in id order — a territory of several communes, one commune at a time.
   * Absent, the condition is read as one (a commune; a zone, small, through its own "zoneId" index).
   */
  parts?: { sql: string; params: string[] }[];
}

const communeCondition = (inseeCode: string) => ({ sql: `a."inseeCode" = ?`, params: [inseeCode] });

export const EXPORT_LICENCE = {
  name: "Licence Ouverte / Open Licence 2.0 (Etalab)",
  url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
};

/** Columns of the CSV export, in order, with their meaning (documented in the metadata and on /donnees). */
export const EXPORT_COLUMNS: readonly { name: string; description: string }[] = [
  { name: "ban_id", description: "Identifiant de l'adresse dans la Base Adresse Nationale" },
  { name: "libelle", description: "Adresse complète" },
  { name: "numero", description: "Numéro dans la voie" },
  { name: "suffixe", description: "Indice de répétition (bis, ter, a…)" },
  { name: "voie", description: "Nom de la voie ou du lieu-dit" },
  { name: "code_postal", description: "Code postal" },
  { name: "code_insee", description: "Code INSEE de la commune" },
  { name: "commune", description: "Nom de la commune" },
  { name: "lat", description: "Latitude WGS84" },
  { name: "lon", description: "Longitude WGS84" },
  { name: "zone_id", description: "Zone d'activités où se trouve l'adresse (identifiant CNIG)" },
  ...TECHNOLOGIES.flatMap((technology) => {
    const prefix = technology.toLowerCase();
    return [
      { name: `${prefix}_niveau`, description: `${technology} : niveau en clair (${LEVELS.join(", ")}), les règles de la page de l'adresse` },
      { name: `${prefix}_base`, description: `${technology} : sur quoi repose le niveau (SOURCE, DIRECTORY : annuaire des opérateurs, GENERAL_RULE : règle générale, NONE : rien)` },
      { name: `${prefix}_statut`, description: `${technology} : état détaillé de la source (${STATUS_ORDER.join(", ")}) ; vide si aucune source` },
      { name: `${prefix}_date`, description: `${technology} : disponible depuis, ou ouverture prévue (AAAA-MM-JJ)` },
      { name: `${prefix}_precision`, description: `${technology} : précision de la date prévue (DAY, MONTH, QUARTER, HALF, YEAR)` },
      { name: `${prefix}_source`, description: `${technology} : source de l'information` },
      { name: `${prefix}_date_source`, description: `${technology} : date du fichier ou de la publication source` },
    ];
  }),
];

const PAGE = 1_000;

export async function resolveExportSubject(scope: ExportScope): Promise<ExportSubject> {
  if ("commune" in scope) {
    const commune = await db.commune.findUnique({ where: { inseeCode: scope.commune }, select: { inseeCode: true, name: true } });
    if (!commune) throw new AppError("not_found", `Aucune commune ne porte le code INSEE « ${scope.commune} ».`);
    return { kind: "commune", id: commune.inseeCode, name: commune.name, condition: communeCondition(commune.inseeCode) };
  }
  if ("epci" in scope) {
    const epci = await db.epci.findUnique({ where: { siren: scope.epci }, select: { siren: true, name: true, communes: { select: { inseeCode: true } } } });
    if (!epci) throw new AppError("not_found", `Aucune intercommunalité ne porte le SIREN « ${scope.epci} ».`);
    const codes = epci.communes.map((commune) => commune.inseeCode).sort();
    return {
      kind: "epci",
      id: epci.siren,
      name: epci.name,
      condition: { sql: codes.length ? `a."inseeCode" IN (${codes.map(() => "?").join(", ")})` : "1 = 0", params: codes },
      parts: codes.map(communeCondition),
    };
  }
  if ("departement" in scope) {
    const departement = await db.departement.findUnique({
      where: { code: scope.departement },
      select: { code: true, name: true, communes: { select: { inseeCode: true }, orderBy: { inseeCode: "asc" } } },
    });
    if (!departement) throw new AppError("not_found", `Aucun département ne porte le code « ${scope.departement} ».`);
    return {
      kind: "departement",
      id: departement.code,
      name: departement.name,
      condition: { sql: `a."inseeCode" IN (SELECT "inseeCode" FROM "Commune" WHERE "departementCode" = ?)`, params: [departement.code] },
      parts: departement.communes.map((commune) => communeCondition(commune.inseeCode)),
    };
  }
  const zone = await db.activityZone.findUnique({ where: { id: scope.zone }, select: { id: true, name: true } });
  if (!zone) throw new AppError("not_found", `Aucune zone d'activités ne porte l'identifiant « ${scope.zone} ».`);
  return { kind: "zone", id: zone.id, name: zone.name, condition: { sql: `a."zoneId" = ?`, params: [zone.id] } };
}

/** The sources behind the subject's facts and their latest dates, newest first. */
export async function exportSources(subject: ExportSubject): Promise<{ name: string; date: string | null }[]> {
  return (await factSources(subject.condition)).map((source) => ({ name: source.name, date: isoDay(source.date) }));
}

export interface ExportedTechnology {
  level: Level;
  basis: Basis;
  /** null when no source states anything. */
  status: DeploymentStatus | null;
  date: string | null;
  precision: DatePrecision | null;
  source: string | null;
  sourceDate: string | null;
}

export interface ExportedAddress {
  id: string;
  label: string;
  number: number | null;
  suffix: string | null;
  street: string;
  postcode: string | null;
  inseeCode: string;
  commune: string;
  lat: number;
  lon: number;
  zoneId: string | null;
  technologies: Record<Technology, ExportedTechnology>;
}

interface AddressRow {
  id: string; number: number | null; suffix: string | null; street: string; postcode: string | null; inseeCode: string;
  communeName: string; lat: number; lon: number; zoneId: string | null; departementCode: string;
}

interface FactRow {
  addressId: string; technology: Technology; status: DeploymentStatus; availableSince: Date | string | null;
  plannedDate: Date | string | null; plannedPrecision: DatePrecision | null; sourceName: string; sourceKind: SourceKind; date: Date | string;
}

/** Commercial operators named by the current FttH facts of the addresses (their own, their buildings', their zone's). */
async function ftthSellers(ids: readonly string[]): Promise<Map<string, { code: string; role: OperatorRole }[]>> {
  const rows = await rawSelect<{ addressId: string; operatorCode: string; role: OperatorRole }>(
    `SELECT a."id" AS "addressId", o."operatorCode", o."role"
       FROM "Address" a JOIN "Availability" f ON (f."addressId" = a."id" OR (f."zoneId" = a."zoneId" AND f."addressId" IS NULL))
       JOIN "AvailabilityOperator" o ON o."availabilityId" = f."id"
      WHERE a."id" IN (${ids.map(() => "?").join(", ")}) AND f."withdrawnAt" IS NULL AND CAST(f."technology" AS TEXT) = 'FTTH'
        AND CAST(o."role" AS TEXT) <> 'INFRASTRUCTURE'`,
    ids,
  );
  const byAddress = new Map<string, { code: string; role: OperatorRole }[]>();
  for (const row of rows) byAddress.set(row.addressId, [...(byAddress.get(row.addressId) ?? []), { code: row.operatorCode, role: row.role }]);
  return byAddress;
}

/** One address's technologies through the address page's rules (lib/levels/answer.ts). */
function exportedTechnologies(facts: readonly FactRow[], sellers: readonly { code: string; role: OperatorRole }[], context: AnswerContext): Record<Technology, ExportedTechnology> {
  const stated: StatedTechnology[] = TECHNOLOGIES.map((technology) => {
    const fact = facts.find((candidate) => candidate.technology === technology);
    if (!fact) return { technology, status: "NON_PREVU", since: null, planned: null, operators: [], source: null, disagreements: [], message: null };
    const planned = readDate(fact.plannedDate);
    return {
      technology,
      status: fact.status,
      since: readDate(fact.availableSince),
      planned: planned && fact.plannedPrecision ? { date: planned, precision: fact.plannedPrecision } : null,
      operators: technology === "FTTH" ? sellers.map((seller) => ({ ...seller, name: seller.code })) : [],
      source: { kind: fact.sourceKind, name: fact.sourceName, date: readDate(fact.date)! },
      disagreements: [],
      message: null,
    };
  });
  const answers = answerTechnologies(stated, context);
  return Object.fromEntries(
    answers.map((answer) => {
      const isOpen = answer.status === "DEPLOYE" || answer.status === "RAD";
      const hasSource = answer.basis === "SOURCE";
      return [
        answer.technology,
        {
          level: answer.level,
          basis: answer.basis,
          status: hasSource ? answer.status : null,
          date: hasSource ? isoDay(isOpen ? answer.since : (answer.planned?.date ?? null)) : null,
          precision: hasSource && !isOpen ? (answer.planned?.precision ?? null) : null,
          source: answer.source?.name ?? null,
          sourceDate: answer.source ? isoDay(answer.source.date) : null,
        },
      ];
    }),
  ) as Record<Technology, ExportedTechnology>;
}


/**
 * The subject's addresses with their technologies (levels by the address page's rules), a page at a time,
 * in id order within each of its parts. A caller that asks for many subjects in a row (lib/batch) passes
 * the operator directory it loaded once.
 *
 * Pages follow the id (keyset), a part at a time: "inseeCode = ? AND id > ? ORDER BY id" is a range of
 * the ("inseeCode", "id") index. Read as one condition over a territory, or without that index,
 * PostgreSQL walked the primary key in id order and filtered: at 26 M addresses, 25 M rows read
 * before the first of a commune whose ids sort last (5–14 s for its first page).
 */
export async function* exportedAddresses(subject: ExportSubject, loaded?: OperatorDirectory): AsyncGenerator<ExportedAddress[]> {
  const directory = loaded ?? (await loadOperatorDirectory());
  const contexts = new Map<string, AnswerContext>();
  const contextFor = (departement: string) => {
    let context = contexts.get(departement);
    if (!context) contexts.set(departement, (context = { ftthProSellers: directory.sellerCodes("FTTH_PRO", departement) }));
    return context;
  };
  for (const part of subject.parts ?? [subject.condition]) {
    yield* partPages(part, contextFor);
  }
}

async function* partPages(part: ExportSubject["condition"], contextFor: (departement: string) => AnswerContext): AsyncGenerator<ExportedAddress[]> {
  let cursor = "";
  for (;;) {
    const addresses = await rawSelect<AddressRow>(
      `SELECT a."id", a."number", a."suffix", a."street", a."postcode", a."inseeCode", a."communeName", a."lat", a."lon", a."zoneId", c."departementCode"
         FROM "Address" a JOIN "Commune" c ON c."inseeCode" = a."inseeCode" WHERE ${part.sql} AND a."id" > ? ORDER BY a."id" LIMIT ${PAGE}`,
      [...part.params, cursor],
    );
    if (addresses.length === 0) return;
    const ids = addresses.map((address) => address.id);
    const [facts, sellers] = await Promise.all([
      rawSelect<FactRow>(latestFactsSql(`a."id" IN (${ids.map(() => "?").join(", ")})`, { details: true }), [...ids, ...ids]),
      ftthSellers(ids),
    ]);
    const byAddress = new Map<string, FactRow[]>();
    for (const fact of facts) {
      const stated = byAddress.get(fact.addressId);
      if (stated) stated.push(fact);
      else byAddress.set(fact.addressId, [fact]);
    }
    yield addresses.map((address) => ({
      id: address.id,
      label: formatAddressLabel(address),
      number: address.number === null ? null : Number(address.number),
      suffix: address.suffix,
      street: address.street,
      postcode: address.postcode,
      inseeCode: address.inseeCode,
      commune: address.communeName,
      lat: Number(address.lat),
      lon: Number(address.lon),
      zoneId: address.zoneId,
      technologies: exportedTechnologies(byAddress.get(address.id) ?? [], sellers.get(address.id) ?? [], contextFor(address.departementCode)),
    }));
    cursor = addresses[addresses.length - 1]!.id;
    if (addresses.length < PAGE) return;
  }
}
