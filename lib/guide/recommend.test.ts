import { describe, expect, it } from "vitest";
import type { Technology } from "@/lib/db/enums";
import { CRITICALITY_VALUES, REPAIR_VALUES, THROUGHPUT_VALUES, type GuideAnswers, type GuideQuestionName } from "@/lib/guide/questions";
import { recommend, recommendAt, type AlternativeKind } from "@/lib/guide/recommend";
import type { Level } from "@/lib/levels/levels";

type Row = [GuideAnswers["critique"], GuideAnswers["reparation"], GuideAnswers["debit"], Technology, GuideQuestionName[], [Technology, AlternativeKind] | null];

/** Every combination of the three answers, written out: the recommendation, the answers that drove it, the alternative. */
const MATRIX: Row[] = [
  ["confort", "non", "partage", "FTTH", ["critique", "reparation", "debit"], null],
  ["confort", "non", "partiel", "FTTH_PRO", ["debit"], null],
  ["confort", "non", "symetrique", "FTTO", ["debit"], ["FTTE", "CHEAPER"]],
  ["confort", "jour-ouvre", "partage", "FTTH_PRO", ["reparation"], null],
  ["confort", "jour-ouvre", "partiel", "FTTH_PRO", ["reparation", "debit"], null],
  ["confort", "jour-ouvre", "symetrique", "FTTO", ["debit"], ["FTTE", "CHEAPER"]],
  ["confort", "4h", "partage", "FTTO", ["reparation"], null],
  ["confort", "4h", "partiel", "FTTO", ["reparation"], null],
  ["confort", "4h", "symetrique", "FTTO", ["reparation", "debit"], null],
  ["important", "non", "partage", "FTTH_PRO", ["critique"], null],
  ["important", "non", "partiel", "FTTH_PRO", ["critique", "debit"], null],
  ["important", "non", "symetrique", "FTTO", ["debit"], ["FTTE", "CHEAPER"]],
  ["important", "jour-ouvre", "partage", "FTTH_PRO", ["critique", "reparation"], null],
  ["important", "jour-ouvre", "partiel", "FTTH_PRO", ["critique", "reparation", "debit"], null],
  ["important", "jour-ouvre", "symetrique", "FTTO", ["debit"], ["FTTE", "CHEAPER"]],
  ["important", "4h", "partage", "FTTO", ["reparation"], null],
  ["important", "4h", "partiel", "FTTO", ["reparation"], null],
  ["important", "4h", "symetrique", "FTTO", ["reparation", "debit"], null],
  ["vital", "non", "partage", "FTTE", ["critique"], ["FTTO", "IF_UNAVAILABLE"]],
  ["vital", "non", "partiel", "FTTE", ["critique"], ["FTTO", "IF_UNAVAILABLE"]],
  ["vital", "non", "symetrique", "FTTO", ["debit"], ["FTTE", "CHEAPER"]],
  ["vital", "jour-ouvre", "partage", "FTTE", ["critique"], ["FTTO", "IF_UNAVAILABLE"]],
  ["vital", "jour-ouvre", "partiel", "FTTE", ["critique"], ["FTTO", "IF_UNAVAILABLE"]],
  ["vital", "jour-ouvre", "symetrique", "FTTO", ["debit"], ["FTTE", "CHEAPER"]],
  ["vital", "4h", "partage", "FTTO", ["reparation"], null],
  ["vital", "4h", "partiel", "FTTO", ["reparation"], null],
  ["vital", "4h", "symetrique", "FTTO", ["reparation", "debit"], null],
];

