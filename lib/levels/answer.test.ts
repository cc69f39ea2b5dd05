import { describe, expect, it } from "vitest";
import type { DeploymentStatus, SourceKind, Technology } from "@/lib/db/enums";
import { answerTechnologies, levelText, type StatedTechnology, type TechnologyAnswer } from "./answer";
import { levelOfStatus, statusesOfLevel, type Level } from "./levels";

const TECHNOLOGIES: Technology[] = ["FTTH", "FTTH_PRO", "FTTE", "FTTO"];
const STATUSES: DeploymentStatus[] = ["DEPLOYE", "RAD", "RAD_EN_COURS", "EN_COURS", "SIGNE", "CIBLE", "PREVU", "ABANDONNE", "NON_PREVU"];
const SOURCE_KINDS: SourceKind[] = ["IPE", "ARCEP_IMMEUBLES", "ARCEP_MCI", "PUBLICATION"];
const EXPECTED_LEVEL: Record<DeploymentStatus, Level> = {
  DEPLOYE: "AVAILABLE",
  RAD: "ON_REQUEST",
  RAD_EN_COURS: "ON_REQUEST",
  EN_COURS: "PLANNED",
  SIGNE: "PLANNED",
  CIBLE: "PLANNED",
  PREVU: "PLANNED",
  ABANDONNE: "NOT_ANNOUNCED",
  NON_PREVU: "NOT_ANNOUNCED",
};
const utc = (text: string) => new Date(`${text}T00:00:00Z`);

const unstated = (technology: Technology): StatedTechnology => ({
  technology,
  status: "NON_PREVU",
  since: null,
  planned: null,
  operators: [],
  source: null,
  disagreements: [],
  message: null,
});
const stated = (technology: Technology, status: DeploymentStatus, kind: SourceKind = "IPE", extra: Partial<StatedTechnology> = {}): StatedTechnology => ({
  ...unstated(technology),
  status,
  source: { kind, name: kind === "PUBLICATION" ? "CA du Bassin de Bourg-en-Bresse" : "IPE LIAIN", date: utc("2026-11-15") },
  ...extra,
});
const all = (...entries: StatedTechnology[]) => TECHNOLOGIES.map((technology) => entries.find((entry) => entry.technology === technology) ?? unstated(technology));
const answerOf = (answers: TechnologyAnswer[], technology: Technology) => answers.find((answer) => answer.technology === technology)!;
const NO_SELLERS = { ftthProSellers: new Set<string>() };

describe("levelOfStatus", () => {
  it.each(STATUSES)("%s has the level of the spec's table", (status) => {
    expect(levelOfStatus(status)).toBe(EXPECTED_LEVEL[status]);
    expect(statusesOfLevel(EXPECTED_LEVEL[status])).toContain(status);
  });
});

describe("answerTechnologies: a source's fact gives its level, basis SOURCE", () => {
  const cases = TECHNOLOGIES.flatMap((technology) => STATUSES.flatMap((status) => SOURCE_KINDS.map((kind) => [technology, status, kind] as const)));
  it.each(cases)("%s × %s × %s", (technology, status, kind) => {
    const answer = answerOf(answerTechnologies(all(stated(technology, status, kind)), NO_SELLERS), technology);
    expect(answer).toMatchObject({ level: EXPECTED_LEVEL[status], basis: "SOURCE", status });
    // A connection on request says its usual delay, as the general rule it is.
    if (EXPECTED_LEVEL[status] === "ON_REQUEST") expect(answer.explanation).toMatch(/^Raccordement à la demande.*Règle générale/);
  });
});

