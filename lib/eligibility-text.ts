/**
 * The words of an eligibility answer (PRODUCT.md): the headline a business understands at once,
 * the provenance line of a fact, its dates at their precision. Pure functions, tested alone.
 */
import type { DatePrecision, DeploymentStatus, SourceKind, Technology } from "@/lib/db/enums";
import { formatDate, formatPlannedDate } from "@/lib/format";
import { STATUS_LABELS } from "@/lib/status";
import { TECHNOLOGY_INFO } from "@/lib/technologies";

export interface StatedTechnology {
  technology: Technology;
  status: DeploymentStatus;
  since: Date | null;
  planned: { date: Date; precision: DatePrecision } | null;
}

export interface Headline {
  tone: "available" | "on-demand" | "planned" | "none";
  title: string;
  detail: string;
}

const PROFESSIONAL: readonly Technology[] = ["FTTH_PRO", "FTTE", "FTTO"];
const UNDER_WAY: readonly DeploymentStatus[] = ["EN_COURS", "SIGNE", "CIBLE", "PREVU", "RAD_EN_COURS"];

const names = (technologies: readonly StatedTechnology[]) => technologies.map((entry) => TECHNOLOGY_INFO[entry.technology].name).join(", ");

export function eligibilityHeadline(technologies: readonly StatedTechnology[]): Headline {
  const deployed = technologies.filter((entry) => entry.status === "DEPLOYE");
  const professional = deployed.filter((entry) => PROFESSIONAL.includes(entry.technology));
  if (professional.length > 0) {
    return {
      tone: "available",
      title: "Fibre professionnelle disponible",
      detail: `Vous pouvez commander dès maintenant : ${names(professional)}.`,
    };
  }
  if (deployed.length > 0) {
    return {
      tone: "available",
      title: "Fibre disponible (FttH)",
      detail: "La fibre mutualisée est raccordable. Demandez aux opérateurs leurs offres FttH pro pour les entreprises.",
    };
  }
  const onDemand = technologies.filter((entry) => entry.status === "RAD");
  if (onDemand.length > 0) {
    return {
      tone: "on-demand",
      title: "Fibre raccordable à la demande",
      detail: `Le raccordement se fait sur demande auprès d'un opérateur : ${names(onDemand)}. Comptez quelques mois.`,
    };
  }
  const underWay = technologies.filter((entry) => UNDER_WAY.includes(entry.status));
  if (underWay.length > 0) {
    const next = underWay
      .filter((entry) => entry.planned !== null)
      .sort((a, b) => a.planned!.date.getTime() - b.planned!.date.getTime())[0];
    return {
      tone: "planned",
      title: next
        ? `Fibre en cours de déploiement — ouverture prévue ${formatPlannedDate(next.planned!.date, next.planned!.precision)}`
        : "Fibre en cours de déploiement — date d'ouverture non communiquée",
      detail: `Concerné : ${names(underWay)}. La date peut encore évoluer ; elle vient de la source indiquée sur chaque technologie.`,
    };
  }
  return {
    tone: "none",
    title: "Aucun déploiement annoncé",
    detail: "Aucune source ne prévoit de fibre à cette adresse pour l'instant. Votre collectivité peut vous renseigner.",
  };
}

/** "Source : IPE LIAIN du 15/11/2026", or for a publication "Publié par … le 02/10/2026". */
export function provenanceLine(source: { kind: SourceKind; name: string; date: Date }): string {
  return source.kind === "PUBLICATION"
    ? `Publié par ${source.name} le ${formatDate(source.date)}`
    : `Source : ${source.name} du ${formatDate(source.date)}`;
}

/** The date line of a technology card, or null when there is none. */
export function dateLine(entry: StatedTechnology): string | null {
  if (entry.since && (entry.status === "DEPLOYE" || entry.status === "RAD")) return `Disponible depuis le ${formatDate(entry.since)}`;
  if (entry.planned) {
    const when = formatPlannedDate(entry.planned.date, entry.planned.precision);
    return entry.planned.precision === "DAY" ? `Ouverture prévue le ${when}` : `Ouverture prévue : ${when}`;
  }
  return null;
}

/** The same date line for a stored fact (a zone's schedule, an alert's snapshot). */
export function factDateLine(fact: {
  technology: Technology;
  status: DeploymentStatus;
  availableSince: Date | null;
  plannedDate: Date | null;
  plannedPrecision: DatePrecision | null;
}): string | null {
  return dateLine({
    technology: fact.technology,
    status: fact.status,
    since: fact.availableSince,
    planned: fact.plannedDate && fact.plannedPrecision ? { date: fact.plannedDate, precision: fact.plannedPrecision } : null,
  });
}

export function statusLabel(status: DeploymentStatus): string {
  return STATUS_LABELS[status];
}
