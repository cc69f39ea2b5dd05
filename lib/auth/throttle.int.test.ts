import { describe, expect, it } from "vitest";
import { lockedForMinutes, recordFailure, resetRequestKeys, throttleKeys } from "./throttle";

describe("password reset requests", () => {
  it("are limited to 3 per address in 15 minutes, counted apart from sign-in failures", async () => {
    const now = new Date("2026-11-29T10:00:00Z");
    const keys = resetRequestKeys("Someone@Example.test", null);
    for (let request = 0; request < 3; request += 1) {
      expect(await lockedForMinutes(keys, now)).toBe(0);
      await recordFailure(keys, now);
    }
    expect(await lockedForMinutes(keys, new Date(now.getTime() + 60_000))).toBe(14);
    expect(await lockedForMinutes(resetRequestKeys("someone@example.test", "10.0.0.1"), now)).toBe(15);
    expect(await lockedForMinutes(throttleKeys("someone@example.test", null), now)).toBe(0);
    expect(await lockedForMinutes(keys, new Date(now.getTime() + 15 * 60_000))).toBe(0);
  });

  it("are limited per IP too", async () => {
    const now = new Date("2026-11-29T10:00:00Z");
    for (let request = 0; request < 20; request += 1) await recordFailure(resetRequestKeys(`user${request}@example.test`, "10.0.0.2"), now);
    expect(await lockedForMinutes(resetRequestKeys("fresh@example.test", "10.0.0.2"), now)).toBe(15);
    expect(await lockedForMinutes(resetRequestKeys("fresh@example.test", "10.0.0.3"), now)).toBe(0);
  });
});
