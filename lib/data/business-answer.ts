import "server-only";
/**
 * The business answer of an address (PRODUCT.md): what the sources state (lib/data/eligibility.ts),
 * turned into levels with their basis, a headline and the next steps — the one place the address
 * page, its API twin and the guide get it from.
 */
import { getAddressEligibility, type AddressEligibility } from "@/lib/data/eligibility";
import { loadOperatorDirectory } from "@/lib/data/operator-directory";
import { publicContactsFor } from "@/lib/data/public-contacts";
import { answerTechnologies, type TechnologyAnswer } from "@/lib/levels/answer";
import { businessHeadline, type Headline } from "@/lib/levels/headline";
import { chooseNextSteps, type DirectoryOperatorView, type NextStep } from "@/lib/levels/next-steps";
import type { DirectoryEntry, OperatorDirectory } from "@/lib/operators/directory";

export interface AddressAnswer extends AddressEligibility {
  answers: TechnologyAnswer[];
  headline: Headline;
  nextSteps: NextStep[];
  /** Some operator shown comes from a directory entry marked as demonstration content. */
  hasDemoDirectoryContent: boolean;
}

const view = (entry: DirectoryEntry): DirectoryOperatorView => ({
  name: entry.name,
  website: entry.website,
  offersUrl: entry.offersUrl,
  eligibilityUrl: entry.eligibilityUrl,
  technologies: entry.technologies,
});

/** Commercial operators present at the address (FttH and FttH pro facts), one per company. */
function presentOperators(answers: readonly TechnologyAnswer[], directory: OperatorDirectory) {
  const present = new Map<string, { name: string; entry: DirectoryEntry | null }>();
  for (const answer of answers) {
    if (answer.technology !== "FTTH" && answer.technology !== "FTTH_PRO") continue;
    if (answer.level !== "AVAILABLE" && answer.level !== "ON_REQUEST") continue;
    for (const operator of answer.operators) {
      if (operator.role === "INFRASTRUCTURE") continue;
      const entry = directory.entryOf(operator.code);
      present.set(entry?.id ?? `code:${operator.code}`, { name: entry?.name ?? operator.name, entry });
    }
  }
  return [...present.values()];
}

export async function getAddressAnswer(id: string): Promise<AddressAnswer | null> {
  // The directory is read beside the address (one round trip less); awaited with it, so that its
  // failure is never left unhandled when the address does not exist.
  const loading = loadOperatorDirectory();
  const [directory, eligibility] = await Promise.all([loading, getAddressEligibility(id, loading)]);
  if (!eligibility) return null;
  const { address, zone } = eligibility;
  const answers = answerTechnologies(eligibility.technologies, { ftthProSellers: directory.sellerCodes("FTTH_PRO", address.departementCode) });
  const contacts = await publicContactsFor(address.inseeCode, zone?.organisationId ?? null);
  const present = presentOperators(answers, directory);
  const business = directory.sellers(["FTTE", "FTTO"], address.departementCode);
  const nextSteps = chooseNextSteps({
    addressId: address.id,
    answers,
    presentOperators: present.map((operator) => ({ name: operator.name, entry: operator.entry ? view(operator.entry) : null })),
    businessOperators: business.map(view),
    contacts,
    zoneContact: zone?.contact ? { zoneName: zone.name, text: zone.contact } : null,
  });
  return {
    ...eligibility,
    answers,
    headline: businessHeadline(answers),
    nextSteps,
    hasDemoDirectoryContent: [...present.map((operator) => operator.entry), ...business].some((entry) => entry?.isDemo),
  };
}
