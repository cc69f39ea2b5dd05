import { describe, expect, it } from "vitest";
import { OperatorDirectory, type DirectoryEntry } from "./directory";

const entry = (overrides: Partial<DirectoryEntry>): DirectoryEntry => ({
  id: "e1",
  name: "Orange",
  website: null,
  offersUrl: null,
  eligibilityUrl: null,
  technologies: [],
  isNational: false,
  departements: [],
  isDemo: false,
  codes: [],
  ...overrides,
});

describe("OperatorDirectory", () => {
  const directory = new OperatorDirectory(
    [
      entry({ id: "orange", name: "Orange", technologies: ["FTTH_PRO", "FTTO"], isNational: true, codes: ["FRTE", "ORAN"] }),
      entry({ id: "local", name: "Alsatis", technologies: ["FTTO"], departements: ["01"], codes: ["ALST"] }),
    ],
    [
      { code: "FRTE", name: "FRTE", directoryOperatorId: "orange" },
      { code: "ORAN", name: "ORAN", directoryOperatorId: "orange" },
      { code: "ALST", name: "Alsatis", directoryOperatorId: "local" },
      { code: "LIAI", name: "LIAI", directoryOperatorId: null },
      { code: "PUB-KOSC", name: "Kosc", directoryOperatorId: null },
      { code: "ZZZZ", name: "ZZZZ", directoryOperatorId: null },
    ],
    new Map([["LIAI", "LIAIN (SIEA)"]]),
  );

  it("names a code by its directory entry, then Arcep's reference, then the name it was cited with, never the bare code", () => {
    expect(directory.nameOf("ORAN")).toBe("Orange");
    expect(directory.nameOf("LIAI")).toBe("LIAIN (SIEA)");
    expect(directory.nameOf("PUB-KOSC")).toBe("Kosc");
    expect(directory.nameOf("ZZZZ")).toBe("opérateur ZZZZ (code non référencé)");
    expect(directory.nameOf("NEVER")).toBe("opérateur NEVER (code non référencé)");
  });

  it("knows who sells what where: national entries everywhere, local ones in their départements", () => {
    expect([...directory.sellerCodes("FTTH_PRO", "01")].sort()).toEqual(["FRTE", "ORAN"]);
    expect([...directory.sellerCodes("FTTO", "01")].sort()).toEqual(["ALST", "FRTE", "ORAN"]);
    expect([...directory.sellerCodes("FTTO", "69")].sort()).toEqual(["FRTE", "ORAN"]);
    expect(directory.sellers(["FTTE", "FTTO"], "01").map((seller) => seller.name)).toEqual(["Alsatis", "Orange"]);
    expect(directory.sellers(["FTTE"], "01")).toEqual([]);
  });
});
