import { describe, expect, it } from "vitest";
import type { DeploymentStatus, SourceKind, Technology } from "@/lib/db/enums";
import { answerTechnologies, type StatedTechnology } from "./answer";
import { businessHeadline } from "./headline";
import { chooseNextSteps, type NextStepsInput } from "./next-steps";

const utc = (text: string) => new Date(`${text}T00:00:00Z`);
const unstated = (technology: Technology): StatedTechnology => ({ technology, status: "NON_PREVU", since: null, planned: null, operators: [], source: null, disagreements: [], message: null });
const stated = (technology: Technology, status: DeploymentStatus, extra: Partial<StatedTechnology> = {}, kind: SourceKind = "IPE"): StatedTechnology => ({
  ...unstated(technology),
  status,
  source: { kind, name: kind === "PUBLICATION" ? "CA3B" : "IPE LIAIN", date: utc("2026-11-15") },
  ...extra,
});
const answers = (entries: StatedTechnology[], sellers: string[] = []) =>
  answerTechnologies(
    (["FTTH", "FTTH_PRO", "FTTE", "FTTO"] as const).map((technology) => entries.find((entry) => entry.technology === technology) ?? unstated(technology)),
    { ftthProSellers: new Set(sellers) },
  );
const orange = { code: "FRTE", name: "Orange", role: "COMMERCIAL" as const };

describe("businessHeadline", () => {
  it("a business offer available: you can order, with whom", () => {
    const headline = businessHeadline(answers([stated("FTTH", "DEPLOYE", { operators: [orange] }, "ARCEP_MCI")], ["FRTE"]));
    expect(headline).toMatchObject({ tone: "available", title: "Vous pouvez commander une offre fibre professionnelle" });
    expect(headline.detail).toContain("FttH pro via Orange");
  });

  it("FttH available but no business seller: says so, consistent with the FttH pro card", () => {
    const headline = businessHeadline(answers([stated("FTTH", "DEPLOYE", { operators: [orange] }, "ARCEP_MCI")]));
    expect(headline.tone).toBe("available");
    expect(headline.title).toBe("Fibre disponible : demandez une offre professionnelle");
    expect(headline.detail).toContain("Aucun opérateur présent ici n'est référencé pour des offres pro");
    expect(headline.detail).toContain("La fibre dédiée (FttO) reste possible sur devis.");
  });

  it("a publication's FttO: business fibre available", () => {
    expect(businessHeadline(answers([stated("FTTO", "DEPLOYE", {}, "PUBLICATION")])).title).toBe("Vous pouvez commander une offre fibre professionnelle");
  });

  it("on request: says the usual delay as a general rule", () => {
    const headline = businessHeadline(answers([stated("FTTH", "RAD")]));
    expect(headline).toMatchObject({ tone: "on-request", title: "Fibre raccordable à la demande" });
    expect(headline.detail).toContain("Règle générale");
  });

  it("planned: the business technology's date first, at its precision", () => {
    const headline = businessHeadline(
      answers([
        stated("FTTH", "EN_COURS", { planned: { date: utc("2027-05-07"), precision: "DAY" } }),
        stated("FTTE", "PREVU", { planned: { date: utc("2027-07-01"), precision: "QUARTER" } }, "PUBLICATION"),
      ]),
    );
    expect(headline).toMatchObject({ tone: "planned", title: "Fibre pro prévue T3 2027" });
    expect(businessHeadline(answers([stated("FTTH", "EN_COURS", { planned: { date: utc("2027-05-07"), precision: "DAY" } })])).title).toBe(
      "Fibre prévue au plus tôt le 7 mai 2027",
    );
    expect(businessHeadline(answers([stated("FTTH", "SIGNE")])).title).toBe("Fibre prévue — date non communiquée");
  });

  it("nothing announced: dedicated fibre stays possible on quote, labelled a general rule", () => {
    const headline = businessHeadline(answers([]));
    expect(headline).toMatchObject({ tone: "none", title: "Pas de fibre annoncée — la fibre dédiée reste possible sur devis" });
    expect(headline.detail).toContain("Règle générale");
    expect(businessHeadline(answers([stated("FTTH", "ABANDONNE")])).tone).toBe("none");
  });
});

