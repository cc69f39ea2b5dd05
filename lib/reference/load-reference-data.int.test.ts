import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { readDecoupageAdministratif, toReferenceData } from "@/lib/reference/decoupage";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { loadReferenceData } from "./load-reference-data";

describe("loadReferenceData with the real 2026 reference data", () => {
  it("loads every current commune, then changes nothing the second time", async () => {
    const data = toReferenceData(readDecoupageAdministratif());

    const first = await loadReferenceData(db, data);
    expect(first.communes).toEqual({ created: 34_969 + 45, updated: 0, unchanged: 0 });
    expect(first.regions.created).toBe(26);
    expect(first.departements.created).toBe(109);
    expect(first.epcis.created).toBe(1_255);

    const second = await loadReferenceData(db, data);
    for (const counts of Object.values(second)) {
      expect(counts.created).toBe(0);
      expect(counts.updated).toBe(0);
    }
    expect(second.communes.unchanged).toBe(34_969 + 45);
    expect(await db.commune.count()).toBe(34_969 + 45);

    const saintEtienne = await db.commune.findUnique({
      where: { inseeCode: "42218" },
      include: { epci: true, departement: true, postcodes: { orderBy: { postcode: "asc" } } },
    });
    expect(saintEtienne).toMatchObject({
      name: "Saint-Étienne",
      searchName: "saint etienne",
      population: 173_136,
      departement: { name: "Loire" },
      epci: { name: "Saint-Étienne Métropole" },
    });
    expect(saintEtienne?.postcodes.map((row) => row.postcode)).toEqual(["42000", "42100", "42230"]);

    const marseille1 = await db.commune.findUnique({ where: { inseeCode: "13201" } });
    expect(marseille1).toMatchObject({ kind: "ARRONDISSEMENT", parentInseeCode: "13055" });
  });
});

describe("loadReferenceData changes", () => {
  it("updates what changed, removes postcodes that disappeared, and rolls back on failure", async () => {
    await db.commune.deleteMany({});
    await loadReferenceData(db, toReferenceData(referenceFixture()));

    const source = referenceFixture();
    const lyon = source.communes.find((commune) => commune.code === "69123");
    if (!lyon) throw new Error("fixture without Lyon");
    lyon.population = 522_000;
    lyon.codesPostaux = ["69001"];
    const report = await loadReferenceData(db, toReferenceData(source));
    expect(report.communes.updated).toBe(1);
    expect(report.postcodes.removed).toBe(1);
    expect(await db.communePostcode.count({ where: { inseeCode: "69123" } })).toBe(1);

    const countBefore = await db.commune.count();
    const broken = referenceFixture();
    broken.communes.push({ code: "99001", nom: "Nulle-Part", type: "commune-actuelle", departement: "00", region: "84" });
    broken.communes[0]!.nom = "Saint-Étienne modifiée";
    await expect(loadReferenceData(db, toReferenceData(broken))).rejects.toThrow();
    expect(await db.commune.count()).toBe(countBefore);
    expect((await db.commune.findUnique({ where: { inseeCode: "42218" } }))?.name).toBe("Saint-Étienne");
  });
});
