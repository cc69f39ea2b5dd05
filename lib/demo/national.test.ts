import { describe, expect, it } from "vitest";
import { BAN_HEADER_COLUMNS } from "@/lib/demo/headers";
import { nationalAddresses, nationalBanLine, nationalCommunes } from "@/lib/demo/national";
import { toReferenceData } from "@/lib/reference/decoupage";
import { referenceFixture } from "@/lib/testing/reference-fixture";

describe("nationalCommunes", () => {
  const communes = nationalCommunes(toReferenceData(referenceFixture()), 100_000);

  it("shares exactly the total out, the arrondissements instead of their split commune", () => {
    expect(communes.reduce((sum, commune) => sum + commune.addresses, 0)).toBe(100_000);
    const codes = communes.map((commune) => commune.inseeCode);
    expect(codes).toContain("69381");
    expect(codes).not.toContain("69123");
  });

  it("gives a larger commune more addresses, but fewer per inhabitant", () => {
    const share = (code: string) => communes.find((commune) => commune.inseeCode === code)!.addresses;
    expect(share("42218")).toBeGreaterThan(share("42207"));
    expect(share("42218") / 173_136).toBeLessThan(share("01002") / 250);
    expect(share("76001")).toBeGreaterThan(0);
  });
});

describe("nationalAddresses", () => {
  const communes = nationalCommunes(toReferenceData(referenceFixture()), 20_000);
  const addresses = [...nationalAddresses(communes)];

  it("writes each commune's share, with unique BAN ids and the commune's own postcodes", () => {
    expect(addresses).toHaveLength(20_000);
    expect(new Set(addresses.map((address) => address.id)).size).toBe(20_000);
    for (const address of addresses) expect(address.commune.postcodes).toContain(address.postcode);
  });

  it("names streets from a wide vocabulary: types, lieux-dits, bis and ter, no handful repeated", () => {
    const streets = new Set(addresses.map((address) => `${address.streetType} ${address.streetName}`));
    expect(streets.size).toBeGreaterThan(600);
    const perName = new Map<string, number>();
    for (const address of addresses) perName.set(address.streetName, (perName.get(address.streetName) ?? 0) + 1);
    expect(Math.max(...perName.values())).toBeLessThan(addresses.length * 0.03);
    const types = new Set(addresses.map((address) => address.streetType));
    for (const type of ["Rue", "Chemin", "Impasse", "Route", "Allée", "Avenue", ""]) expect(types).toContain(type);
    const suffixes = new Set(addresses.map((address) => address.suffix));
    expect(suffixes).toContain("bis");
    expect(suffixes).toContain("ter");
    expect(addresses.some((address) => address.streetName.startsWith("Saint"))).toBe(true);
    expect(addresses.some((address) => address.locality !== "")).toBe(true);
  });

  it("is deterministic and writes BAN lines of the BAN columns", () => {
    const again = [...nationalAddresses(communes)].slice(0, 100);
    expect(again).toEqual(addresses.slice(0, 100));
    const line = nationalBanLine(addresses[0]!).split(";");
    expect(line).toHaveLength(BAN_HEADER_COLUMNS.length);
    expect(line[BAN_HEADER_COLUMNS.indexOf("code_insee")]).toBe(addresses[0]!.commune.inseeCode);
  });
});
