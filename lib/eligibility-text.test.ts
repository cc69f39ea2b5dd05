import { describe, expect, it } from "vitest";
import { buildingSplitText, dateLine, provenanceLine } from "./eligibility-text";
import { formatPlannedDate } from "./format";

const utc = (text: string) => new Date(`${text}T00:00:00Z`);

describe("dates and provenance", () => {
  it("never shows a day for a quarter, nor a forecast day as 01/04/2027", () => {
    const date = utc("2027-04-01");
    expect(["DAY", "MONTH", "QUARTER", "HALF", "YEAR"].map((precision) => formatPlannedDate(date, precision as "DAY"))).toEqual([
      "1er avril 2027",
      "avril 2027",
      "T2 2027",
      "S1 2027",
      "2027",
    ]);
    expect(dateLine({ technology: "FTTH", status: "PREVU", since: null, planned: { date, precision: "QUARTER" } }, "PUBLICATION")).toBe("Ouverture prévue T2 2027");
    expect(dateLine({ technology: "FTTH", status: "EN_COURS", since: null, planned: { date: utc("2027-05-07"), precision: "DAY" } }, "IPE")).toBe(
      "Ouverture prévue au plus tôt le 7 mai 2027",
    );
    expect(dateLine({ technology: "FTTH", status: "DEPLOYE", since: utc("2023-01-15"), planned: null })).toBe("Disponible depuis le 15/01/2023");
  });

  it("writes the provenance line", () => {
    expect(provenanceLine({ kind: "IPE", name: "IPE LIAIN", date: utc("2026-11-15") })).toBe("Source : IPE LIAIN du 15/11/2026");
    expect(provenanceLine({ kind: "PUBLICATION", name: "Communauté d'agglomération X", date: utc("2026-10-02") })).toBe(
      "Publié par Communauté d'agglomération X le 02/10/2026",
    );
  });
});

describe("building split", () => {
  it("says how many buildings and how many in each status, in agreement", () => {
    expect(buildingSplitText({ count: 2, statuses: [{ status: "DEPLOYE", count: 1 }, { status: "RAD", count: 1 }] })).toBe(
      "2 bâtiments : 1 raccordable, 1 raccordable à la demande",
    );
    expect(buildingSplitText({ count: 3, statuses: [{ status: "DEPLOYE", count: 2 }, { status: "EN_COURS", count: 1 }] })).toBe(
      "3 bâtiments : 2 raccordables, 1 en cours de déploiement",
    );
  });
});