describe("chooseNextSteps", () => {
  const base = (overrides: Partial<NextStepsInput>): NextStepsInput => ({
    addressId: "01053_x_00012",
    answers: answers([]),
    presentOperators: [],
    businessOperators: [],
    contacts: [],
    zoneContact: null,
    ...overrides,
  });
  const orangeEntry = { name: "Orange", website: "https://www.orange.fr", offersUrl: "https://pro.orange.fr", eligibilityUrl: "https://pro.orange.fr/eligibilite", technologies: ["FTTH_PRO", "FTTO"] as const };

  it("is never empty: the report and the guide are always there", () => {
    expect(chooseNextSteps(base({})).map((step) => step.kind)).toEqual(["REPORT", "GUIDE"]);
    expect(chooseNextSteps(base({})).at(-1)).toMatchObject({ url: "/quelle-fibre?adresse=01053_x_00012" });
  });

  it("present operators with their offers and tester, business sellers first; quotes from the département's business operators", () => {
    const steps = chooseNextSteps(
      base({
        answers: answers([stated("FTTH", "DEPLOYE", { operators: [orange] }, "ARCEP_MCI")], ["FRTE"]),
        presentOperators: [{ name: "Free", entry: null }, { name: "Orange", entry: { ...orangeEntry, technologies: [...orangeEntry.technologies] } }],
        businessOperators: [{ ...orangeEntry, technologies: [...orangeEntry.technologies] }],
        contacts: [{ name: "CA3B", email: "eco@ca3b.fr", phone: null, url: null }],
      }),
    );
    expect(steps.map((step) => step.kind)).toEqual(["OPERATOR", "OPERATOR", "BUSINESS_OPERATORS", "COLLECTIVITE", "REPORT", "GUIDE"]);
    expect(steps[0]).toMatchObject({ label: "Commander une offre professionnelle chez Orange", url: "https://pro.orange.fr", testerUrl: "https://pro.orange.fr/eligibilite" });
    expect(steps[1]).toMatchObject({ label: "Free est présent à cette adresse" });
    expect(steps[1]!.url).toBeUndefined();
    expect(steps[2]).toMatchObject({ label: "Demander un devis à Orange (FttH pro, FttO)" });
    expect(steps[3]).toMatchObject({ label: "Contacter CA3B", email: "eco@ca3b.fr" });
  });

  it("offers « Me prévenir » only when something is planned", () => {
    const planned = chooseNextSteps(base({ answers: answers([stated("FTTH", "CIBLE")]) }));
    expect(planned.find((step) => step.kind === "ALERT")).toMatchObject({ url: "/adresse/01053_x_00012#alerte" });
    expect(chooseNextSteps(base({ answers: answers([stated("FTTH", "DEPLOYE")]) })).some((step) => step.kind === "ALERT")).toBe(false);
  });

  it("no operator steps where FttH cannot be ordered", () => {
    const steps = chooseNextSteps(base({ answers: answers([stated("FTTH", "SIGNE")]), presentOperators: [{ name: "Orange", entry: null }] }));
    expect(steps.some((step) => step.kind === "OPERATOR")).toBe(false);
  });

  it("several buildings with different statuses: the headline says the split, its level is the least advanced one", () => {
    const split = { count: 2, statuses: [{ status: "DEPLOYE" as const, count: 1 }, { status: "RAD" as const, count: 1 }] };
    const headline = businessHeadline(answers([stated("FTTH", "RAD", { buildings: split })]));
    expect(headline.tone).toBe("on-request");
    expect(headline.detail).toContain("Plusieurs bâtiments ici (2 bâtiments : 1 raccordable, 1 raccordable à la demande) : la réponse vaut pour le moins avancé.");
    expect(businessHeadline(answers([stated("FTTH", "RAD")])).detail).not.toContain("bâtiments");
  });
});
