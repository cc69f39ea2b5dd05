import { describe, expect, it } from "vitest";
import { ZCreateOrganisation, ZCreateUser, cleanDisplayName } from "@/lib/validation/accounts";

describe("names of accounts and organisations", () => {
  it("lose control characters, line separators and bidirectional overrides", () => {
    expect(cleanDisplayName("Jeanne\r\nMartin")).toBe("Jeanne Martin");
    expect(cleanDisplayName("\tJeanne\u0000 \u0085Martin\u2028")).toBe("Jeanne Martin");
    expect(cleanDisplayName("Admin\u202Enitram")).toBe("Adminnitram");
    expect(cleanDisplayName("Élodie d'Argenteuil-Lefèvre")).toBe("Élodie d'Argenteuil-Lefèvre");
  });

  it("are cleaned by the account and organisation forms", () => {
    const user = ZCreateUser.parse({ email: "jeanne@example.fr", name: "Jeanne\r\nBcc: victim@example.org", role: "EDITOR" });
    expect(user.name).toBe("Jeanne Bcc: victim@example.org");
    expect(ZCreateUser.parse({ email: "j@example.fr", name: "\r\n", role: "EDITOR" }).name).toBeNull();
    const organisation = ZCreateOrganisation.parse({ name: "Mairie\nde Viriat", kind: "COLLECTIVITE", territoryMode: "communes", inseeCodes: "01451" });
    expect(organisation.name).toBe("Mairie de Viriat");
    expect(ZCreateOrganisation.safeParse({ name: "\r\n\t", kind: "COLLECTIVITE", territoryMode: "communes", inseeCodes: "01451" }).success).toBe(false);
  });
});