describe("recommend", () => {
  it("the matrix covers every combination once", () => {
    const keys = new Set(MATRIX.map(([critique, reparation, debit]) => `${critique}/${reparation}/${debit}`));
    expect(keys.size).toBe(CRITICALITY_VALUES.length * REPAIR_VALUES.length * THROUGHPUT_VALUES.length);
    expect(MATRIX).toHaveLength(27);
  });

  it.each(MATRIX)("%s, %s, %s → %s because of %j, alternative %j", (critique, reparation, debit, technology, drivers, alternative) => {
    const result = recommend({ critique, reparation, debit });
    expect(result.technology).toBe(technology);
    expect(result.reasons.map((reason) => reason.question)).toEqual(drivers);
    expect(result.alternative ? [result.alternative.technology, result.alternative.kind] : null).toEqual(alternative);
  });

  it("says each driving answer in one sentence", () => {
    expect(recommend({ critique: "confort", reparation: "non", debit: "partage" }).reasons.map((reason) => reason.text)).toEqual([
      "Une coupure vous gêne sans arrêter votre activité : inutile de payer des garanties professionnelles.",
      "Vous pouvez attendre une réparation sans délai garanti, comme avec un abonnement grand public.",
      "Un débit partagé, qui peut baisser aux heures chargées, vous suffit.",
    ]);
    expect(recommend({ critique: "vital", reparation: "4h", debit: "symetrique" }).reasons.map((reason) => reason.text)).toEqual([
      "Vous voulez un rétablissement en 4 heures : c'est la garantie de temps de rétablissement (GTR 4 h) de la FttO.",
      "Vous voulez un débit symétrique garanti : c'est ce que garantit la FttO.",
    ]);
    const vital = recommend({ critique: "vital", reparation: "jour-ouvre", debit: "partiel" });
    expect(vital.reasons).toEqual([{ question: "critique", text: expect.stringMatching(/^Votre activité s'arrête sans internet : une fibre réservée/) }]);
    expect(vital.alternative?.reason).toMatch(/^Si la FttE n'est pas possible à votre adresse .* sur devis, pour un prix plus élevé\.$/);
    expect(recommend({ critique: "confort", reparation: "non", debit: "symetrique" }).alternative?.reason).toMatch(/^Moins chère que la FttO, la FttE/);
  });
});

describe("recommendAt", () => {
  const levels =
    (entries: Partial<Record<Technology, Level>>) =>
    (technology: Technology): Level | undefined =>
      entries[technology];

  it("keeps the recommendation and its alternative when the address announces it", () => {
    const base = recommend({ critique: "vital", reparation: "non", debit: "partage" });
    expect(recommendAt(base, levels({ FTTH: "AVAILABLE", FTTH_PRO: "AVAILABLE", FTTE: "PLANNED", FTTO: "ON_REQUEST" }))).toEqual(base);
    const ftth = recommend({ critique: "confort", reparation: "non", debit: "partage" });
    expect(recommendAt(ftth, levels({ FTTH: "ON_REQUEST", FTTH_PRO: "ON_REQUEST", FTTE: "NOT_ANNOUNCED", FTTO: "ON_REQUEST" }))).toEqual(ftth);
  });

  it("offers the first technology above that is announced when the recommendation is not", () => {
    const ftthPro = recommend({ critique: "important", reparation: "jour-ouvre", debit: "partiel" });
    const here = recommendAt(ftthPro, levels({ FTTH: "NOT_ANNOUNCED", FTTH_PRO: "NOT_ANNOUNCED", FTTE: "AVAILABLE", FTTO: "ON_REQUEST" }));
    expect(here.technology).toBe("FTTH_PRO");
    expect(here.reasons).toEqual(ftthPro.reasons);
    expect(here.alternative).toEqual({
      technology: "FTTE",
      kind: "ANNOUNCED_HERE",
      reason: "À cette adresse, aucune source n'annonce le FttH pro : la FttE répond aussi à vos besoins, avec plus de garanties, pour un prix plus élevé.",
    });
    const skipsFtte = recommendAt(ftthPro, levels({ FTTH: "PLANNED", FTTH_PRO: "NOT_ANNOUNCED", FTTE: "NOT_ANNOUNCED", FTTO: "ON_REQUEST" }));
    expect(skipsFtte.alternative).toMatchObject({ technology: "FTTO", kind: "ANNOUNCED_HERE" });
    const ftth = recommendAt(recommend({ critique: "confort", reparation: "non", debit: "partage" }), levels({ FTTH: "NOT_ANNOUNCED", FTTH_PRO: "NOT_ANNOUNCED", FTTE: "NOT_ANNOUNCED", FTTO: "ON_REQUEST" }));
    expect(ftth.alternative?.technology).toBe("FTTO");
    expect(ftth.alternative?.reason).toMatch(/^À cette adresse, aucune source n'annonce la fibre FttH : la FttO répond aussi/);
  });

  it("replaces FttE's own alternative by what the address announces", () => {
    const ftte = recommend({ critique: "vital", reparation: "jour-ouvre", debit: "partage" });
    const here = recommendAt(ftte, levels({ FTTH: "AVAILABLE", FTTH_PRO: "AVAILABLE", FTTE: "NOT_ANNOUNCED", FTTO: "AVAILABLE" }));
    expect(here.alternative).toMatchObject({ technology: "FTTO", kind: "ANNOUNCED_HERE", reason: expect.stringContaining("aucune source n'annonce la FttE") });
  });

  it("keeps the recommendation as it is when nothing above is announced either", () => {
    const ftto = recommend({ critique: "confort", reparation: "4h", debit: "partage" });
    expect(recommendAt(ftto, levels({ FTTH: "AVAILABLE", FTTO: "NOT_ANNOUNCED" }))).toEqual(ftto);
    const ftte = recommend({ critique: "vital", reparation: "non", debit: "partage" });
    expect(recommendAt(ftte, levels({ FTTE: "NOT_ANNOUNCED", FTTO: "NOT_ANNOUNCED" }))).toEqual(ftte);
    expect(recommendAt(ftte, levels({}))).toEqual(ftte);
  });
});
