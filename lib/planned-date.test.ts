import { describe, expect, it } from "vitest";
import { parsePlannedDate, plannedDateInput } from "@/lib/planned-date";

const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("parsePlannedDate", () => {
  it.each([
    ["T3 2027", "2027-07-01", "QUARTER"],
    ["t1 2028", "2028-01-01", "QUARTER"],
    ["trimestre 4 2027", "2027-10-01", "QUARTER"],
    ["S2 2027", "2027-07-01", "HALF"],
    ["2029", "2029-01-01", "YEAR"],
    ["09/2027", "2027-09-01", "MONTH"],
    ["Septembre 2027", "2027-09-01", "MONTH"],
    ["août 2027", "2027-08-01", "MONTH"],
    ["15/09/2027", "2027-09-15", "DAY"],
    ["2027-09-15", "2027-09-15", "DAY"],
    ["  T2   2027 ", "2027-04-01", "QUARTER"],
  ])("reads %s as %s (%s)", (text, iso, precision) => {
    expect(parsePlannedDate(text)).toEqual({ date: utc(iso), precision });
  });

  it.each(["T5 2027", "S3 2027", "13/2027", "31/02/2027", "1999", "bientôt", "", "T3"])("refuses %j", (text) => {
    expect(parsePlannedDate(text)).toBeNull();
  });

  it("writes back what it reads, at the same precision", () => {
    for (const text of ["T3 2027", "S2 2027", "2029", "09/2027", "15/09/2027"]) {
      const parsed = parsePlannedDate(text)!;
      expect(plannedDateInput(parsed.date, parsed.precision)).toBe(text);
    }
  });
});
