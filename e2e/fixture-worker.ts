/**
 * One long-lived process per Playwright worker that creates the admin tests' organisations and
 * accounts with the library calls org:create and user:create make (started by e2e/admin-fixtures.ts
 * against the database of the worker's server). A tsx process per account cost ~1.5 s each, over a
 * hundred times a run. One JSON request per line on stdin, one JSON answer per line on stdout.
 */
import "@/lib/cli/load-env";
import readline from "node:readline";
import { createOrganisation } from "@/lib/data/organisations";
import { createUser } from "@/lib/data/users";
import { db } from "@/lib/db/client";
import { normalizeText } from "@/lib/text/normalize";
import type { OrganisationKind, UserRole } from "@/lib/db/enums";

export type FixtureRequest =
  | { id: number; op: "organisation"; name: string; kind: OrganisationKind; inseeCodes: string[] }
  | { id: number; op: "user"; email: string; password: string; role: UserRole; organisationId: string | null }
  | { id: number; op: "establishment"; siret: string; tradeName: string; addressId: string };

export type FixtureAnswer = { id: number; result: string } | { id: number; error: string };

const ACTOR = { id: null, email: "cli:e2e-fixtures" };

async function answer(request: FixtureRequest): Promise<string> {
  if (request.op === "establishment") {
    // A row as the SIRENE importer leaves it (only diffusible establishments are ever stored).
    const address = await db.address.findUniqueOrThrow({ where: { id: request.addressId } });
    await db.establishment.create({
      data: {
        siret: request.siret, siren: request.siret.slice(0, 9), tradeName: request.tradeName, inseeCode: address.inseeCode,
        communeName: address.communeName, addressId: address.id, matchMethod: "ban-id", searchName: normalizeText(request.tradeName), contentHash: request.siret,
      },
    });
    return request.siret;
  }
  if (request.op === "organisation") {
    const organisation = await createOrganisation({ name: request.name, kind: request.kind, siren: null, inseeCodes: request.inseeCodes }, ACTOR);
    return organisation.id;
  }
  const user = await createUser({ email: request.email, password: request.password, role: request.role, organisationId: request.organisationId, name: null }, ACTOR);
  return user.id;
}

const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const request = JSON.parse(line) as FixtureRequest;
  answer(request).then(
    (result) => process.stdout.write(`${JSON.stringify({ id: request.id, result } satisfies FixtureAnswer)}\n`),
    (error: unknown) => process.stdout.write(`${JSON.stringify({ id: request.id, error: error instanceof Error ? error.message : String(error) } satisfies FixtureAnswer)}\n`),
  );
});
lines.on("close", () => void db.$disconnect());
