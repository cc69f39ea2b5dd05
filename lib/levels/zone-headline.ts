/**
 * The headline of a zone (or commune) page from its coverage by level (PRODUCT.md: « 35 % des
 * adresses peuvent commander la fibre ; le reste est prévu d'ici T2 2027 »), then one sentence per
 * business technology that can be ordered or is planned. Pure, tested alone.
 */
import type { DatePrecision, Technology } from "@/lib/db/enums";
import { formatPlannedDate } from "@/lib/format";
import { countAt, type LevelCount } from "@/lib/levels/coverage";
import { BUSINESS_TECHNOLOGIES } from "@/lib/levels/levels";
import { TECHNOLOGY_INFO } from "@/lib/technologies";

export interface CoverageForHeadline {
  addresses: number;
  levels: Record<Technology, LevelCount[]>;
  planned: Partial<Record<Technology, { latest: { date: Date; precision: DatePrecision } | null; undated: number }>>;
}

const share = (count: number, total: number) => Math.round((count / total) * 100);
const percent = (count: number, total: number) => `${share(count, total)}\u00a0%`;

function byDate(latest: { date: Date; precision: DatePrecision } | null | undefined): string | null {
  return latest ? `d'ici ${latest.precision === "DAY" ? `le ${formatPlannedDate(latest.date, "DAY")}` : formatPlannedDate(latest.date, latest.precision)}` : null;
}

export function zoneHeadline(coverage: CoverageForHeadline, place: "zone" | "commune" = "zone"): { title: string; details: string[] } {
  const total = coverage.addresses;
  if (total === 0) return { title: `Aucune adresse connue dans cette ${place} pour l'instant.`, details: [] };
  const ftth = coverage.levels.FTTH;
  const available = countAt(ftth, "AVAILABLE");
  const onRequest = countAt(ftth, "ON_REQUEST");
  const planned = countAt(ftth, "PLANNED");
  const nothing = total - available - onRequest - planned;
  const plannedBy = byDate(coverage.planned.FTTH?.latest);
  const undated = coverage.planned.FTTH?.undated ?? 0;

  let title: string;
  if (available === total) title = "Toutes les adresses peuvent commander la fibre.";
  else {
    const parts = [available > 0 ? `${percent(available, total)} des adresses peuvent commander la fibre` : "Aucune adresse ne peut encore commander la fibre"];
    if (onRequest > 0) parts.push(`${percent(onRequest, total)} sur demande (raccordement à la commande)`);
    if (planned > 0) {
      const rest = nothing === 0 && onRequest === 0 && available > 0;
      const when = plannedBy && undated === 0 ? ` ${plannedBy}` : plannedBy ? ` (au plus tard ${plannedBy.replace(/^d'ici /, "")} pour celles qui ont une date)` : " (date non communiquée)";
      parts.push(rest ? `le reste est prévu${when}` : `${percent(planned, total)} prévues${when}`);
    }
    if (nothing > 0) parts.push(`${percent(nothing, total)} sans annonce`);
    title = `${parts.join(" ; ")}.`;
  }

  const details: string[] = [];
  for (const technology of BUSINESS_TECHNOLOGIES) {
    const levels = coverage.levels[technology];
    const name = TECHNOLOGY_INFO[technology].name;
    const stated = levels.filter((entry) => entry.basis === "SOURCE" || entry.basis === "DIRECTORY");
    const open = stated.filter((entry) => entry.level === "AVAILABLE").reduce((sum, entry) => sum + entry.count, 0);
    const soon = stated.filter((entry) => entry.level === "PLANNED").reduce((sum, entry) => sum + entry.count, 0);
    if (open > 0) details.push(`${name} : disponible pour ${open === total ? "toutes les adresses" : `${percent(open, total)} des adresses`}.`);
    if (soon > 0) {
      const when = byDate(coverage.planned[technology]?.latest);
      details.push(`${name} : prévu${when ? ` ${when}` : ""} pour ${soon === total ? "toutes les adresses" : `${percent(soon, total)} des adresses`}.`);
    }
  }
  const fttoRule = coverage.levels.FTTO.find((entry) => entry.basis === "GENERAL_RULE");
  if (fttoRule && !details.some((detail) => detail.startsWith("FttO"))) {
    details.push("FttO : sur étude partout, selon la règle générale — demandez un devis aux opérateurs entreprises.");
  }
  return { title, details };
}
