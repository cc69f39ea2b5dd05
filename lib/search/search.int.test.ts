import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { search } from "./index";

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
});

const labels = async (q: string, limit = 8) => (await search(q, limit)).map((result) => result.label);

describe("commune search", () => {
  it("puts Saint-Étienne first for a partial, accentless query", async () => {
    expect((await labels("saint-eti"))[0]).toBe("Saint-Étienne (42)");
    expect(await labels("saint-eti")).toEqual([
      "Saint-Étienne (42)",
      "Saint-Étienne-du-Rouvray (76)",
      "Saint-Étienne-le-Molard (42)",
    ]);
  });

  it("finds a commune by postcode", async () => {
    expect(await labels("42000")).toEqual(["Saint-Étienne (42)"]);
    expect(await labels("69001")).toEqual(["Lyon (69)", "Lyon 1er Arrondissement (69)"]);
  });

  it("reads postcode prefixes and combines a postcode with a name", async () => {
    expect(await labels("421")).toEqual(["Saint-Étienne (42)", "Saint-Étienne-le-Molard (42)"]);
    expect(await labels("saint etienne 42")).toEqual(["Saint-Étienne (42)", "Saint-Étienne-le-Molard (42)"]);
  });

  it("ignores case and accents, and spells out st / ste", async () => {
    expect((await labels("SAINT ÉTIENNE"))[0]).toBe("Saint-Étienne (42)");
    expect((await labels("st etienne"))[0]).toBe("Saint-Étienne (42)");
    expect(await labels("ste foy")).toEqual(["Sainte-Foy-lès-Lyon (69)"]);
    expect(await labels("evry")).toEqual(["Évry-Courcouronnes (91)"]);
  });

  it("matches the start of any word of the name", async () => {
    expect(await labels("courcouronnes")).toEqual(["Évry-Courcouronnes (91)"]);
    expect(await labels("rouvray")).toEqual(["Saint-Étienne-du-Rouvray (76)"]);
  });

  it("ranks the exact name before more populous names that start with it", async () => {
    expect((await labels("lyon"))[0]).toBe("Lyon (69)");
    expect(await labels("saint etienne le molard")).toEqual(["Saint-Étienne-le-Molard (42)"]);
  });

  it("respects the limit and answers nothing for nothing searchable", async () => {
    expect(await labels("saint", 2)).toHaveLength(2);
    expect(await labels("?!")).toEqual([]);
    expect(await labels("zzzz")).toEqual([]);
  });

  it("returns the fields the API documents", async () => {
    const [first] = await search("42000", 1);
    expect(first).toEqual({
      type: "commune",
      lat: null,
      lon: null,
      id: "42218",
      label: "Saint-Étienne (42)",
      name: "Saint-Étienne",
      departementCode: "42",
      postcodes: ["42000", "42100", "42230"],
      population: 173_136,
      url: "/commune/42218",
    });
  });
});
