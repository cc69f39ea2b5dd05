import { describe, expect, it } from "vitest";
import { formatMinutes, formatPeriod } from "./format";

describe("formatMinutes", () => {
  it("rounds up and agrees in number", () => {
    expect(formatMinutes(1)).toBe("1 minute");
    expect(formatMinutes(60)).toBe("1 minute");
    expect(formatMinutes(61)).toBe("2 minutes");
    expect(formatMinutes(3599)).toBe("60 minutes");
  });
});

describe("formatPeriod", () => {
  it.each([
    [3600, "1 h"],
    [86_400, "24 h"],
    [300, "5 min"],
    [90, "90 s"],
  ])("%i s reads « %s »", (seconds, label) => {
    expect(formatPeriod(seconds)).toBe(label);
  });
});
