/** French formatting for the UI. */
const integer = new Intl.NumberFormat("fr-FR");

export function formatInteger(value: number): string {
  return integer.format(value);
}

const EPCI_TYPES: Readonly<Record<string, string>> = {
  CC: "Communauté de communes",
  CA: "Communauté d'agglomération",
  CU: "Communauté urbaine",
  METRO: "Métropole",
  MET69: "Métropole à statut particulier",
};

export function epciTypeLabel(type: string): string {
  return EPCI_TYPES[type] ?? "Intercommunalité";
}

const MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"];

/** "15/11/2026" (dates are stored at midnight UTC). */
export function formatDate(date: Date): string {
  const day = String(date.getUTCDate()).padStart(2, "0");
  const month = String(date.getUTCMonth() + 1).padStart(2, "0");
  return `${day}/${month}/${date.getUTCFullYear()}`;
}

/** "7 mai 2027", "1er mars 2027": a day written out, for forecast dates (never "07/05/2027"). */
export function formatLongDate(date: Date): string {
  const day = date.getUTCDate();
  return `${day === 1 ? "1er" : day} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

export type DatePrecisionName = "DAY" | "MONTH" | "QUARTER" | "HALF" | "YEAR";

/**
 * A planned date at the precision it was announced with: "15 mars 2027", "mars 2027", "T2 2027",
 * "S1 2027", "2027". Never a day for a quarter.
 */
export function formatPlannedDate(date: Date, precision: DatePrecisionName | null): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (precision) {
    case "MONTH":
      return `${MONTHS[month]} ${year}`;
    case "QUARTER":
      return `T${Math.floor(month / 3) + 1} ${year}`;
    case "HALF":
      return `S${month < 6 ? 1 : 2} ${year}`;
    case "YEAR":
      return String(year);
    default:
      return formatLongDate(date);
  }
}

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

/** "15/11/2026 14:05", Paris time: when something happened in the admin. */
export function formatDateTime(date: Date): string {
  return dateTime.format(date);
}

/** "1 minute", "12 minutes": the wait before a limited form can be sent again, rounded up. */
export function formatMinutes(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return `${minutes} minute${minutes > 1 ? "s" : ""}`;
}

/** A rate limit's window: 3600 → "1 h", 300 → "5 min", 90 → "90 s". */
export function formatPeriod(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
