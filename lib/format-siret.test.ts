import { describe, expect, it } from "vitest";
import { formatSiret } from "@/lib/format-siret";

describe("formatSiret", () => {
  it("groups a SIRET's SIREN in threes before its NIC, and leaves anything else as given", () => {
    expect(formatSiret("91000001700012")).toBe("910 000 017 00012");
    expect(formatSiret("9100000170001")).toBe("9100000170001");
  });
});
