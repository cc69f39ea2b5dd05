/**
 * The headline of an address page, written around the business need (PRODUCT.md): can I order a
 * business connection here, and if not, when and what instead. Consistent with the cards: it is
 * built from the same answers (lib/levels/answer.ts).
 */
import { buildingSplitText } from "@/lib/eligibility-text";
import { TECHNOLOGY_INFO } from "@/lib/technologies";
import { isBusinessTechnology } from "@/lib/levels/levels";
import { ON_REQUEST_RULE, type TechnologyAnswer } from "@/lib/levels/answer";
import { plannedDateText } from "@/lib/levels/planned-text";

export type HeadlineTone = "available" | "on-request" | "planned" | "none";

export interface Headline {
  tone: HeadlineTone;
  title: string;
  detail: string;
}

const technologyName = (answer: TechnologyAnswer) => TECHNOLOGY_INFO[answer.technology].name;

function offerLabel(answer: TechnologyAnswer): string {
  const commercial = answer.operators.filter((operator) => operator.role !== "INFRASTRUCTURE").map((operator) => operator.name);
  if (commercial.length === 0) return technologyName(answer);
  return `${technologyName(answer)} via ${commercial.join(", ")}`;
}

const byDate = (a: TechnologyAnswer, b: TechnologyAnswer) => (a.planned?.date.getTime() ?? Infinity) - (b.planned?.date.getTime() ?? Infinity);

/**
 * The headline; when a source states different statuses for several buildings here, its detail
 * says so — the levels already are the least advanced building's (lib/data/eligibility.ts).
 */
export function businessHeadline(answers: readonly TechnologyAnswer[]): Headline {
  const headline = headlineOf(answers);
  const split = answers.find((answer) => answer.basis === "SOURCE" && answer.buildings)?.buildings;
  if (!split) return headline;
  return { ...headline, detail: `${headline.detail} Plusieurs bâtiments ici (${buildingSplitText(split)}) : la réponse vaut pour le moins avancé.` };
}

function headlineOf(answers: readonly TechnologyAnswer[]): Headline {
  const business = answers.filter((answer) => isBusinessTechnology(answer.technology));
  const ftth = answers.find((answer) => answer.technology === "FTTH");
  const ftto = answers.find((answer) => answer.technology === "FTTO");
  const fttoOnQuote = ftto?.level === "ON_REQUEST" && ftto.basis === "GENERAL_RULE";
  const quoteSentence = fttoOnQuote ? " La fibre dédiée (FttO) reste possible sur devis." : "";

  const available = business.filter((answer) => answer.level === "AVAILABLE");
  if (available.length > 0) {
    return {
      tone: "available",
      title: "Vous pouvez commander une offre fibre professionnelle",
      detail: `Disponible maintenant : ${available.map(offerLabel).join(" ; ")}. Les opérateurs et leurs offres sont ci-dessous.`,
    };
  }
  if (ftth?.level === "AVAILABLE") {
    return {
      tone: "available",
      title: "Fibre disponible : demandez une offre professionnelle",
      detail: `Vous pouvez commander la fibre (FttH) dès maintenant. Aucun opérateur présent ici n'est référencé pour des offres pro : demandez aux opérateurs entreprises ci-dessous.${quoteSentence}`,
    };
  }
  const onRequest = business.filter((answer) => answer.level === "ON_REQUEST" && answer.basis !== "GENERAL_RULE");
  if (onRequest.length > 0 || ftth?.level === "ON_REQUEST") {
    return {
      tone: "on-request",
      title: onRequest.length > 0 ? "Fibre professionnelle sur demande" : "Fibre raccordable à la demande",
      detail: `${onRequest.length > 0 ? `Sur demande : ${onRequest.map(offerLabel).join(" ; ")}. ` : ""}${ON_REQUEST_RULE}${quoteSentence}`,
    };
  }
  const planned = answers.filter((answer) => answer.level === "PLANNED").sort(byDate);
  if (planned.length > 0) {
    const next = planned.find((answer) => isBusinessTechnology(answer.technology)) ?? planned[0]!;
    const isPro = isBusinessTechnology(next.technology);
    const when = next.planned ? plannedDateText(next.planned, next.source?.kind) : null;
    return {
      tone: "planned",
      title: `${isPro ? "Fibre pro prévue" : "Fibre prévue"}${when ? ` ${when}` : " — date non communiquée"}`,
      detail: `${technologyName(next)} : ${next.source ? `selon ${next.source.name}` : "prévu"}. La date peut encore évoluer : demandez à être prévenu.${quoteSentence}`,
    };
  }
  return {
    tone: "none",
    title: fttoOnQuote ? "Pas de fibre annoncée — la fibre dédiée reste possible sur devis" : "Pas de fibre annoncée",
    detail: fttoOnQuote
      ? "Aucune source n'annonce la fibre à cette adresse. Règle générale : la fibre dédiée (FttO) peut être construite presque partout, sur étude — demandez un devis aux opérateurs entreprises ci-dessous. Votre collectivité peut aussi vous renseigner."
      : "Aucune source n'annonce la fibre à cette adresse. Votre collectivité peut vous renseigner.",
  };
}
