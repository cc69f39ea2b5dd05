/**
 * The recommendation of « Quelle fibre pour mon entreprise ? » (PRODUCT.md, technologies): each
 * answer asks for at least one technology, ranked by what it guarantees —
 *   FttH (best effort, no repair time) < FttH pro (priority support, next-working-day repair,
 *   sometimes partly guaranteed throughput) < FttE (a dedicated fibre over the FttH network,
 *   better repair guarantees) < FttO (symmetric guaranteed throughput, GTR 4 h, priciest) —
 * and the recommendation is the least of them that meets every answer. Its reasons are the answers
 * that asked for it, one sentence each. The alternative: FttE, cheaper, when FttO was asked for its
 * throughput and not for a 4-hour repair; FttO when FttE (which needs a free dedicated fibre at
 * the PM) cannot be had. At an address, a recommendation nobody announces there gives way to the
 * first technology above it that is announced. Pure; every combination is tested.
 */
import type { Technology } from "@/lib/db/enums";
import type { GuideAnswers, GuideQuestionName } from "@/lib/guide/questions";
import type { Level } from "@/lib/levels/levels";

/** From the least to the most guaranteed (and the cheapest to the priciest). */
export const GUIDE_ORDER = ["FTTH", "FTTH_PRO", "FTTE", "FTTO"] as const satisfies readonly Technology[];

/** The least technology each answer asks for. */
const REQUIRED: { [Q in GuideQuestionName]: Record<GuideAnswers[Q], Technology> } = {
  critique: { confort: "FTTH", important: "FTTH_PRO", vital: "FTTE" },
  reparation: { non: "FTTH", "jour-ouvre": "FTTH_PRO", "4h": "FTTO" },
  debit: { partage: "FTTH", partiel: "FTTH_PRO", symetrique: "FTTO" },
};

/** Why an answer asks for its technology, said to the business. */
const REASONS: { [Q in GuideQuestionName]: Record<GuideAnswers[Q], string> } = {
  critique: {
    confort: "Une coupure vous gêne sans arrêter votre activité : inutile de payer des garanties professionnelles.",
    important: "Internet compte beaucoup pour votre activité : le FttH pro vous donne un support prioritaire et une réparation le jour ouvré suivant.",
    vital:
      "Votre activité s'arrête sans internet : une fibre réservée à votre entreprise de bout en bout, avec de meilleures garanties de réparation que le FttH, réduit ce risque.",
  },
  reparation: {
    non: "Vous pouvez attendre une réparation sans délai garanti, comme avec un abonnement grand public.",
    "jour-ouvre": "Vous voulez une réparation le jour ouvré suivant : c'est l'engagement des offres FttH pro.",
    "4h": "Vous voulez un rétablissement en 4 heures : c'est la garantie de temps de rétablissement (GTR 4 h) de la FttO.",
  },
  debit: {
    partage: "Un débit partagé, qui peut baisser aux heures chargées, vous suffit.",
    partiel: "Vous voulez un débit en partie garanti : certaines offres FttH pro le proposent, vérifiez-le dans l'offre.",
    symetrique: "Vous voulez un débit symétrique garanti : c'est ce que garantit la FttO.",
  },
};

/** A technology with its article, inside a sentence. */
const THE: Record<Technology, string> = { FTTH: "la fibre FttH", FTTH_PRO: "le FttH pro", FTTE: "la FttE", FTTO: "la FttO" };

const QUESTION_ORDER: readonly GuideQuestionName[] = ["critique", "reparation", "debit"];

export interface GuideReason {
  question: GuideQuestionName;
  text: string;
}

/**
 * CHEAPER: costs less and may be enough (FttE for FttO when no 4-hour repair is asked).
 * IF_UNAVAILABLE: where the recommendation cannot be had (FttO for FttE).
 * ANNOUNCED_HERE: the recommendation is not announced at the address; this one is.
 */
export type AlternativeKind = "CHEAPER" | "IF_UNAVAILABLE" | "ANNOUNCED_HERE";

export interface GuideAlternative {
  technology: Technology;
  kind: AlternativeKind;
  reason: string;
}

export interface Recommendation {
  technology: Technology;
  reasons: GuideReason[];
  alternative: GuideAlternative | null;
}

const rank = (technology: Technology) => GUIDE_ORDER.indexOf(technology as (typeof GUIDE_ORDER)[number]);

function requiredBy(answers: GuideAnswers, question: GuideQuestionName): Technology {
  return (REQUIRED[question] as Record<string, Technology>)[answers[question]]!;
}

function reasonFor(answers: GuideAnswers, question: GuideQuestionName): string {
  return (REASONS[question] as Record<string, string>)[answers[question]]!;
}

function staticAlternative(technology: Technology, answers: GuideAnswers): GuideAlternative | null {
  if (technology === "FTTO" && answers.reparation !== "4h") {
    return {
      technology: "FTTE",
      kind: "CHEAPER",
      reason:
        "Moins chère que la FttO, la FttE vous réserve aussi une fibre de bout en bout, sur le réseau FttH, avec de meilleures garanties de réparation que le FttH. Vérifiez auprès de l'opérateur le débit garanti et le délai de réparation de son offre.",
    };
  }
  if (technology === "FTTE") {
    return {
      technology: "FTTO",
      kind: "IF_UNAVAILABLE",
      reason:
        "Si la FttE n'est pas possible à votre adresse (elle demande une fibre dédiée libre au point de mutualisation), la FttO répond aussi à vos besoins, avec un débit symétrique garanti et un rétablissement en 4 heures. Elle peut être construite presque partout, sur devis, pour un prix plus élevé.",
    };
  }
  return null;
}

/** The technology that meets every answer at the least cost, why, and possibly an alternative. */
export function recommend(answers: GuideAnswers): Recommendation {
  const technology = QUESTION_ORDER.map((question) => requiredBy(answers, question)).reduce((best, next) => (rank(next) > rank(best) ? next : best));
  const reasons = QUESTION_ORDER.filter((question) => requiredBy(answers, question) === technology).map((question) => ({
    question,
    text: reasonFor(answers, question),
  }));
  return { technology, reasons, alternative: staticAlternative(technology, answers) };
}

/**
 * The recommendation at one address, from each technology's level there: when nothing announces
 * the recommended technology, the alternative becomes the first technology above it that is
 * announced (it meets the same needs, for more). Otherwise the recommendation is unchanged.
 */
export function recommendAt(recommendation: Recommendation, levelOf: (technology: Technology) => Level | undefined): Recommendation {
  if (levelOf(recommendation.technology) !== "NOT_ANNOUNCED") return recommendation;
  const above = GUIDE_ORDER.slice(rank(recommendation.technology) + 1);
  const announced = above.find((technology) => {
    const level = levelOf(technology);
    return level !== undefined && level !== "NOT_ANNOUNCED";
  });
  if (!announced) return recommendation;
  return {
    ...recommendation,
    alternative: {
      technology: announced,
      kind: "ANNOUNCED_HERE",
      reason: `À cette adresse, aucune source n'annonce ${THE[recommendation.technology]} : ${THE[announced]} répond aussi à vos besoins, avec plus de garanties, pour un prix plus élevé.`,
    },
  };
}
