import { describe, expect, it } from "vitest";
import { dateLine, eligibilityHeadline, provenanceLine, type StatedTechnology } from "./eligibility-text";
import { formatPlannedDate } from "./format";

const none = (technology: StatedTechnology["technology"]): StatedTechnology => ({ technology, status: "NON_PREVU", since: null, planned: null });
const all = (...overrides: StatedTechnology[]) =>
  (["FTTH", "FTTH_PRO", "FTTE", "FTTO"] as const).map((technology) => overrides.find((entry) => entry.technology === technology) ?? none(technology));
const utc = (text: string) => new Date(`${text}T00:00:00Z`);

describe("eligibilityHeadline", () => {
  it("says professional fibre is available when a business technology is deployed", () => {
    expect(eligibilityHeadline(all({ technology: "FTTE", status: "DEPLOYE", since: null, planned: null }))).toMatchObject({
      tone: "available",
      title: "Fibre professionnelle disponible",
      detail: "Vous pouvez commander dès maintenant : FttE.",
    });
  });

  it("tells FttH alone apart", () => {
    expect(eligibilityHeadline(all({ technology: "FTTH", status: "DEPLOYE", since: null, planned: null })).title).toBe("Fibre disponible (FttH)");
  });

  it("gives the earliest planned opening at its precision", () => {
    const headline = eligibilityHeadline(
      all(
        { technology: "FTTH", status: "EN_COURS", since: null, planned: { date: utc("2027-10-01"), precision: "QUARTER" } },
        { technology: "FTTE", status: "PREVU", since: null, planned: { date: utc("2027-04-01"), precision: "QUARTER" } },
      ),
    );
    expect(headline).toMatchObject({ tone: "planned", title: "Fibre en cours de déploiement — ouverture prévue T2 2027" });
    expect(eligibilityHeadline(all({ technology: "FTTH", status: "SIGNE", since: null, planned: null })).title).toBe(
      "Fibre en cours de déploiement — date d'ouverture non communiquée",
    );
  });

  it("says so when nothing is announced", () => {
    expect(eligibilityHeadline(all())).toMatchObject({ tone: "none", title: "Aucun déploiement annoncé" });
    expect(eligibilityHeadline(all({ technology: "FTTH", status: "ABANDONNE", since: null, planned: null })).tone).toBe("none");
  });
});

describe("dates and provenance", () => {
  it("never shows a day for a quarter", () => {
    const date = utc("2027-04-01");
    expect(["DAY", "MONTH", "QUARTER", "HALF", "YEAR"].map((precision) => formatPlannedDate(date, precision as "DAY"))).toEqual([
      "01/04/2027",
      "avril 2027",
      "T2 2027",
      "S1 2027",
      "2027",
    ]);
    expect(dateLine({ technology: "FTTH", status: "PREVU", since: null, planned: { date, precision: "QUARTER" } })).toBe("Ouverture prévue : T2 2027");
    expect(dateLine({ technology: "FTTH", status: "DEPLOYE", since: utc("2023-01-15"), planned: null })).toBe("Disponible depuis le 15/01/2023");
  });

  it("writes the provenance line", () => {
    expect(provenanceLine({ kind: "IPE", name: "IPE LIAIN", date: utc("2026-11-15") })).toBe("Source : IPE LIAIN du 15/11/2026");
    expect(provenanceLine({ kind: "PUBLICATION", name: "Communauté d'agglomération X", date: utc("2026-10-02") })).toBe(
      "Publié par Communauté d'agglomération X le 02/10/2026",
    );
  });
});