describe("answerTechnologies without a source", () => {
  it("FttH and FttE: nothing announced, nothing known", () => {
    const answers = answerTechnologies(all(), NO_SELLERS);
    expect(answerOf(answers, "FTTH")).toMatchObject({ level: "NOT_ANNOUNCED", basis: "NONE" });
    expect(answerOf(answers, "FTTE")).toMatchObject({ level: "NOT_ANNOUNCED", basis: "NONE" });
    expect(answerOf(answers, "FTTE").explanation).toContain("fibre dédiée est libre au point de mutualisation");
  });

  it("FttO: on quote, by the general rule, labelled as such", () => {
    const ftto = answerOf(answerTechnologies(all(), NO_SELLERS), "FTTO");
    expect(ftto).toMatchObject({ level: "ON_REQUEST", basis: "GENERAL_RULE", source: null });
    expect(ftto.explanation).toMatch(/^Règle générale/);
    expect(levelText(ftto)).toBe("Sur étude — demandez un devis");
  });

  const orange = { code: "FRTE", name: "Orange", role: "COMMERCIAL" as const };
  const free = { code: "FREE", name: "Free", role: "COMMERCIAL" as const };
  const oi = { code: "FRTE", name: "Orange", role: "INFRASTRUCTURE" as const };
  const sellers = { ftthProSellers: new Set(["FRTE"]) };

  describe.each(STATUSES)("FttH pro when FttH is %s (from a source)", (status) => {
    const ftthLevel = EXPECTED_LEVEL[status];
    const orderable = ftthLevel === "AVAILABLE" || ftthLevel === "ON_REQUEST";

    it("a present operator selling FttH pro → FttH's level via the directory, else nothing", () => {
      const answer = answerOf(answerTechnologies(all(stated("FTTH", status, "ARCEP_MCI", { operators: [orange, free] })), sellers), "FTTH_PRO");
      if (orderable) {
        expect(answer).toMatchObject({ level: ftthLevel, basis: "DIRECTORY", operators: [orange], source: null });
        expect(answer.explanation).toMatch(/^Disponible via Orange/);
      } else {
        expect(answer).toMatchObject({ level: "NOT_ANNOUNCED", basis: "NONE", operators: [] });
      }
    });

    it("operators present but none selling FttH pro → nothing announced (the directory says so)", () => {
      const answer = answerOf(answerTechnologies(all(stated("FTTH", status, "ARCEP_MCI", { operators: [free] })), sellers), "FTTH_PRO");
      expect(answer).toMatchObject({ level: "NOT_ANNOUNCED", basis: orderable ? "DIRECTORY" : "NONE" });
    });

    it("the seller only as infrastructure operator does not count", () => {
      const answer = answerOf(answerTechnologies(all(stated("FTTH", status, "IPE", { operators: [oi] })), sellers), "FTTH_PRO");
      expect(answer.level).toBe("NOT_ANNOUNCED");
    });
  });

  it("FttH pro stated by a source wins over the directory", () => {
    const answers = answerTechnologies(
      all(stated("FTTH", "DEPLOYE", "ARCEP_MCI", { operators: [orange] }), stated("FTTH_PRO", "PREVU", "PUBLICATION")),
      sellers,
    );
    expect(answerOf(answers, "FTTH_PRO")).toMatchObject({ level: "PLANNED", basis: "SOURCE" });
  });

  it("FttH pro with no FttH source at all: nothing announced", () => {
    expect(answerOf(answerTechnologies(all(), sellers), "FTTH_PRO")).toMatchObject({ level: "NOT_ANNOUNCED", basis: "NONE" });
  });
});

describe("levelText keeps dates at their precision, and says when a date is the earliest", () => {
  const planned = (date: string, precision: "DAY" | "MONTH" | "QUARTER" | "HALF" | "YEAR", kind: SourceKind) =>
    levelText({ technology: "FTTH", level: "PLANNED", basis: "SOURCE", planned: { date: utc(date), precision }, source: { kind, name: "x", date: utc("2026-11-15") } });

  it("an operator file's opening date is the earliest possible, written out", () => {
    expect(planned("2027-05-07", "DAY", "IPE")).toBe("Prévu au plus tôt le 7 mai 2027");
    expect(planned("2027-03-01", "MONTH", "ARCEP_IMMEUBLES")).toBe("Prévu au plus tôt en mars 2027");
    expect(planned("2027-07-01", "QUARTER", "IPE")).toBe("Prévu au plus tôt au T3 2027");
  });

  it("a publication's date as published, never as a day when it is a quarter", () => {
    expect(planned("2027-05-07", "DAY", "PUBLICATION")).toBe("Prévu le 7 mai 2027");
    expect(planned("2027-07-01", "QUARTER", "PUBLICATION")).toBe("Prévu T3 2027");
    expect(planned("2027-07-01", "HALF", "PUBLICATION")).toBe("Prévu S2 2027");
    expect(planned("2027-01-01", "YEAR", "PUBLICATION")).toBe("Prévu en 2027");
    expect(planned("2027-03-01", "MONTH", "PUBLICATION")).toBe("Prévu en mars 2027");
    expect(planned("2027-05-01", "DAY", "PUBLICATION")).toBe("Prévu le 1er mai 2027");
  });

  it("the other levels", () => {
    const base = { technology: "FTTH" as const, planned: null, source: null };
    expect(levelText({ ...base, level: "PLANNED", basis: "SOURCE" })).toBe("Prévu — date non communiquée");
    expect(levelText({ ...base, level: "AVAILABLE", basis: "SOURCE" })).toBe("Disponible : vous pouvez commander");
    expect(levelText({ ...base, level: "ON_REQUEST", basis: "SOURCE" })).toBe("Sur demande : raccordement à la commande");
    expect(levelText({ ...base, level: "NOT_ANNOUNCED", basis: "NONE" })).toBe("Pas d'annonce");
  });
});
