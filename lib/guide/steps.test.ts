import { describe, expect, it } from "vitest";
import { stepsForTechnology } from "@/lib/guide/steps";
import type { NextStep } from "@/lib/levels/next-steps";

const step = (kind: NextStep["kind"], label: string): NextStep => ({ kind, label });
const STEPS: NextStep[] = [
  step("OPERATOR", "Commander une offre professionnelle chez Orange"),
  step("OPERATOR", "Commander une offre professionnelle chez SFR"),
  step("OPERATOR", "Commander une offre professionnelle chez Free"),
  step("OPERATOR", "Bouygues Telecom est présent à cette adresse"),
  step("BUSINESS_OPERATORS", "Demander un devis à Adista (FttE, FttO)"),
  step("BUSINESS_OPERATORS", "Demander un devis à Orange (FttH pro, FttE, FttO)"),
  step("COLLECTIVITE", "Contacter la CA"),
  step("COLLECTIVITE", "Contacter le SIEA"),
  step("COLLECTIVITE", "Contact de la zone ZA : 04 00"),
  step("ALERT", "Être prévenu quand la date change ou que la fibre arrive"),
  step("REPORT", "Signaler une information erronée"),
  step("GUIDE", "Quelle fibre pour mon entreprise ?"),
];
const labels = (steps: NextStep[]) => steps.map((entry) => entry.label);

describe("stepsForTechnology", () => {
  it("FttH and FttH pro that can be ordered: the first three operators present, nothing else", () => {
    expect(labels(stepsForTechnology({ technology: "FTTH_PRO", level: "AVAILABLE" }, STEPS))).toEqual([
      "Commander une offre professionnelle chez Orange",
      "Commander une offre professionnelle chez SFR",
      "Commander une offre professionnelle chez Free",
    ]);
    expect(stepsForTechnology({ technology: "FTTH", level: "ON_REQUEST" }, STEPS)).toHaveLength(3);
  });

  it("FttE and FttO: quotes from business operators", () => {
    expect(labels(stepsForTechnology({ technology: "FTTO", level: "ON_REQUEST" }, STEPS))).toEqual([
      "Demander un devis à Adista (FttE, FttO)",
      "Demander un devis à Orange (FttH pro, FttE, FttO)",
    ]);
  });

  it("planned: the contacts of the territory and the alert come too", () => {
    expect(labels(stepsForTechnology({ technology: "FTTE", level: "PLANNED" }, STEPS))).toEqual([
      "Demander un devis à Adista (FttE, FttO)",
      "Demander un devis à Orange (FttH pro, FttE, FttO)",
      "Contacter la CA",
      "Contacter le SIEA",
      "Être prévenu quand la date change ou que la fibre arrive",
    ]);
  });

  it("nobody to order from: the contacts of the territory", () => {
    const noOperators = STEPS.filter((entry) => entry.kind !== "OPERATOR");
    expect(labels(stepsForTechnology({ technology: "FTTH", level: "NOT_ANNOUNCED" }, noOperators))).toEqual(["Contacter la CA", "Contacter le SIEA"]);
    expect(stepsForTechnology({ technology: "FTTH", level: "NOT_ANNOUNCED" }, [step("REPORT", "Signaler"), step("GUIDE", "Guide")])).toEqual([]);
  });

  it("leaves out the steps already shown for the recommendation", () => {
    const shown = stepsForTechnology({ technology: "FTTE", level: "NOT_ANNOUNCED" }, STEPS);
    expect(labels(shown)).toEqual(["Demander un devis à Adista (FttE, FttO)", "Demander un devis à Orange (FttH pro, FttE, FttO)", "Contacter la CA", "Contacter le SIEA"]);
    expect(stepsForTechnology({ technology: "FTTO", level: "ON_REQUEST" }, STEPS, shown)).toEqual([]);
    expect(labels(stepsForTechnology({ technology: "FTTH_PRO", level: "AVAILABLE" }, STEPS, shown))).toHaveLength(3);
  });
});
