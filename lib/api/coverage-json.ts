/** The JSON form of a Coverage, shared by the zone and commune endpoints. */
import { isoDay } from "@/lib/api/serialize";
import type { Coverage } from "@/lib/data/coverage";
import { statusLabel } from "@/lib/eligibility-text";
import { STATUS_ORDER } from "@/lib/status";
import { TECHNOLOGIES } from "@/lib/technologies";

export function coverageJson(coverage: Coverage) {
  const percent = (n: number) => (coverage.addresses === 0 ? 0 : Math.round((n / coverage.addresses) * 1000) / 10);
  return {
    addresses: coverage.addresses,
    technologies: TECHNOLOGIES.filter((technology) => coverage.technologies[technology]).map((technology) => {
      const counts = coverage.technologies[technology]!;
      const known = Object.entries(counts).reduce((sum, [status, n]) => sum + (status === "NON_PREVU" ? 0 : (n ?? 0)), 0);
      const all = { ...counts, NON_PREVU: coverage.addresses - known };
      return {
        technology,
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
