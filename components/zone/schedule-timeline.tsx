import { LevelBadge } from "@/components/answer/level-badge";
import type { DatePrecision, DeploymentStatus, OperatorRole, SourceKind, Technology } from "@/lib/db/enums";
import { provenanceLine, statusLabel } from "@/lib/eligibility-text";
import { formatDate } from "@/lib/format";
import { levelText } from "@/lib/levels/answer";
import { LEVEL_COLORS, levelOfStatus } from "@/lib/levels/levels";
import { plannedDateText } from "@/lib/levels/planned-text";
import { TECHNOLOGY_INFO } from "@/lib/technologies";

export interface ScheduleItem {
  id: string;
  technology: Technology;
  status: DeploymentStatus;
  availableSince: Date | null;
  planned: { date: Date; precision: DatePrecision } | null;
  operators: { name: string; role: OperatorRole }[];
  message: string | null;
  source: { kind: SourceKind; name: string; date: Date };
}

function when(item: ScheduleItem): string {
  if (item.availableSince && levelOfStatus(item.status) !== "PLANNED") return `Depuis le ${formatDate(item.availableSince)}`;
  if (item.planned) {
    const text = plannedDateText(item.planned, item.source.kind);
    return text.charAt(0).toUpperCase() + text.slice(1);
  }
  return "Date non communiquée";
}

/** Done first, then what is coming by date, then what has no date. */
function order(item: ScheduleItem): [number, number] {
  if (item.availableSince && levelOfStatus(item.status) !== "PLANNED") return [0, item.availableSince.getTime()];
  if (item.planned) return [1, item.planned.date.getTime()];
  return [2, 0];
}

/** The calendar a zone manager published, as a timeline: when, what, who sells it, says who. */
export function ScheduleTimeline({ items }: { items: readonly ScheduleItem[] }) {
  const sorted = [...items].sort((a, b) => order(a)[0] - order(b)[0] || order(a)[1] - order(b)[1]);
  return (
    <ol className="relative space-y-4 border-l-4 border-brand-100 pl-5">
      {sorted.map((item) => {
        const level = levelOfStatus(item.status);
        return (
          <li key={item.id} className="relative">
            <span aria-hidden="true" className="absolute -left-[1.95rem] top-1 h-4 w-4 rounded-full border-2 border-white" style={{ backgroundColor: LEVEL_COLORS[level] }} />
            <p className="text-sm font-semibold uppercase tracking-wide text-muted">{when(item)}</p>
            <p className="font-semibold">
              {TECHNOLOGY_INFO[item.technology].name} :{" "}
              <LevelBadge level={level} text={levelText({ technology: item.technology, level, basis: "SOURCE", planned: item.planned, source: item.source })} />
            </p>
            {item.operators.some((operator) => operator.role !== "INFRASTRUCTURE") ? (
              <p className="text-sm">
                Opérateurs : {item.operators.filter((operator) => operator.role !== "INFRASTRUCTURE").map((operator) => operator.name).join(", ")}
              </p>
            ) : null}
            {item.message ? <p className="whitespace-pre-line text-sm">« {item.message} »</p> : null}
            <p className="text-xs text-muted">
              Statut détaillé : {statusLabel(item.status)}. {provenanceLine(item.source)}.
            </p>
          </li>
        );
      })}
    </ol>
  );
}
