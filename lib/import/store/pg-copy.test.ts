import { describe, expect, it } from "vitest";
import { copyText, copyValue, quoted } from "@/lib/import/store/pg-copy";

describe("COPY text format", () => {
  it("writes null as \\N and escapes a literal backslash-N so it stays text", () => {
    expect(copyValue(null)).toBe("\\N");
    expect(copyValue("\\N")).toBe("\\\\N");
  });

  it("escapes the characters that would end a field or a row", () => {
    expect(copyValue("a\tb\nc\rd\\e")).toBe("a\\tb\\nc\\rd\\\\e");
    expect(copyValue("« Fibre » — été")).toBe("« Fibre » — été");
  });

  it("writes dates as UTC without an offset, booleans as t/f, numbers as JavaScript prints them", () => {
    expect(copyValue(new Date("2026-11-15T08:30:00.250Z"))).toBe("2026-11-15T08:30:00.250");
    expect([copyValue(true), copyValue(false)]).toEqual(["t", "f"]);
    expect([copyValue(45.123456789), copyValue(0), copyValue(-3)]).toEqual(["45.123456789", "0", "-3"]);
  });

  it("refuses a number no column can hold rather than writing NaN", () => {
    expect(() => copyValue(Number.NaN)).toThrow("COPY");
  });

  it("joins fields with tabs and ends every row with a line break", () => {
    expect(copyText([["a", 1, null], ["b", 2, true]])).toBe("a\t1\t\\N\nb\t2\tt\n");
  });

  it("quotes identifiers, doubling inner quotes", () => {
    expect(quoted("Availability")).toBe('"Availability"');
    expect(quoted('a"b')).toBe('"a""b"');
  });
});
