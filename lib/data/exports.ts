import "server-only";
/**
 * Availability exports of a commune, an EPCI or an activity zone, streamed: addresses are read
 * page by page (by id) with the fact that counts for each technology (latestFactsSql), so memory
 * stays flat whatever the territory's size.
 * One row (CSV) or feature (GeoJSON) per address, the four technologies side by side.
 */
import { db } from "@/lib/db/client";
import type { DatePrecision, DeploymentStatus, Technology } from "@/lib/db/enums";
import { rawSelect, readDate } from "@/lib/db/raw";
import { isoDay } from "@/lib/api/serialize";
import { factSources } from "@/lib/data/coverage";
import { latestFactsSql } from "@/lib/data/latest-facts";
import { AppError } from "@/lib/errors";
import { STATUS_ORDER } from "@/lib/status";
import { TECHNOLOGIES } from "@/lib/technologies";
import { formatAddressLabel } from "@/lib/text/address-label";

export type ExportScope = { commune: string } | { epci: string } | { zone: string };

export interface ExportSubject {
  kind: "commune" | "epci" | "zone";
  id: string;
  name: string;
  /** The condition on "Address" a, with its parameters. */
  condition: { sql: string; params: string[] };
}

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
      { name: `${prefix}_statut`, description: `${technology} : état (${STATUS_ORDER.join(", ")}) ; vide si aucune source` },
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
    return { kind: "commune", id: commune.inseeCode, name: commune.name, condition: { sql: `a."inseeCode" = ?`, params: [commune.inseeCode] } };
  }
  if ("epci" in scope) {
    const epci = await db.epci.findUnique({ where: { siren: scope.epci }, select: { siren: true, name: true, communes: { select: { inseeCode: true } } } });
    if (!epci) throw new AppError("not_found", `Aucune intercommunalité ne porte le SIREN « ${scope.epci} ».`);
    const codes = epci.communes.map((commune) => commune.inseeCode);
    return {
      kind: "epci",
      id: epci.siren,
      name: epci.name,
      condition: { sql: codes.length ? `a."inseeCode" IN (${codes.map(() => "?").join(", ")})` : "1 = 0", params: codes },
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
  status: DeploymentStatus;
  date: string | null;
  precision: DatePrecision | null;
  source: string;
  sourceDate: string;
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
  technologies: Partial<Record<Technology, ExportedTechnology>>;
}

interface AddressRow {
  id: string; number: number | null; suffix: string | null; street: string; postcode: string | null; inseeCode: string;
  communeName: string; lat: number; lon: number; zoneId: string | null;
}

interface FactRow {
  addressId: string; technology: Technology; status: DeploymentStatus; availableSince: Date | string | null;
  plannedDate: Date | string | null; plannedPrecision: DatePrecision | null; sourceName: string; date: Date | string;
}


/** The subject's addresses with their technologies, a page at a time. */
export async function* exportedAddresses(subject: ExportSubject): AsyncGenerator<ExportedAddress[]> {
  let cursor = "";
  for (;;) {
    const addresses = await rawSelect<AddressRow>(
      `SELECT a."id", a."number", a."suffix", a."street", a."postcode", a."inseeCode", a."communeName", a."lat", a."lon", a."zoneId"
         FROM "Address" a WHERE ${subject.condition.sql} AND a."id" > ? ORDER BY a."id" LIMIT ${PAGE}`,
      [...subject.condition.params, cursor],
    );
    if (addresses.length === 0) return;
    const ids = addresses.map((address) => address.id);
    const facts = await rawSelect<FactRow>(latestFactsSql(`a."id" IN (${ids.map(() => "?").join(", ")})`, { details: true }), [...ids, ...ids]);
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
      technologies: Object.fromEntries(
        (byAddress.get(address.id) ?? []).map((fact) => [
          fact.technology,
          {
            status: fact.status,
            date: isoDay(readDate(fact.status === "DEPLOYE" || fact.status === "RAD" ? fact.availableSince : fact.plannedDate)),
            precision: fact.plannedDate && fact.status !== "DEPLOYE" && fact.status !== "RAD" ? fact.plannedPrecision : null,
            source: fact.sourceName,
            sourceDate: isoDay(readDate(fact.date)!),
          },
        ]),
      ),
    }));
    cursor = addresses[addresses.length - 1]!.id;
    if (addresses.length < PAGE) return;
  }
}
