import type { Coverage } from "@/lib/data/coverage";
import type { DeploymentStatus, Technology } from "@/lib/db/enums";
import { formatDate, formatInteger } from "@/lib/format";
import { STATUS_LABELS, STATUS_ORDER } from "@/lib/status";
import { TECHNOLOGIES, TECHNOLOGY_INFO } from "@/lib/technologies";

const percent = (part: number, whole: number) => `${whole === 0 ? 0 : Math.round((part / whole) * 100)}\u00a0%`;

/** Addresses per status for each technology (counts and shares), a source line under it. */
export function CoverageTable({ coverage, caption }: { coverage: Coverage; caption: string }) {
  const stated = TECHNOLOGIES.filter((technology) => technology === "FTTH" || coverage.technologies[technology]);
  const count = (technology: Technology, status: DeploymentStatus): number => {
    const counts = coverage.technologies[technology] ?? {};
    if (status !== "NON_PREVU") return counts[status] ?? 0;
    const known = Object.entries(counts).reduce((sum, [key, n]) => sum + (key === "NON_PREVU" ? 0 : (n ?? 0)), 0);
    return coverage.addresses - known;
  };
  const statuses = STATUS_ORDER.filter((status) => stated.some((technology) => count(technology, status) > 0));

  return (
    <div className="space-y-2">
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">{caption}</caption>
          <thead>
            <tr className="border-b border-line">
              <th scope="col" className="py-2 pr-3 font-medium">
                État
              </th>
              {stated.map((technology) => (
                <th key={technology} scope="col" className="py-2 pl-3 text-right font-medium">
                  {TECHNOLOGY_INFO[technology].name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {statuses.map((status) => (
              <tr key={status} className="border-b border-line">
                <th scope="row" className="py-2 pr-3 font-normal">
                  {STATUS_LABELS[status]}
                </th>
                {stated.map((technology) => {
                  const n = count(technology, status);
                  return (
                    <td key={technology} className="whitespace-nowrap py-2 pl-3 text-right">
                      {formatInteger(n)} <span className="text-muted">({percent(n, coverage.addresses)})</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {coverage.sources.length > 0 && (
        <p className="text-sm text-muted">
          Selon la source la plus récente pour chaque adresse. Sources :{" "}
          {coverage.sources.map((source) => `${source.name}${source.date ? ` du ${formatDate(source.date)}` : ""}`).join(" ; ")}.
        </p>
      )}
    </div>
  );
}
