import { describe, expect, it } from "vitest";
import { entryFormValues, newEntryFormValues } from "./form-values";

describe("directory form values", () => {
  it("prefills a new entry from an unlisted code and its known name", () => {
    expect(newEntryFormValues({ code: " liai ", nom: "LIAIN (Syndicat de l'Ain)" })).toMatchObject({ codes: "LIAI", name: "LIAIN (Syndicat de l'Ain)", coverage: "national" });
  });

  it("drops what is not a code, control characters and overlong names from the query string", () => {
    expect(newEntryFormValues({ code: "<script>", nom: ["x"] })).toMatchObject({ codes: "", name: "" });
    expect(newEntryFormValues({ nom: "Nom\r\nsur deux lignes" }).name).toBe("Nom sur deux lignes");
    expect(newEntryFormValues({ nom: "x".repeat(300) }).name).toHaveLength(120);
  });

  it("shows an entry's lists as the form types them", () => {
    const values = entryFormValues({
      id: "e1", name: "Adista", website: null, offersUrl: "https://pro.example", eligibilityUrl: null,
      technologies: ["FTTE", "FTTO"], isNational: false, departements: ["01", "69"], isDemo: true, codes: ["ADIS", "PUB-ADISTA"],
    });
    expect(values).toEqual({
      id: "e1", name: "Adista", codes: "ADIS, PUB-ADISTA", website: "", offersUrl: "https://pro.example", eligibilityUrl: "",
      technologies: ["FTTE", "FTTO"], coverage: "departements", departements: "01, 69", isDemo: true,
    });
  });
});
