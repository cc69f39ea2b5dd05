import { describe, expect, it } from "vitest";
import { formatMinutes } from "./format";

describe("formatMinutes", () => {
  it("rounds up and agrees in number", () => {
    expect(formatMinutes(1)).toBe("1 minute");
    expect(formatMinutes(60)).toBe("1 minute");
    expect(formatMinutes(61)).toBe("2 minutes");
    expect(formatMinutes(3599)).toBe("60 minutes");
  });
});
