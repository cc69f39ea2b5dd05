import { describe, expect, it } from "vitest";
import { isEarliestDate, plannedDateText } from "./planned-text";

const utc = (text: string) => new Date(`${text}T00:00:00Z`);

describe("plannedDateText", () => {
  it("never writes a quarter as a day, nor a day as 07/05/2027", () => {
    expect(plannedDateText({ date: utc("2027-04-01"), precision: "QUARTER" }, "PUBLICATION")).toBe("T2 2027");
    expect(plannedDateText({ date: utc("2027-05-07"), precision: "DAY" }, "PUBLICATION")).toBe("le 7 mai 2027");
    expect(plannedDateText({ date: utc("2027-05-07"), precision: "DAY" }, "IPE")).toBe("au plus tôt le 7 mai 2027");
    expect(plannedDateText({ date: utc("2027-01-01"), precision: "HALF" }, "ARCEP_MCI")).toBe("au plus tôt au S1 2027");
  });

  it("knows which sources give earliest dates", () => {
    expect(["IPE", "ARCEP_IMMEUBLES", "ARCEP_MCI"].every((kind) => isEarliestDate(kind as "IPE"))).toBe(true);
    expect(isEarliestDate("PUBLICATION")).toBe(false);
    expect(isEarliestDate(null)).toBe(false);
  });
});
