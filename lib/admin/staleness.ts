/** When a source's data is too old to rely on without saying so (the admin dashboard's « sources de plus de 6 mois »). */

/** A source whose latest file is older than this many months is stale. */
export const STALE_AFTER_MONTHS = 6;

/** `months` calendar months before `date`; a day the target month lacks (31 August − 6 months) becomes its last day. */
export function monthsBefore(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCDate(1);
  result.setUTCMonth(result.getUTCMonth() - months);
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return result;
}

/** The date before which a source is stale, seen from `now`. */
export function staleBefore(now: Date): Date {
  return monthsBefore(now, STALE_AFTER_MONTHS);
}
