/**
 * npm run org:create -- --name "<name>" --kind <collectivite|rip|epci|cci|other> (--epci <SIREN> | --communes <INSEE,INSEE…>) [--siren <SIREN>]
 *
 * Creates an organisation and its territory: the member communes of an EPCI, or a list of INSEE
 * codes. Prints the new organisation's id (for user:create --org).
 */
import "@/lib/cli/load-env";
import os from "node:os";
import { parseArgs } from "node:util";
import { runCli } from "@/lib/cli/run";
import type { OrganisationKind } from "@/lib/db/enums";
import { communesOfEpci, createOrganisation } from "@/lib/data/organisations";
import { cleanDisplayName } from "@/lib/validation/accounts";

const USAGE = 'usage: npm run org:create -- --name "<name>" --kind <collectivite|rip|epci|cci|other> (--epci <SIREN> | --communes <INSEE,INSEE…>) [--siren <SIREN>]';
const KINDS = ["COLLECTIVITE", "RIP", "EPCI", "CCI", "OTHER"];

function usage(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({
      options: { name: { type: "string" }, kind: { type: "string" }, epci: { type: "string" }, communes: { type: "string" }, siren: { type: "string" } },
    }));
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  if (!values.name || !values.kind) usage("Give --name and --kind.");
  const kind = values.kind.toUpperCase();
  if (!KINDS.includes(kind)) usage(`Unknown kind "${values.kind}".`);
  if (!values.epci === !values.communes) usage("Give either --epci or --communes.");
  const inseeCodes = values.epci ? await communesOfEpci(values.epci) : values.communes!.split(",");
  const organisation = await createOrganisation(
    { name: cleanDisplayName(values.name), kind: kind as OrganisationKind, siren: values.siren ?? (kind === "EPCI" ? values.epci : null), inseeCodes },
    { id: null, email: `cli:${os.userInfo().username}` },
  );
  console.log(organisation.id);
});
