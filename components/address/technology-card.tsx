import type { TechnologyAvailability } from "@/lib/data/eligibility";
import { dateLine, provenanceLine, statusLabel } from "@/lib/eligibility-text";
import { STATUS_COLORS } from "@/lib/status-colors";
import { TECHNOLOGY_INFO } from "@/lib/technologies";

const ROLE_LABELS = { INFRASTRUCTURE: "Opérateur d'infrastructure", COMMERCIAL: "Opérateurs commerciaux" } as const;

/** One technology at one address: status, date, operators, what it means for a business, who says so. */
export function TechnologyCard({ entry }: { entry: TechnologyAvailability }) {
  const info = TECHNOLOGY_INFO[entry.technology];
  const date = dateLine(entry);
  const byRole = (role: keyof typeof ROLE_LABELS) => entry.operators.filter((operator) => operator.role === role);
  return (
    <article className="flex flex-col gap-2 rounded-lg border border-line p-4 break-inside-avoid" aria-labelledby={`tech-${entry.technology}`}>
      <h3 id={`tech-${entry.technology}`} className="text-lg font-bold">
        {info.name} <span className="text-base font-normal text-muted">— {info.summary}</span>
      </h3>
      <p className="flex items-center gap-2 font-semibold">
        <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ backgroundColor: STATUS_COLORS[entry.status] }} />
        {statusLabel(entry.status)}
      </p>
      {date && <p>{date}</p>}
      {(["INFRASTRUCTURE", "COMMERCIAL"] as const).map((role) =>
        byRole(role).length > 0 ? (
          <p key={role} className="text-sm">
            {ROLE_LABELS[role]} : {byRole(role).map((operator) => operator.name).join(", ")}
          </p>
        ) : null,
      )}
      {entry.message ? (
        <p className="whitespace-pre-line border-l-4 border-brand-700 pl-3 text-sm">
          <span className="sr-only">Message de {entry.source?.name} : </span>« {entry.message} »
        </p>
      ) : null}
      <p className="text-sm text-muted">{info.details}</p>
      <p className="mt-auto text-sm">{entry.source ? provenanceLine(entry.source) : "Aucune source ne mentionne cette technologie ici."}</p>
      {entry.disagreements.map((other) => (
        <p key={`${other.source.kind}-${other.source.name}`} className="text-sm text-muted">
          Une autre source indique « {statusLabel(other.status)} » ({provenanceLine(other.source).replace(/^Source : /, "")}) ; l&apos;information la
          plus récente est retenue.
        </p>
      ))}
    </article>
  );
}
