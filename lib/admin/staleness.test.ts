import { describe, expect, it } from "vitest";
import { monthsBefore, staleBefore } from "./staleness";

describe("monthsBefore", () => {
  it("goes back calendar months, across a year, keeping the time of day", () => {
    expect(monthsBefore(new Date("2026-11-30T10:15:00Z"), 6).toISOString()).toBe("2026-05-30T10:15:00.000Z");
    expect(monthsBefore(new Date("2026-03-15T00:00:00Z"), 6).toISOString()).toBe("2025-09-15T00:00:00.000Z");
  });

  it("falls back to the last day of a shorter month", () => {
    expect(monthsBefore(new Date("2026-08-31T12:00:00Z"), 6).toISOString()).toBe("2026-02-28T12:00:00.000Z");
    expect(monthsBefore(new Date("2028-08-31T12:00:00Z"), 6).toISOString()).toBe("2028-02-29T12:00:00.000Z");
  });

  it("a source is stale six months after its file date", () => {
    const now = new Date("2026-11-30T10:00:00Z");
    expect(new Date("2026-05-29T00:00:00Z") < staleBefore(now)).toBe(true);
    expect(new Date("2026-05-31T00:00:00Z") < staleBefore(now)).toBe(false);
  });
});
