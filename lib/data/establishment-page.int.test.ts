/**
 * The establishment page's reads on both databases: an unmatched establishment's stated address
 * and commune; `?siret=` on an address page names only an establishment linked to that address.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getEstablishmentAtAddress, getEstablishmentDetails } from "@/lib/data/establishment-page";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { referenceFixture } from "@/lib/testing/reference-fixture";

const ADDRESS = "01053_gare_00012";

beforeAll(async () => {
  await loadReferenceData(db, toReferenceData(referenceFixture()));
  await db.address.create({
    data: { id: ADDRESS, number: 12, street: "Avenue de la Gare", streetKey: "avenue gare", postcode: "01000", inseeCode: "01053", communeName: "Bourg-en-Bresse", lat: 46.2, lon: 5.22, searchKey: "12 avenue gare bourg en bresse", contentHash: "h" },
  });
  const base = { siren: "910000017", inseeCode: "01053", postcode: "01000", communeName: "BOURG-EN-BRESSE", contentHash: "h" };
  await db.establishment.createMany({
    data: [
      { ...base, siret: "91000001700012", tradeName: "BOULANGERIE", legalName: "SARL BOULANGERIE", number: 12, streetType: "AV", street: "DE LA GARE", addressId: ADDRESS, matchMethod: "ban-id", searchName: "boulangerie" },
      { ...base, siret: "91000001700020", tradeName: null, legalName: "SARL BOULANGERIE", number: 999, suffix: "B", streetType: "RUE", street: "DU LAVOIR", searchName: "sarl boulangerie" },
    ],
  });
});

describe("establishment page reads", () => {
  it("gives an unmatched establishment's address as SIRENE states it and its commune's name", async () => {
    expect(await getEstablishmentDetails("91000001700020")).toMatchObject({
      name: "SARL BOULANGERIE", addressId: null, statedAddress: "999 B RUE DU LAVOIR, 01000 BOURG-EN-BRESSE", communeName: "Bourg-en-Bresse",
    });
    expect(await getEstablishmentDetails("91000001700038")).toBeNull();
  });

  it("names on an address page only an establishment linked to that address, the SIRET written with spaces or not", async () => {
    expect(await getEstablishmentAtAddress("910 000 017 00012", ADDRESS)).toMatchObject({ siret: "91000001700012", name: "BOULANGERIE" });
    expect(await getEstablishmentAtAddress("91000001700012", "01053_gare_00014")).toBeNull();
    expect(await getEstablishmentAtAddress("91000001700020", ADDRESS)).toBeNull();
    expect(await getEstablishmentAtAddress("garbage", ADDRESS)).toBeNull();
    expect(await getEstablishmentAtAddress(undefined, ADDRESS)).toBeNull();
  });
});
