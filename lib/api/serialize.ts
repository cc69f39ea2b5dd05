/** JSON forms shared by the API routes: ISO 8601 dates, day precision for the facts' dates. */
export function isoDay(date: Date): string;
export function isoDay(date: Date | null): string | null;
export function isoDay(date: Date | null): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}
