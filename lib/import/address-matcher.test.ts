import { describe, expect, it } from "vitest";
import { numberReadings } from "@/lib/import/address-matcher";

describe("numberReadings", () => {
  it("reads a grouped IPE number as itself, then its range on the same side of the street", () => {
    expect(numberReadings(166170)).toEqual([166170, 166, 168, 170]);
    expect(numberReadings(98100)).toEqual([98100, 98, 100]);
    expect(numberReadings(101104)).toEqual([101104, 101, 102, 103, 104]);
  });

  it("never reads a metric number (5000–9999) or an ordinary number as a group", () => {
    expect(numberReadings(5658)).toEqual([5658]);
    expect(numberReadings(1214)).toEqual([1214]);
    expect(numberReadings(33)).toEqual([33]);
  });

  it("keeps the number as written when it splits into no pair, or more than one", () => {
    // 123/456 is 333 apart; 100/200 too far apart; every other cut descends.
    expect(numberReadings(123456)).toEqual([123456]);
    expect(numberReadings(160170)).toEqual([160170, 160, 162, 164, 166, 168, 170]);
    expect(numberReadings(100200)).toEqual([100200]);
  });
});
