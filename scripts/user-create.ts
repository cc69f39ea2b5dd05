/**
 * npm run user:create -- --email <e> --password <p> --role <admin|org_admin|editor> [--org <id or SIREN>] [--name "<name>"]
 *
 * Creates an account from the command line (the first platform admin, scripted setups). Exit 1
 * with one sentence when the account exists, the organisation is unknown or the password is weak.
 */
import "@/lib/cli/load-env";
import os from "node:os";
import { parseArgs } from "node:util";
import { runCli } from "@/lib/cli/run";
import { passwordProblem } from "@/lib/auth/password";
import type { UserRole } from "@/lib/db/enums";
import { findOrganisation } from "@/lib/data/organisations";
import { createUser } from "@/lib/data/users";
import { cleanDisplayName } from "@/lib/validation/accounts";

const USAGE = "usage: npm run user:create -- --email <e> --password <p> --role <admin|org_admin|editor> [--org <id or SIREN>] [--name <name>]";
const ROLES: Record<string, UserRole> = { admin: "ADMIN", org_admin: "ORG_ADMIN", editor: "EDITOR" };

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: "string" },
        password: { type: "string" },
        role: { type: "string" },
        org: { type: "string" },
        name: { type: "string" },
      },
    }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const { email, password, role, org, name } = values;
  if (!email || !password || !role) usage("Give --email, --password and --role.");
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) usage(`"${email}" is not an email address.`);
  const userRole = ROLES[role.toLowerCase()];
  if (!userRole) usage(`Unknown role "${role}".`);
  if (userRole !== "ADMIN" && !org) usage(`A ${role} account needs --org.`);
  const problem = passwordProblem(password);
  if (problem) throw new Error(problem);
  let organisationId: string | null = null;
  if (org) {
    const organisation = await findOrganisation(org);
    if (!organisation) throw new Error(`No organisation with id or SIREN "${org}".`);
    organisationId = organisation.id;
  }
  const user = await createUser(
    { email, password, role: userRole, organisationId, name: name ? cleanDisplayName(name) : null },
    { id: null, email: `cli:${os.userInfo().username}` },
  );
  console.log(`Created ${user.role.toLowerCase()} ${user.email} (${user.id})${organisationId ? ` in organisation ${organisationId}` : ""}.`);
});
