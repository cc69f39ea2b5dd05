import { describe, expect, it } from "vitest";
import { DEFAULT_ACCENT, buttonColours, contrastRatio, embedPath, readEmbedOptions, textOn } from "./embed";

describe("widget options", () => {
  it("reads the prefill and a valid accent colour, and ignores a bad one", () => {
    expect(readEmbedOptions({ q: " 12 rue x ", zone: "01053_SITE-ECO_00001", accent: "0055A4" })).toEqual({
      q: "12 rue x",
      zone: "01053_SITE-ECO_00001",
      accent: "#0055a4",
    });
    expect(readEmbedOptions({ accent: "red;background:url(x)" }).accent).toBe(DEFAULT_ACCENT);
    expect(readEmbedOptions({}).q).toBe("");
  });

  it("keeps the button text readable on any accent (WCAG AA)", () => {
    expect(contrastRatio("#ffffff", "#000000")).toBeCloseTo(21, 5);
    expect(textOn("#17338c")).toBe("#ffffff");
    expect(textOn("#ffdd00")).toBe("#161616");
    for (const accent of ["#ff0000", "#00ff00", "#777777", "#0055a4", "#ffdd00", "#e30613"]) {
      const { backgroundColor, color } = buttonColours(accent);
      expect(contrastRatio(backgroundColor, color)).toBeGreaterThanOrEqual(4.5);
    }
    expect(buttonColours("#17338c")).toEqual({ backgroundColor: "#17338c", color: "#ffffff" });
  });

  it("writes the widget's URL with only what differs from the defaults", () => {
    expect(embedPath({ accent: DEFAULT_ACCENT })).toBe("/embed");
    expect(embedPath({ q: "bourg", accent: "#0055a4" })).toBe("/embed?q=bourg&accent=%230055a4");
  });
});
