/**
 * The business answer for one address, technology by technology (PRODUCT.md, "The business
 * answer"): from what the sources state and the operator directory, each technology gets a level
 * and the basis of that level. Pure: the address page, the API, the guide and the exports all ask
 * here, and the rules are tested as a matrix (answer.test.ts).
 *
 * - A source's fact (file or publication) gives its level, basis SOURCE.
 * - FttH pro without a source: where FttH can be ordered (AVAILABLE or ON_REQUEST) and an operator
 *   present there sells FttH pro in the département, the same level, basis DIRECTORY; else nothing.
 * - FttE without a source: nothing (it needs a free dedicated fibre at the PM, which no source states).
 * - FttO without a source: ON_REQUEST by GENERAL_RULE — dedicated fibre can be built almost
 *   anywhere, on quote.
 */
import type { DeploymentStatus, OperatorRole, SourceKind, Technology } from "@/lib/db/enums";
import { levelOfStatus, type Basis, type Level } from "@/lib/levels/levels";
import { plannedDateText, type PlannedDateValue } from "@/lib/levels/planned-text";

export interface FactSource {
  kind: SourceKind;
  /** "IPE LIAIN", "Arcep Carte fibre", the publishing organisation */
  name: string;
  /** The file's date, else when the fact was recorded. */
  date: Date;
}

export interface OperatorMention {
  code: string;
  /** The name businesses know (directory, Arcep reference), never a bare code. */
  name: string;
  role: OperatorRole;
}

/**
 * Several buildings of the address with different statuses from the source that counts: how many
 * in all and how many in each status, most advanced first. The technology then takes the least
 * advanced status (lib/data/eligibility.ts), so a business is never told "available" for a
 * building it may not be in; the split says why.
 */
export interface BuildingSplit {
  count: number;
  statuses: { status: DeploymentStatus; count: number }[];
}

/** What the sources state about one technology at one address (lib/data/eligibility.ts). */
export interface StatedTechnology {
  technology: Technology;
  /** NON_PREVU when no source states anything. */
  status: DeploymentStatus;
  since: Date | null;
  planned: PlannedDateValue | null;
  operators: OperatorMention[];
  /** null when no source states anything for this technology here. */
  source: FactSource | null;
  /** Older facts of other sources that state another status. */
  disagreements: { status: DeploymentStatus; source: FactSource }[];
  /** The publishing organisation's message to businesses. */
  message: string | null;
  /** Absent unless the source that counts states different statuses for several buildings here. */
  buildings?: BuildingSplit;
}

export interface TechnologyAnswer extends StatedTechnology {
  level: Level;
  basis: Basis;
  /** Why this level when it is not a source's plain fact (directory, general rule, nothing known). */
  explanation: string | null;
}

export interface AnswerContext {
  /** Codes of the operators the directory says sell FttH pro in the address's département. */
  ftthProSellers: ReadonlySet<string>;
}

/** The usual delay of a connection on request, said as the general rule it is. */
export const ON_REQUEST_RULE =
  "Raccordement à la demande : l'opérateur construit les derniers mètres quand vous commandez. Règle générale : comptez de quelques semaines à 6 mois.";

export const FTTO_RULE =
  "Règle générale : la fibre dédiée (FttO) peut être construite presque partout, sur étude. Le coût et le délai dépendent de la distance au réseau de l'opérateur : demandez un devis.";

const FTTE_NOTHING =
  "La FttE n'est possible que là où une fibre dédiée est libre au point de mutualisation ; aucune source ne l'indique ici.";

const isOrderable = (level: Level) => level === "AVAILABLE" || level === "ON_REQUEST";
const isCommercial = (role: OperatorRole) => role === "COMMERCIAL" || role === "BOTH";
const names = (operators: readonly OperatorMention[]) => operators.map((operator) => operator.name).join(", ");

function fromSource(entry: StatedTechnology): TechnologyAnswer {
  const level = levelOfStatus(entry.status);
  return { ...entry, level, basis: "SOURCE", explanation: level === "ON_REQUEST" ? ON_REQUEST_RULE : null };
}

function unstated(entry: StatedTechnology, level: Level, basis: Basis, explanation: string | null): TechnologyAnswer {
  return { ...entry, level, basis, explanation };
}

