import "server-only";
/**
 * The demo's organisations and accounts (README, "Comptes de démonstration"): three organisations
 * of the Ain and one account per role, all with DEMO_PASSWORD. Created when missing, never changed
 * afterwards: running the demo again changes nothing.
 */
import type { OrganisationKind, UserRole } from "@/lib/db/enums";
import type { AuditActor } from "@/lib/data/audit";
import { communesOfDepartement, communesOfEpci, createOrganisation, findOrganisation, findOrganisationByName } from "@/lib/data/organisations";
import { createUser, findUserByEmail } from "@/lib/data/users";

export const DEMO_PASSWORD = "demo-Fibre-Pro-2026";

interface DemoOrganisation {
  key: string;
  name: string;
  kind: OrganisationKind;
  siren: string | null;
  territory: { epci: string } | { departement: string };
}

export const DEMO_ORGANISATIONS: DemoOrganisation[] = [
  { key: "ca3b", name: "CA du Bassin de Bourg-en-Bresse", kind: "EPCI", siren: "200071751", territory: { epci: "200071751" } },
  { key: "siea", name: "SIEA — réseau LIAIN", kind: "RIP", siren: null, territory: { departement: "01" } },
  { key: "hautbugey", name: "Haut-Bugey Agglomération", kind: "EPCI", siren: "200042935", territory: { epci: "200042935" } },
];

export const DEMO_ACCOUNTS: { email: string; name: string; role: UserRole; organisation: string | null }[] = [
  { email: "admin@fibre-pro.test", name: "Administratrice de la plateforme (démo)", role: "ADMIN", organisation: null },
  { email: "responsable@ca3b.fibre-pro.test", name: "Responsable numérique CA3B (démo)", role: "ORG_ADMIN", organisation: "ca3b" },
  { email: "editeur@ca3b.fibre-pro.test", name: "Éditeur CA3B (démo)", role: "EDITOR", organisation: "ca3b" },
  { email: "editeur@hautbugey.fibre-pro.test", name: "Éditrice Haut-Bugey (démo)", role: "EDITOR", organisation: "hautbugey" },
  { email: "rip@liain.fibre-pro.test", name: "Responsable SIEA (démo)", role: "ORG_ADMIN", organisation: "siea" },
];

/** Creates what is missing; returns the number of organisations and accounts created. */
export async function ensureDemoAccounts(actor: AuditActor): Promise<{ organisations: number; accounts: number }> {
  const created = { organisations: 0, accounts: 0 };
  const ids = new Map<string, string>();
  for (const demo of DEMO_ORGANISATIONS) {
    let organisation = demo.siren ? await findOrganisation(demo.siren) : await findOrganisationByName(demo.name);
    if (!organisation) {
      const inseeCodes = "epci" in demo.territory ? await communesOfEpci(demo.territory.epci) : await communesOfDepartement(demo.territory.departement);
      organisation = await createOrganisation({ name: demo.name, kind: demo.kind, siren: demo.siren, inseeCodes }, actor);
      created.organisations += 1;
    }
    ids.set(demo.key, organisation.id);
  }
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByEmail(account.email)) continue;
    const organisationId = account.organisation ? ids.get(account.organisation)! : null;
    await createUser({ email: account.email, name: account.name, role: account.role, organisationId, password: DEMO_PASSWORD }, actor);
    created.accounts += 1;
  }
  return created;
}
