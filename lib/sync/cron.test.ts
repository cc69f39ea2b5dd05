import { describe, expect, it } from "vitest";
import { matchesCron, nextCronTime, parseCron } from "./cron";

const at = (iso: string) => new Date(iso);

describe("cron schedules", () => {
  it("finds the next daily run, the same day or the next one", () => {
    const daily = parseCron("30 3 * * *");
    expect(nextCronTime(daily, at("2026-11-30T02:00:00Z"))?.toISOString()).toBe("2026-11-30T03:30:00.000Z");
    expect(nextCronTime(daily, at("2026-11-30T03:30:00Z"))?.toISOString()).toBe("2026-12-01T03:30:00.000Z");
  });

  it("reads lists, ranges, steps and Sunday as 0 or 7", () => {
    const schedule = parseCron("0 */6 1,15 * 1-5");
    expect([...schedule.hours]).toEqual([0, 6, 12, 18]);
    expect(parseCron("0 4 * * 7").weekdays).toEqual(new Set([0]));
    // Day of month and day of week both restricted: either matches (Monday 2026-11-30, or the 1st).
    expect(matchesCron(schedule, at("2026-11-30T06:00:00Z"))).toBe(true);
    expect(matchesCron(schedule, at("2026-11-28T06:00:00Z"))).toBe(false);
    expect(matchesCron(schedule, at("2026-11-01T12:00:00Z"))).toBe(true);
  });

  it("finds a yearly run", () => {
    expect(nextCronTime(parseCron("15 2 29 2 *"), at("2026-03-01T00:00:00Z"))?.toISOString()).toBe("2028-02-29T02:15:00.000Z");
  });

  it("names the faulty field", () => {
    expect(() => parseCron("0 3 * *")).toThrow(/must have 5 fields/);
    expect(() => parseCron("61 3 * * *")).toThrow(/minute "61" is outside 0–59/);
    expect(() => parseCron("0 3 * * lundi")).toThrow(/day of week "lundi" is not a number/);
  });
});