function ftthProAnswer(entry: StatedTechnology, ftth: TechnologyAnswer, context: AnswerContext): TechnologyAnswer {
  if (!isOrderable(ftth.level)) {
    const explanation =
      ftth.level === "PLANNED"
        ? "Le FttH pro passe par le réseau FttH, qui est prévu ici : les offres professionnelles viendront avec lui."
        : "Le FttH pro passe par le réseau FttH : aucune source ne l'annonce ici.";
    return unstated(entry, "NOT_ANNOUNCED", "NONE", explanation);
  }
  const sellers = ftth.operators.filter((operator) => isCommercial(operator.role) && context.ftthProSellers.has(operator.code));
  if (sellers.length === 0) {
    return unstated(
      entry,
      "NOT_ANNOUNCED",
      "DIRECTORY",
      "Aucun des opérateurs présents à cette adresse n'est référencé dans l'annuaire pour des offres FttH pro : demandez aux opérateurs entreprises ci-dessous.",
    );
  }
  return {
    ...entry,
    status: ftth.status,
    since: ftth.since,
    planned: ftth.planned,
    ...(ftth.buildings ? { buildings: ftth.buildings } : {}),
    operators: sellers.map((operator) => ({ ...operator, role: "COMMERCIAL" })),
    level: ftth.level,
    basis: "DIRECTORY",
    explanation: `Disponible via ${names(sellers)} : ${sellers.length > 1 ? "ces opérateurs vendent" : "cet opérateur vend"} des offres FttH pro et ${sellers.length > 1 ? "sont présents" : "est présent"} à cette adresse (annuaire des opérateurs, réseau FttH ${ftth.level === "AVAILABLE" ? "raccordable" : "raccordable à la demande"}).`,
  };
}

/** The four technologies' answers, in the order given (FttH first: FttH pro depends on it). */
export function answerTechnologies(stated: readonly StatedTechnology[], context: AnswerContext): TechnologyAnswer[] {
  const ftthEntry = stated.find((entry) => entry.technology === "FTTH");
  const ftth = ftthEntry?.source ? fromSource(ftthEntry) : ftthEntry ? unstated(ftthEntry, "NOT_ANNOUNCED", "NONE", null) : null;
  return stated.map((entry) => {
    if (entry.source) return fromSource(entry);
    switch (entry.technology) {
      case "FTTH":
        return unstated(entry, "NOT_ANNOUNCED", "NONE", "Aucune source ne mentionne la fibre FttH à cette adresse.");
      case "FTTH_PRO":
        return ftth ? ftthProAnswer(entry, ftth, context) : unstated(entry, "NOT_ANNOUNCED", "NONE", null);
      case "FTTE":
        return unstated(entry, "NOT_ANNOUNCED", "NONE", FTTE_NOTHING);
      case "FTTO":
        return unstated(entry, "ON_REQUEST", "GENERAL_RULE", FTTO_RULE);
    }
  });
}

/** A level in words with its date: "Prévu T3 2027", "Prévu au plus tôt le 7 mai 2027", "Sur étude — demandez un devis". */
export function levelText(answer: Pick<TechnologyAnswer, "level" | "basis" | "planned" | "source" | "technology">): string {
  switch (answer.level) {
    case "AVAILABLE":
      return "Disponible : vous pouvez commander";
    case "ON_REQUEST":
      return answer.basis === "GENERAL_RULE" || answer.technology === "FTTO" ? "Sur étude — demandez un devis" : "Sur demande : raccordement à la commande";
    case "PLANNED":
      return answer.planned ? `Prévu ${plannedDateText(answer.planned, answer.source?.kind)}` : "Prévu — date non communiquée";
    case "NOT_ANNOUNCED":
      return "Pas d'annonce";
  }
}

/** The same in a few words, for summaries and legends: "Disponible", "Prévu T3 2027", "Sur étude". */
export function levelShortText(answer: Pick<TechnologyAnswer, "level" | "basis" | "planned" | "source" | "technology">): string {
  switch (answer.level) {
    case "AVAILABLE":
      return "Disponible";
    case "ON_REQUEST":
      return answer.basis === "GENERAL_RULE" || answer.technology === "FTTO" ? "Sur étude (devis)" : "Sur demande";
    case "PLANNED":
      return answer.planned ? `Prévu ${plannedDateText(answer.planned, answer.source?.kind)}` : "Prévu";
    case "NOT_ANNOUNCED":
      return "Pas d'annonce";
  }
}
