import { describe, expect, it } from "vitest";
import { parseGuideQuery } from "@/lib/validation/guide";

describe("parseGuideQuery", () => {
  it("a first visit is neither a result nor an error", () => {
    expect(parseGuideQuery({})).toEqual({ isSubmitted: false, answers: null, errors: [], values: {}, addressId: null, isAddressIdInvalid: false });
    expect(parseGuideQuery({ adresse: "01053_v001_00012" })).toMatchObject({ isSubmitted: false, addressId: "01053_v001_00012", errors: [] });
  });

  it("reads the three answers and the address", () => {
    expect(parseGuideQuery({ critique: "vital", reparation: "4h", debit: "symetrique", adresse: " 01053_v001_00012 ", envoi: "1" })).toEqual({
      isSubmitted: true,
      answers: { critique: "vital", reparation: "4h", debit: "symetrique" },
      errors: [],
      values: { critique: "vital", reparation: "4h", debit: "symetrique" },
      addressId: "01053_v001_00012",
      isAddressIdInvalid: false,
    });
    // A shared link without the form's hidden field still gives the result.
    expect(parseGuideQuery({ critique: "confort", reparation: "non", debit: "partage" }).answers).toEqual({ critique: "confort", reparation: "non", debit: "partage" });
  });

  it("a form sent with no answer gets one message per question, linking its first answer", () => {
    expect(parseGuideQuery({ envoi: "1" })).toMatchObject({
      isSubmitted: true,
      answers: null,
      errors: [
        { name: "critique", message: "Indiquez ce qui se passe pour votre entreprise quand internet est coupé.", href: "#critique-confort" },
        { name: "reparation", message: "Indiquez en combien de temps la connexion doit être rétablie en cas de panne.", href: "#reparation-non" },
        { name: "debit", message: "Indiquez le débit dont vous avez besoin.", href: "#debit-partage" },
      ],
    });
  });

  it("unknown, empty and repeated values are told apart from missing ones; valid answers are kept", () => {
    const query = parseGuideQuery({ critique: "enorme", reparation: ["4h", "non"], debit: "", envoi: "1" });
    expect(query.answers).toBeNull();
    expect(query.errors).toEqual([
      { name: "critique", message: "Choisissez l'une des trois réponses proposées sur les conséquences d'une coupure.", href: "#critique-confort" },
      { name: "reparation", message: "Choisissez l'une des trois réponses proposées sur le délai de rétablissement.", href: "#reparation-non" },
      { name: "debit", message: "Indiquez le débit dont vous avez besoin.", href: "#debit-partage" },
    ]);
    const partial = parseGuideQuery({ critique: "important", debit: "<script>" });
    expect(partial.values).toEqual({ critique: "important" });
    expect(partial.errors.map((error) => error.name)).toEqual(["reparation", "debit"]);
  });

  it("a blank address is no address; an overlong one is not looked up", () => {
    expect(parseGuideQuery({ adresse: "  " }).addressId).toBeNull();
    expect(parseGuideQuery({ adresse: ["a", "b"] }).addressId).toBe("a");
    expect(parseGuideQuery({ adresse: "x".repeat(101) })).toMatchObject({ addressId: "x".repeat(101), isAddressIdInvalid: true });
    expect(parseGuideQuery({ adresse: "x".repeat(100) }).isAddressIdInvalid).toBe(false);
  });
});
