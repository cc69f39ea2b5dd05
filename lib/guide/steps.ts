/**
 * The next steps the guide shows beside a technology at an address, taken from the address's own
 * « Que faire maintenant ? » (lib/levels/next-steps.ts) — never made up here: the operators present
 * for FttH and FttH pro, a quote from business operators for FttE and FttO, the territory's contact
 * when the technology cannot be ordered yet (or nobody sells it), « Me prévenir » when it is planned.
 */
import type { Technology } from "@/lib/db/enums";
import type { TechnologyAnswer } from "@/lib/levels/answer";
import type { NextStep, NextStepKind } from "@/lib/levels/next-steps";

/** Enough to act on; the address page lists them all. */
export const GUIDE_STEPS_PER_KIND = 3;
const CONTACTS_SHOWN = 2;

const ORDER_KIND: Record<Technology, NextStepKind> = {
  FTTH: "OPERATOR",
  FTTH_PRO: "OPERATOR",
  FTTE: "BUSINESS_OPERATORS",
  FTTO: "BUSINESS_OPERATORS",
};

const sameStep = (a: NextStep, b: NextStep) => a.kind === b.kind && a.label === b.label;

/** The steps that fit one technology's answer, in the address's order, less those already shown. */
export function stepsForTechnology(
  answer: Pick<TechnologyAnswer, "technology" | "level">,
  steps: readonly NextStep[],
  alreadyShown: readonly NextStep[] = [],
): NextStep[] {
  const ofKind = (kind: NextStepKind) => steps.filter((step) => step.kind === kind);
  const order = ofKind(ORDER_KIND[answer.technology]).slice(0, GUIDE_STEPS_PER_KIND);
  const chosen = [...order];
  if (order.length === 0 || answer.level === "PLANNED" || answer.level === "NOT_ANNOUNCED") chosen.push(...ofKind("COLLECTIVITE").slice(0, CONTACTS_SHOWN));
  if (answer.level === "PLANNED") chosen.push(...ofKind("ALERT"));
  return chosen.filter((step) => !alreadyShown.some((shown) => sameStep(shown, step)));
}
