/**
 * Forecast dates in words, at their precision and with what they are: a publication's date is
 * the one announced ("le 7 mai 2027", "T3 2027"); an operator file's opening date is the earliest
 * a customer can order ("au plus tôt le 7 mai 2027"). Never a day for a quarter, never "07/05/2027".
 */
import type { DatePrecision, SourceKind } from "@/lib/db/enums";
import { formatLongDate, formatPlannedDate } from "@/lib/format";

export interface PlannedDateValue {
  date: Date;
  precision: DatePrecision;
}

/** Sources whose opening dates are the earliest possible ones (commercial opening of the PM). */
const EARLIEST_DATE_SOURCES: readonly SourceKind[] = ["IPE", "ARCEP_IMMEUBLES", "ARCEP_MCI"];

export function isEarliestDate(sourceKind: SourceKind | null | undefined): boolean {
  return sourceKind !== null && sourceKind !== undefined && EARLIEST_DATE_SOURCES.includes(sourceKind);
}

/** "le 7 mai 2027", "en mars 2027", "T3 2027", "S2 2027", "en 2027" — with "au plus tôt" for file dates. */
export function plannedDateText(planned: PlannedDateValue, sourceKind?: SourceKind | null): string {
  const earliest = isEarliestDate(sourceKind);
  const when = (() => {
    switch (planned.precision) {
      case "DAY":
        return `le ${formatLongDate(planned.date)}`;
      case "MONTH":
        return `en ${formatPlannedDate(planned.date, "MONTH")}`;
      case "YEAR":
        return `en ${formatPlannedDate(planned.date, "YEAR")}`;
      default:
        return formatPlannedDate(planned.date, planned.precision);
    }
  })();
  if (!earliest) return when;
  return planned.precision === "QUARTER" || planned.precision === "HALF" ? `au plus tôt au ${when}` : `au plus tôt ${when}`;
}
