/**
 * The words of a stated fact (PRODUCT.md): the provenance line, the date line at its precision,
 * the detailed status label. The headline and levels of the business answer are in lib/levels/.
 */
import type { DatePrecision, DeploymentStatus, SourceKind, Technology } from "@/lib/db/enums";
import { formatDate } from "@/lib/format";
import { plannedDateText } from "@/lib/levels/planned-text";
import { STATUS_LABELS } from "@/lib/status";

export interface DatedFact {
  technology: Technology;
  status: DeploymentStatus;
  since: Date | null;
  planned: { date: Date; precision: DatePrecision } | null;
}

/** "Source : IPE LIAIN du 15/11/2026", or for a publication "Publié par … le 02/10/2026". */
export function provenanceLine(source: { kind: SourceKind; name: string; date: Date }): string {
  return source.kind === "PUBLICATION"
    ? `Publié par ${source.name} le ${formatDate(source.date)}`
    : `Source : ${source.name} du ${formatDate(source.date)}`;
}

/**
 * The date line of a fact, or null when there is none: "Disponible depuis le 04/04/2019",
 * "Ouverture prévue T3 2027", "Ouverture prévue au plus tôt le 7 mai 2027" (an operator file's date).
 */
export function dateLine(entry: DatedFact, sourceKind?: SourceKind | null): string | null {
  if (entry.since && (entry.status === "DEPLOYE" || entry.status === "RAD")) return `Disponible depuis le ${formatDate(entry.since)}`;
  if (entry.planned) return `Ouverture prévue ${plannedDateText(entry.planned, sourceKind)}`;
  return null;
}

/** The same date line for a stored fact (a zone's schedule, an alert's snapshot). */
export function factDateLine(fact: {
  technology: Technology;
  status: DeploymentStatus;
  availableSince: Date | null;
  plannedDate: Date | null;
  plannedPrecision: DatePrecision | null;
  sourceKind?: SourceKind | null;
}): string | null {
  return dateLine(
    {
      technology: fact.technology,
      status: fact.status,
      since: fact.availableSince,
      planned: fact.plannedDate && fact.plannedPrecision ? { date: fact.plannedDate, precision: fact.plannedPrecision } : null,
    },
    fact.sourceKind,
  );
}

export function statusLabel(status: DeploymentStatus): string {
  return STATUS_LABELS[status];
}

/** A status said of buildings, singular and plural: "1 raccordable", "2 raccordables à la demande". */
const BUILDING_STATUS_WORDS: Readonly<Record<DeploymentStatus, readonly [string, string]>> = {
  DEPLOYE: ["raccordable", "raccordables"],
  RAD: ["raccordable à la demande", "raccordables à la demande"],
  RAD_EN_COURS: ["en cours de raccordement à la demande", "en cours de raccordement à la demande"],
  EN_COURS: ["en cours de déploiement", "en cours de déploiement"],
  SIGNE: ["avec convention signée", "avec convention signée"],
  CIBLE: ["dans le périmètre de déploiement", "dans le périmètre de déploiement"],
  PREVU: ["au déploiement programmé", "au déploiement programmé"],
  ABANDONNE: ["au déploiement abandonné", "au déploiement abandonné"],
  NON_PREVU: ["sans déploiement annoncé", "sans déploiement annoncé"],
};

/** "2 bâtiments : 1 raccordable, 1 raccordable à la demande" — the split of one source's statuses at an address. */
export function buildingSplitText(split: { count: number; statuses: readonly { status: DeploymentStatus; count: number }[] }): string {
  const parts = split.statuses.map(({ status, count }) => `${count} ${BUILDING_STATUS_WORDS[status][count > 1 ? 1 : 0]}`);
  return `${split.count} bâtiments : ${parts.join(", ")}`;
}

/** Why the technology's level is the least advanced building's, for the card and the API. */
export const BUILDING_SPLIT_RULE = "Le niveau indiqué est celui du bâtiment le moins avancé : vérifiez lequel est le vôtre auprès d'un opérateur.";
