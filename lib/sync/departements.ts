/** Département codes as data:sync and DATA_SYNC_DEPARTEMENTS take them. */

/** "1" → "01", "2a" → "2A", "974"; null when it is no département code. */
export function normaliseDepartement(code: string): string | null {
  const value = code.trim().toUpperCase();
  if (/^\d$/.test(value)) return `0${value}`;
  if (/^(0[1-9]|1\d|2[1-9]|[3-8]\d|9[0-5]|2A|2B|97[1-6])$/.test(value)) return value;
  return null;
}
