import { describe, expect, it } from "vitest";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { toReferenceData } from "./decoupage";

describe("toReferenceData", () => {
  const data = toReferenceData(referenceFixture());

  it("keeps current communes and municipal arrondissements, not communes déléguées", () => {
    const codes = data.communes.map((commune) => commune.inseeCode);
    expect(codes).toContain("42218");
    expect(codes).toContain("69381");
    expect(codes).not.toContain("42999");
  });

  it("normalises the search name and links the EPCI", () => {
    expect(data.communes.find((commune) => commune.inseeCode === "42218")).toEqual({
      inseeCode: "42218",
      name: "Saint-Étienne",
      searchName: "saint etienne",
      kind: "COMMUNE",
      parentInseeCode: null,
      departementCode: "42",
      regionCode: "84",
      epciSiren: "244200770",
      population: 173_136,
    });
  });

  it("gives an arrondissement its commune as parent and the commune's EPCI", () => {
    expect(data.communes.find((commune) => commune.inseeCode === "69381")).toMatchObject({
      kind: "ARRONDISSEMENT",
      parentInseeCode: "69123",
      epciSiren: "200046977",
    });
  });

  it("lists one postcode row per commune and postcode", () => {
    expect(data.postcodes.filter((row) => row.inseeCode === "42218").map((row) => row.postcode)).toEqual([
      "42000",
      "42100",
      "42230",
    ]);
  });

  it("leaves population empty when the source has none", () => {
    expect(data.communes.find((commune) => commune.inseeCode === "76001")?.population).toBeNull();
  });
});
