/**
 * Planned dates as collectivités write them — "T3 2027", "S2 2027", "09/2027", "septembre 2027",
 * "15/09/2027", "2027" — read into a date and its precision (the first day of the period), and
 * written back the same way. The inverse of formatPlannedDate() for the admin forms.
 */
import { formatDate, formatPlannedDate, type DatePrecisionName } from "@/lib/format";

export interface PlannedDate {
  date: Date;
  precision: DatePrecisionName;
}

const MONTH_NAMES = ["janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre", "decembre"];

const utc = (year: number, month: number, day = 1) => new Date(Date.UTC(year, month, day));
const isYear = (year: number) => year >= 2000 && year <= 2100;

/** The planned date `text` names, or null when it cannot be read. */
export function parsePlannedDate(text: string): PlannedDate | null {
  const value = text.trim().toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ");
  let match: RegExpMatchArray | null;
  if ((match = value.match(/^(?:t|trimestre ?)([1-4]) (\d{4})$/))) {
    const year = Number(match[2]);
    return isYear(year) ? { date: utc(year, (Number(match[1]) - 1) * 3), precision: "QUARTER" } : null;
  }
  if ((match = value.match(/^(?:s|semestre ?)([12]) (\d{4})$/))) {
    const year = Number(match[2]);
    return isYear(year) ? { date: utc(year, (Number(match[1]) - 1) * 6), precision: "HALF" } : null;
  }
  if ((match = value.match(/^(\d{4})$/))) {
    const year = Number(match[1]);
    return isYear(year) ? { date: utc(year, 0), precision: "YEAR" } : null;
  }
  if ((match = value.match(/^(\d{1,2})\/(\d{4})$/))) {
    const [month, year] = [Number(match[1]), Number(match[2])];
    return isYear(year) && month >= 1 && month <= 12 ? { date: utc(year, month - 1), precision: "MONTH" } : null;
  }
  if ((match = value.match(/^([a-z]+) (\d{4})$/))) {
    const month = MONTH_NAMES.indexOf(match[1]!);
    const year = Number(match[2]);
    return month >= 0 && isYear(year) ? { date: utc(year, month), precision: "MONTH" } : null;
  }
  if ((match = value.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/) ?? value.match(/^(\d{4})-(\d{2})-(\d{2})$/))) {
    const iso = match[1]!.length === 4;
    const [year, month, day] = iso ? [Number(match[1]), Number(match[2]), Number(match[3])] : [Number(match[3]), Number(match[2]), Number(match[1])];
    const date = utc(year, month - 1, day);
    const isReal = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    return isReal && isYear(year) ? { date, precision: "DAY" } : null;
  }
  return null;
}

/** How the admin form shows a stored planned date ("T3 2027", "09/2027", "15/09/2027"). */
export function plannedDateInput(date: Date | null, precision: DatePrecisionName | null): string {
  if (!date) return "";
  if (precision === "MONTH") return `${String(date.getUTCMonth() + 1).padStart(2, "0")}/${date.getUTCFullYear()}`;
  if (!precision || precision === "DAY") return formatDate(date);
  return formatPlannedDate(date, precision);
}
