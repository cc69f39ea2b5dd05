/**
 * « Que faire maintenant ? »: the concrete next steps of an address, chosen from its situation
 * (PRODUCT.md): the commercial operators present with their business offers and eligibility
 * tester, the business operators of the département for FttE/FttO quotes, the collectivité or
 * zone manager with their public contact, « Me prévenir » when something is planned, the field
 * report and the guide. Never empty: the last two are always there.
 */
import type { TechnologyAnswer } from "@/lib/levels/answer";
import type { BusinessTechnology } from "@/lib/levels/levels";

export const NEXT_STEP_KINDS = ["OPERATOR", "BUSINESS_OPERATORS", "COLLECTIVITE", "ALERT", "REPORT", "GUIDE"] as const;
export type NextStepKind = (typeof NEXT_STEP_KINDS)[number];

export interface NextStep {
  kind: NextStepKind;
  label: string;
  /** The operator or organisation concerned. */
  name?: string;
  url?: string;
  /** An operator's eligibility tester, beside its offers page. */
  testerUrl?: string;
  email?: string;
  phone?: string;
}

/** An operator as the directory describes it. */
export interface DirectoryOperatorView {
  name: string;
  website: string | null;
  offersUrl: string | null;
  eligibilityUrl: string | null;
  technologies: readonly BusinessTechnology[];
}

export interface PublicContact {
  name: string;
  email: string | null;
  phone: string | null;
  url: string | null;
}

export interface NextStepsInput {
  addressId: string;
  answers: readonly TechnologyAnswer[];
  /** Commercial operators present at the address (FttH facts), with their directory entry when it has one. */
  presentOperators: readonly { name: string; entry: DirectoryOperatorView | null }[];
  /** Operators the directory says sell FttE or FttO in the address's département. */
  businessOperators: readonly DirectoryOperatorView[];
  /** The zone manager and the organisations of the territory that give a public contact. */
  contacts: readonly PublicContact[];
  /** The zone's own contact line ("Service économique, 04 …"), when it has one. */
  zoneContact: { zoneName: string; text: string } | null;
}

const MAX_BUSINESS_OPERATORS = 6;
const TECHNOLOGY_WORDS: Record<BusinessTechnology, string> = { FTTH_PRO: "FttH pro", FTTE: "FttE", FTTO: "FttO" };

function operatorStep(name: string, entry: DirectoryOperatorView | null, kind: "OPERATOR" | "BUSINESS_OPERATORS"): NextStep {
  const url = entry?.offersUrl ?? entry?.website ?? undefined;
  const testerUrl = entry?.eligibilityUrl ?? undefined;
  const sold = entry?.technologies.length ? ` (${entry.technologies.map((technology) => TECHNOLOGY_WORDS[technology]).join(", ")})` : "";
  const label =
    kind === "BUSINESS_OPERATORS"
      ? `Demander un devis à ${name}${sold}`
      : entry?.technologies.includes("FTTH_PRO")
        ? `Commander une offre professionnelle chez ${name}`
        : `${name} est présent à cette adresse`;
  return { kind, label, name, ...(url ? { url } : {}), ...(testerUrl ? { testerUrl } : {}) };
}

export function chooseNextSteps(input: NextStepsInput): NextStep[] {
  const steps: NextStep[] = [];
  const levelOf = (technology: TechnologyAnswer["technology"]) => input.answers.find((answer) => answer.technology === technology);
  const ftth = levelOf("FTTH");
  const canOrderFtth = ftth?.level === "AVAILABLE" || ftth?.level === "ON_REQUEST";
  if (canOrderFtth) {
    // Operators selling business offers first.
    const present = [...input.presentOperators].sort(
      (a, b) => Number(!!b.entry?.technologies.includes("FTTH_PRO")) - Number(!!a.entry?.technologies.includes("FTTH_PRO")),
    );
    for (const operator of present) steps.push(operatorStep(operator.name, operator.entry, "OPERATOR"));
  }
  // Dedicated fibre (FttE, FttO): the operators named by a publication, else those of the département.
  const dedicated = (["FTTE", "FTTO"] as const).map(levelOf).filter((answer) => answer && answer.level !== "NOT_ANNOUNCED");
  const named = new Set(dedicated.flatMap((answer) => answer!.operators.filter((operator) => operator.role !== "INFRASTRUCTURE").map((operator) => operator.name)));
  const quoted = new Set<string>();
  for (const name of named) {
    const entry = input.businessOperators.find((operator) => operator.name === name) ?? null;
    steps.push(operatorStep(name, entry, "BUSINESS_OPERATORS"));
    quoted.add(name);
  }
  for (const operator of input.businessOperators) {
    if (quoted.size >= MAX_BUSINESS_OPERATORS) break;
    if (quoted.has(operator.name)) continue;
    steps.push(operatorStep(operator.name, operator, "BUSINESS_OPERATORS"));
    quoted.add(operator.name);
  }
  for (const contact of input.contacts) {
    steps.push({
      kind: "COLLECTIVITE",
      label: `Contacter ${contact.name}`,
      name: contact.name,
      ...(contact.url ? { url: contact.url } : {}),
      ...(contact.email ? { email: contact.email } : {}),
      ...(contact.phone ? { phone: contact.phone } : {}),
    });
  }
  if (input.zoneContact) {
    steps.push({ kind: "COLLECTIVITE", label: `Contact de la zone ${input.zoneContact.zoneName} : ${input.zoneContact.text}`, name: input.zoneContact.zoneName });
  }
  const id = encodeURIComponent(input.addressId);
  if (input.answers.some((answer) => answer.level === "PLANNED")) {
    steps.push({ kind: "ALERT", label: "Être prévenu quand la date change ou que la fibre arrive", url: `/adresse/${id}#alerte` });
  }
  steps.push({ kind: "REPORT", label: "Signaler une information erronée", url: `/adresse/${id}/signaler` });
  steps.push({ kind: "GUIDE", label: "Quelle fibre pour mon entreprise ?", url: `/quelle-fibre?adresse=${id}` });
  return steps;
}
