/** The JSON form of a Coverage, shared by the zone and commune endpoints: all four technologies, by level and by status. */
import { isoDay } from "@/lib/api/serialize";
import type { Coverage } from "@/lib/data/coverage";
import { statusLabel } from "@/lib/eligibility-text";
import { percentOf } from "@/lib/levels/coverage";
import { STATUS_ORDER } from "@/lib/status";
import { TECHNOLOGIES } from "@/lib/technologies";

export function coverageJson(coverage: Coverage) {
  const percent = (n: number) => percentOf(n, coverage.addresses);
  return {
    addresses: coverage.addresses,
    technologies: TECHNOLOGIES.map((technology) => {
      const counts = coverage.technologies[technology] ?? {};
      const known = Object.entries(counts).reduce((sum, [status, n]) => sum + (status === "NON_PREVU" ? 0 : (n ?? 0)), 0);
      const all = { ...counts, NON_PREVU: coverage.addresses - known };
      return {
        technology,
        levels: coverage.levels[technology].map((entry) => ({ ...entry, percent: percent(entry.count) })),
        statuses: STATUS_ORDER.filter((status) => (all[status] ?? 0) > 0).map((status) => ({
          status,
          statusLabel: statusLabel(status),
          count: all[status]!,
          percent: percent(all[status]!),
        })),
      };
    }),
    sources: coverage.sources.map((source) => ({ name: source.name, date: isoDay(source.date) })),
  };
}
