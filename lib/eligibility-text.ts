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
