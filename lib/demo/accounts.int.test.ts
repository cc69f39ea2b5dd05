import { beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import { findUserForSignIn } from "@/lib/data/users";
import { toReferenceData } from "@/lib/reference/decoupage";
import { loadReferenceData } from "@/lib/reference/load-reference-data";
import { referenceFixture } from "@/lib/testing/reference-fixture";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoAccounts } from "./accounts";

beforeAll(async () => {
  const source = referenceFixture();
  // The two EPCIs of the demo, reduced to one commune of the fixture each.
  source.epcis.push(
    { code: "200071751", nom: "CA du Bassin de Bourg-en-Bresse", type: "CA", populationMunicipale: 135_000, membres: [{ code: "01053" }] },
    { code: "200042935", nom: "CA Haut-Bugey Agglomération", type: "CA", populationMunicipale: 63_000, membres: [{ code: "01002" }] },
  );
  await loadReferenceData(db, toReferenceData(source));
});

describe("ensureDemoAccounts", () => {
  it("creates the demo organisations and accounts once; a second run changes nothing", async () => {
    const actor = { id: null, email: "cli:demo-data" };
    expect(await ensureDemoAccounts(actor)).toEqual({ organisations: 3, accounts: 5 });
    const auditCount = await db.auditEntry.count();
    expect(await ensureDemoAccounts(actor)).toEqual({ organisations: 0, accounts: 0 });
    expect(await db.auditEntry.count()).toBe(auditCount);

    const organisations = await db.organisation.findMany({ include: { communes: true }, orderBy: { name: "asc" } });
    expect(organisations.map((organisation) => [organisation.name, organisation.kind, organisation.siren, organisation.communes.map((commune) => commune.inseeCode).sort()])).toEqual([
      ["CA du Bassin de Bourg-en-Bresse", "EPCI", "200071751", ["01053"]],
      ["Haut-Bugey Agglomération", "EPCI", "200042935", ["01002"]],
      ["SIEA — réseau LIAIN", "RIP", null, ["01002", "01053"]],
    ]);
    for (const account of DEMO_ACCOUNTS) {
      const user = await findUserForSignIn(account.email);
      expect(user?.role, account.email).toBe(account.role);
      expect(await verifyPassword(DEMO_PASSWORD, user!.passwordHash)).toBe(true);
    }
  });
});
