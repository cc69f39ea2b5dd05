import { LevelBadge } from "@/components/answer/level-badge";
import { BUILDING_SPLIT_RULE, buildingSplitText, dateLine, provenanceLine, statusLabel } from "@/lib/eligibility-text";
import { levelText, type TechnologyAnswer } from "@/lib/levels/answer";
import { BASIS_LABELS } from "@/lib/levels/levels";
import { TECHNOLOGY_INFO } from "@/lib/technologies";

const ROLE_LABELS = { INFRASTRUCTURE: "Réseau construit par", COMMERCIAL: "Opérateurs qui vendent ici" } as const;

/**
 * One technology at one address: its level first, what it rests on (a source, the directory, a
 * general rule), the operators, then in small print the source's detailed status and date.
 * "Pas d'annonce" cards are compact: they must not take as much room as the answer.
 */
export function TechnologyCard({ answer }: { answer: TechnologyAnswer }) {
  const info = TECHNOLOGY_INFO[answer.technology];
  const compact = answer.level === "NOT_ANNOUNCED" && answer.basis !== "SOURCE";
  const since = answer.level === "AVAILABLE" || answer.level === "ON_REQUEST" ? dateLine({ ...answer, planned: null }) : null;
  const operators = (role: "INFRASTRUCTURE" | "COMMERCIAL") =>
    answer.operators.filter((operator) => (role === "COMMERCIAL" ? operator.role !== "INFRASTRUCTURE" : operator.role !== "COMMERCIAL"));
  return (
    <article className="flex flex-col gap-2 rounded-lg border border-line p-4 break-inside-avoid" aria-labelledby={`tech-${answer.technology}`}>
      <h3 id={`tech-${answer.technology}`} className="text-lg font-bold">
        {info.name} <span className="text-base font-normal text-muted">— {info.summary}</span>
      </h3>
      <p>
        <LevelBadge level={answer.level} text={levelText(answer)} />
      </p>
      {answer.basis === "GENERAL_RULE" || answer.basis === "DIRECTORY" ? (
        <p className="text-sm">
          <span className="rounded bg-gray-100 px-1.5 py-0.5 font-semibold">{BASIS_LABELS[answer.basis]}</span>
        </p>
      ) : null}
      {answer.explanation ? <p className={compact ? "text-sm text-muted" : "text-sm"}>{answer.explanation}</p> : null}
      {since ? <p className="text-sm">{since}</p> : null}
      {(["COMMERCIAL", "INFRASTRUCTURE"] as const).map((role) =>
        operators(role).length > 0 ? (
          <p key={role} className="text-sm">
            {ROLE_LABELS[role]} : {operators(role).map((operator) => operator.name).join(", ")}
          </p>
        ) : null,
      )}
      {answer.message ? (
        <p className="whitespace-pre-line border-l-4 border-brand-700 pl-3 text-sm">
          <span className="sr-only">Message de {answer.source?.name} : </span>« {answer.message} »
        </p>
      ) : null}
      {compact ? null : <p className="text-sm text-muted">{info.details}</p>}
      {answer.source ? (
        <p className="mt-auto text-xs text-muted">
          Statut détaillé : {statusLabel(answer.status)}. {provenanceLine(answer.source)}.
        </p>
      ) : null}
      {answer.buildings ? (
        <p className="text-xs text-muted" data-testid={`buildings-${answer.technology}`}>
          {buildingSplitText(answer.buildings)}. {BUILDING_SPLIT_RULE}
        </p>
      ) : null}
      {answer.disagreements.map((other) => (
        <p key={`${other.source.kind}-${other.source.name}`} className="text-xs text-muted">
          Une autre source indique « {statusLabel(other.status)} » ({provenanceLine(other.source).replace(/^Source : /, "")}) ; l&apos;information la plus
          récente est retenue.
        </p>
      ))}
    </article>
  );
}
